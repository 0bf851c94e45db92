import { withoutShellReturn } from '../../core/shell/return-params.js';

/**
 * Takes what the Shell sent back off the address bar, at once and synchronously, so the token is neither
 * visible, bookmarked nor sent as a referrer, and returns the query it was in (undefined on a normal page
 * load). Parsing and checking it is the lazily loaded part, in `shell-return.ts`.
 */
export function takeShellReturn(): string | undefined {
  const stripped = withoutShellReturn(location.href);
  if (stripped === location.href) return undefined;
  const query = location.search;
  history.replaceState(history.state, '', stripped);
  return query;
}
