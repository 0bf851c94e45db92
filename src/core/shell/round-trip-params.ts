// The names inside `actionqs`, apart from the ledger: the first download reads them, the ledger loads later.

/** The round-trip state's nonce. */
export const STATE_PARAM = 'hvstate';
/** The app's own data, echoed back by the Shell. */
export const APP_DATA_PARAM = 'action';
