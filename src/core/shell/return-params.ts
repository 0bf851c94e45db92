// The names of what the Shell sends back, apart from the parsing of it: the connect button strips them off the
// address bar on every page load, while parsing is loaded only when there is a return.
import type { ShellReturn } from './return.js';

/** Lower-cased wire name of each field; also the parameters {@link withoutShellReturn} removes. */
export const RETURN_PARAMS: Readonly<Record<keyof ShellReturn, string>> = {
  target: 'target',
  wctoken: 'wctoken',
  instanceId: 'instanceid',
  actionqs: 'actionqs',
  targetDetails: 'targetdetails',
  appId: 'appid',
  suggestedTokenTtl: 'suggestedtokenttl',
};
export const RETURN_PARAM_NAMES: ReadonlySet<string> = new Set(Object.values(RETURN_PARAMS));

/**
 * Return targets the Shell sends by itself rather than in answer to a request of the kit (reference §3): links to
 * the app's own pages, and sign-out. They carry no round-trip state; lower-cased, as compared.
 */
export const SHELL_STARTED_TARGETS: readonly string[] = ['home', 'help', 'privacy', 'serviceagreement', 'signout'];

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/**
 * `href` without the Shell's return parameters (any casing), for `history.replaceState` so the token leaves the
 * address bar. Other parameters keep their exact spelling and order, and the fragment is kept.
 */
export function withoutShellReturn(href: string): string {
  const hashAt = href.indexOf('#');
  const hash = hashAt === -1 ? '' : href.slice(hashAt);
  const beforeHash = hashAt === -1 ? href : href.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  if (queryAt === -1) return href;
  const kept = beforeHash
    .slice(queryAt + 1)
    .split('&')
    .filter((part) => part !== '' && !RETURN_PARAM_NAMES.has(decodeName(part.split('=', 1)[0] ?? '').toLowerCase()));
  const base = beforeHash.slice(0, queryAt);
  return (kept.length > 0 ? `${base}?${kept.join('&')}` : base) + hash;
}
