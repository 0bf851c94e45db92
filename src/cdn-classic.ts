// The classic-script cdn entry, `<script src=".../hv-elements.iife.js">`: it loads the ES module beside it, so
// a page downloads one copy of the kit whichever tag it uses, the rarely needed parts stay lazy, and loading it
// twice defines nothing twice. `window.HvElements` is the promise of that module's public exports.
import type * as HvElements from './cdn.js';
import { stripShellReturn } from './session/take-shell-return.js';

declare global {
  interface Window {
    HvElements?: Promise<Readonly<typeof HvElements>>;
  }
}

// A classic script in the head runs before the body loads anything: the earliest the token can leave the
// address bar. The ES module takes the return over when it loads.
stripShellReturn();

const script = document.currentScript;
if (!(script instanceof HTMLScriptElement) || !script.src) {
  throw new Error('hv-elements.iife.js must be loaded by a <script src="…"> tag.');
}

/**
 * The module's public names only: the bundler adds internal exports to it for its lazy chunks to share. Naming
 * them all here is checked by the type of `window.HvElements`: a public export left out does not compile.
 */
const PUBLIC_NAMES = [
  'HvConfigElement',
  'HvConnectButton',
  'HvAuthStatus',
  'HvReauthorizeButton',
  'HvOptionalRulePrompt',
  'HvPickupCodeEntry',
  'HvError',
  'getSession',
  'loadElement',
  'handleShellReturn',
] as const satisfies readonly (keyof typeof HvElements)[];

function publicExports(module: typeof HvElements): Pick<typeof HvElements, (typeof PUBLIC_NAMES)[number]> {
  return Object.freeze(Object.fromEntries(PUBLIC_NAMES.map((name) => [name, module[name]]))) as typeof module;
}

window.HvElements ??= import(/* @vite-ignore */ new URL('hv-elements.js', script.src).href).then(publicExports);
