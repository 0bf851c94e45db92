import { SHELL_STARTED_TARGETS, withoutShellReturn } from '../core/shell/return-params.js';
import { flowOf } from '../core/shell/round-trip-params.js';

/**
 * Where a Shell return stripped off the address bar waits for the code that completes it. A global symbol, so
 * that the classic-script entry (which strips before the page's body loads) can hand it to the ES module.
 */
const STRIPPED_RETURN = Symbol.for('hv-elements.shell-return');
type StrippedReturnHolder = { [STRIPPED_RETURN]?: string };

/** The Shell-started return (e.g. `target=Privacy`) already handed out for this address, so it is handed out once. */
let handedShellStarted: string | undefined;

/** A query parameter by name in any letter case, as the Shell's casing varies. */
function param(params: URLSearchParams, name: string): string | undefined {
  for (const [key, value] of params) if (key.toLowerCase() === name) return value;
  return undefined;
}

/**
 * Takes a return of the kit's own round trip (a `target` with the kit's state in `actionqs`), or anything with a
 * `wctoken`, off the address bar, synchronously, and keeps its query for {@link takeShellReturn}; true while such
 * a return waits to be completed. The define entries call it as they load, so the token is neither shown,
 * bookmarked nor sent as a referrer by anything the page loads after the kit.
 */
export function stripShellReturn(): boolean {
  const { href, search } = location;
  const params = new URLSearchParams(search);
  const holder = globalThis as StrippedReturnHolder;
  // A token leaves the address bar whatever came with it; the state check then refuses a return the kit did not start.
  const ours = param(params, 'target') !== undefined && flowOf(param(params, 'actionqs')) !== null;
  if (ours || param(params, 'wctoken') !== undefined) {
    history.replaceState(history.state, '', withoutShellReturn(href));
    holder[STRIPPED_RETURN] = search;
  }
  return holder[STRIPPED_RETURN] !== undefined;
}

/**
 * The Shell return on this page, once per page load however many elements ask: the query of the kit's own round
 * trip (off the address bar by now), or the query of a target the Shell starts by itself (Privacy,
 * ServiceAgreement, Home, Help, SignOut), which stays where it is. Anything else in the address bar, such as a
 * partner page's own `?target=…`, is not a Shell return: undefined. Parsing and checking are lazily loaded
 * (`shell-return.ts`).
 */
export function takeShellReturn(): string | undefined {
  stripShellReturn();
  const holder = globalThis as StrippedReturnHolder;
  const stripped = holder[STRIPPED_RETURN];
  delete holder[STRIPPED_RETURN];
  if (stripped !== undefined) return stripped;
  const { href, search } = location;
  const target = param(new URLSearchParams(search), 'target')?.toLowerCase();
  if (target === undefined || !SHELL_STARTED_TARGETS.includes(target) || handedShellStarted === href) return undefined;
  handedShellStarted = href;
  return search;
}
