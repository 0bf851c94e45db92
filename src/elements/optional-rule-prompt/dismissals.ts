/**
 * "Not now", remembered per application, record and rule until a time, in localStorage so that it outlasts the
 * page. An entry holds those two ids, the rule's name and the time: no health data, no token. Where storage is
 * refused (private modes, a blocked origin) it lasts as long as the page.
 */
const PREFIX = 'hv-elements:not-now:';
const inMemory = new Map<string, number>();

const keyOf = (appId: string, recordId: string, rule: string) =>
  `${PREFIX}${appId.toLowerCase()}:${recordId.toLowerCase()}:${rule}`;

/** Until when `rule` is put off for this application and record (epoch ms), if it still is at `now`. */
export function dismissedUntil(appId: string, recordId: string, rule: string, now = Date.now()): number | undefined {
  const key = keyOf(appId, recordId, rule);
  let until: number | undefined;
  try {
    until = Number(localStorage.getItem(key)) || undefined;
    if (until !== undefined && until <= now) localStorage.removeItem(key);
  } catch {
    // Storage refused: what this page remembers is all there is.
    until = inMemory.get(key);
  }
  return until !== undefined && until > now ? until : undefined;
}

/** Puts `rules` off until `until` (epoch ms) for this application and record. */
export function dismiss(appId: string, recordId: string, rules: readonly string[], until: number): void {
  for (const rule of rules) {
    const key = keyOf(appId, recordId, rule);
    try {
      localStorage.setItem(key, String(until));
    } catch {
      // Storage refused or full: remembered for this page only.
      inMemory.set(key, until);
    }
  }
}
