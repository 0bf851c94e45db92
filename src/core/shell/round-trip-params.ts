// The names inside `actionqs`, apart from the ledger: the first download reads them, the ledger loads later.

/** The round-trip state's nonce. */
export const STATE_PARAM = 'hvstate';
/** The app's own data, echoed back by the Shell. */
export const APP_DATA_PARAM = 'action';

/** The round trip an `actionqs` belongs to: the state it carries, or null. */
export function flowOf(actionqs: string | undefined): string | null {
  return new URLSearchParams(actionqs).get(STATE_PARAM);
}
