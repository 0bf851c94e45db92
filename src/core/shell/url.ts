/**
 * Builds HealthVault Shell redirect URLs (reference §2): `{shell}/redirect.aspx?target=T&targetqs=Q`, where Q is
 * `k1=v1&k2=v2…` with each value URL-encoded and then the whole of Q URL-encoded again. Every value is checked
 * first, and a bad one throws an `HvError('invalid-shell-request')` that names it.
 *
 * `buildUrlFor(spec, …)` and `buildAuthUrl` keep a bundle down to the targets it uses; `buildShellUrl` takes any
 * target by name and so keeps every target's parameters.
 */
import { invalidRequest, parseWebUrl, type BuildShellUrlOptions } from './param-kinds.js';
import {
  AUTH_TARGET,
  SHELL_TARGETS,
  type ShellParamSpec,
  type ShellRequest,
  type ShellTarget,
  type TargetRequest,
  type TargetSpec,
} from './targets.js';

export type { BuildShellUrlOptions } from './param-kinds.js';

/** The Shells of the HealthVault instances (reference §1). */
export const SHELL_PRESETS: Readonly<Record<'us' | 'us-ppe' | 'eu' | 'eu-ppe', string>> = Object.freeze({
  us: 'https://account.healthvault.com',
  'us-ppe': 'https://account.healthvault-ppe.com',
  eu: 'https://account.healthvault.co.uk',
  'eu-ppe': 'https://account.healthvault-ppe.co.uk',
});

const PRESET_HINT = 'use us, us-ppe, eu, eu-ppe or an https URL';

/**
 * The Shell base URL for a preset name or an https URL (http only on localhost), without a trailing slash.
 * A URL that already ends in `/redirect.aspx` is accepted and trimmed, as the .NET SDK does.
 */
export function resolveShell(shell: string): string {
  const value = typeof shell === 'string' ? shell.trim() : '';
  if (value === '') throw invalidRequest(`The shell is missing: ${PRESET_HINT}`);
  if (!value.includes('://')) {
    const preset = value.toLowerCase();
    if (Object.hasOwn(SHELL_PRESETS, preset)) return SHELL_PRESETS[preset as keyof typeof SHELL_PRESETS];
    throw invalidRequest(`Unknown shell preset "${value}": ${PRESET_HINT}`);
  }
  const subject = `Shell ${JSON.stringify(value)}`;
  const url = parseWebUrl(value, subject);
  if (url.search || url.hash) throw invalidRequest(`${subject} must not have a query or fragment`);
  const path = url.pathname.replace(/\/redirect\.aspx$/i, '').replace(/\/+$/, '');
  return url.origin + path;
}

/**
 * The Shell redirect URL for a request to the target `spec` describes, e.g. `buildUrlFor(APPSIGNOUT_TARGET, …)`.
 * `trm` goes inside targetqs, and `Post` is repeated at the top level (`&trm=post`) because official code uses
 * both places (reference §2). targetqs has no leading `?` and is left out when the request has no parameters.
 */
export function buildUrlFor<T extends ShellTarget>(
  spec: TargetSpec<T>,
  request: TargetRequest<T>,
  options: BuildShellUrlOptions = {},
): string {
  const shell = resolveShell(request.shell);
  const { target, required } = spec;
  // Required first, then optional: the order error messages list them in.
  const takes: Record<string, ShellParamSpec> = Object.assign({}, required, ...spec.optional);
  const fields = request as unknown as Record<string, unknown>;
  for (const name of Object.keys(fields)) {
    if (name !== 'shell' && fields[name] !== undefined && !Object.hasOwn(takes, name)) {
      throw invalidRequest(
        `${name} is not a parameter of the ${target} target (it takes ${Object.keys(takes).join(', ') || 'none'})`,
      );
    }
    // A lone surrogate makes encodeURIComponent throw an untyped URIError, and URL() quietly turns it into U+FFFD.
    if ([fields[name]].flat().some((item) => typeof item === 'string' && /\p{Cs}/u.test(item))) {
      throw invalidRequest(`${name} has a lone surrogate`);
    }
  }
  for (const [name, param] of Object.entries(required) as [string, ShellParamSpec][]) {
    if (fields[name] === undefined) throw invalidRequest(`The ${target} target needs ${name} (${param.wire})`);
  }
  const pairs = Object.keys(takes)
    .filter((name) => fields[name] !== undefined)
    .sort((a, b) => takes[a].order - takes[b].order)
    .flatMap((name) => takes[name].kind(fields[name], { name, wire: takes[name].wire, target, options }));
  let url = `${shell}/redirect.aspx?target=${target}`;
  if (pairs.length > 0) {
    const targetqs = pairs.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
    url += `&targetqs=${encodeURIComponent(targetqs)}`;
  }
  if (fields.tokenRedirectMethod === 'Post') url += '&trm=post';
  return url;
}

/** The sign-in URL (target AUTH); a bundle that builds only this one holds AUTH's parameters alone. */
export function buildAuthUrl(request: TargetRequest<'AUTH'>, options?: BuildShellUrlOptions): string {
  return buildUrlFor(AUTH_TARGET, request, options);
}

/** The Shell redirect URL for a request to any target, named in `request.target` (any letter case). */
export function buildShellUrl(request: ShellRequest, options?: BuildShellUrlOptions): string {
  const { target, ...fields } = request;
  const name = String(target).toUpperCase();
  if (!Object.hasOwn(SHELL_TARGETS, name)) throw invalidRequest(`Unknown Shell target "${target}"`);
  return buildUrlFor(SHELL_TARGETS[name as ShellTarget], fields as never, options);
}
