/**
 * Reading a Shell return that came to the proxy's action URL (trm=post, wire-format.md §5): the token from the
 * form (or the query), `target` and `actionqs` from the query; and the page to send the browser back to, a path
 * of this site from `actionqs`, never anything that leaves it (no open redirect).
 */
import type { ParkedSignIn } from './sessions.js';

/** The names inside `actionqs` (src/core/shell/round-trip-params.ts, round-trip-ledger.ts). */
const STATE_PARAM = 'hvstate';
const RETURN_PATH_PARAM = 'hvreturn';
const SIGNED_IN_TARGETS = new Set(['appauthsuccess', 'selectedrecordchanged']);
const MAX_TOKEN_LENGTH = 8192;
/** A path on this site: one slash (not `//host` nor `/\host`), no whitespace or backslash… */
const SAME_SITE_PATH = /^\/(?![/\\])[^\s\\]*$/;
/** …and no control character. */
const isSameSitePath = (path: string) =>
  SAME_SITE_PATH.test(path) && [...path].every((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f);

export interface PostedReturn {
  /** Where to send the browser: the page's path, with `target` and `actionqs` added. */
  location: string;
  /** The token to park for the round trip's state; absent when the Shell sent none (AppAuthReject). */
  parked?: ParkedSignIn;
}

/** A parameter in any letter case, as the Shell's casing varies. */
function param(params: URLSearchParams, name: string): string | undefined {
  for (const [key, value] of params) if (key.toLowerCase() === name) return value;
  return undefined;
}

/**
 * The return in `query` and `form`; undefined when it is not one of a round trip the kit started (no `target`, or
 * no state in `actionqs`), which the proxy refuses.
 */
export function postedReturn(query: URLSearchParams, form: URLSearchParams): PostedReturn | undefined {
  const target = param(query, 'target');
  const actionqs = param(query, 'actionqs');
  if (!target || actionqs === undefined) return undefined;
  const inner = new URLSearchParams(actionqs);
  const state = inner.get(STATE_PARAM);
  if (!state || state.length > 64) return undefined;
  const path = inner.get(RETURN_PATH_PARAM) ?? '/';
  const page = isSameSitePath(path) ? path : '/';
  const back = new URLSearchParams({ target, actionqs }).toString();
  const location = `${page}${page.includes('?') ? '&' : '?'}${back}`;
  const wctoken = param(form, 'wctoken') ?? param(query, 'wctoken');
  if (!wctoken || wctoken.length > MAX_TOKEN_LENGTH || !SIGNED_IN_TARGETS.has(target.toLowerCase())) {
    return { location };
  }
  const instanceId = param(form, 'instanceid') ?? param(query, 'instanceid');
  const validInstance = instanceId !== undefined && /^[\w-]{1,64}$/.test(instanceId);
  return { location, parked: { wctoken, state, ...(validInstance ? { instanceId } : {}) } };
}
