// The return half of the round-trip state (see `round-trip-state.ts`), apart so that pages load it only when
// the Shell has come back.
import {
  invalidState,
  MAX_PENDING_STATES,
  readLedger,
  storeOf,
  writeLedger,
  type RoundTripOptions,
} from './round-trip-ledger.js';
import { APP_DATA_PARAM, STATE_PARAM } from './round-trip-params.js';

/**
 * Ends a round trip: checks the nonce in the returned `actionqs` against this tab's pending states, forgets it
 * (each state works once), and gives back the app data. Throws `HvError('invalid-state')` saying why otherwise.
 */
export function consumeRoundTripState(
  actionqs: string | undefined,
  options: RoundTripOptions = {},
): { appData?: string } {
  const params = new URLSearchParams(actionqs ?? '');
  const nonce = params.get(STATE_PARAM);
  if (!nonce) {
    throw invalidState(
      'The Shell return carries no round-trip state (no hvstate in actionqs), so it cannot be trusted',
    );
  }
  const store = storeOf(options);
  const ledger = readLedger(store);
  const index = ledger.pending.findIndex((entry) => entry.nonce === nonce);
  if (index === -1) {
    if (ledger.used.includes(nonce)) {
      throw invalidState('The round-trip state was already used: this Shell return has been processed before');
    }
    throw invalidState(
      'The round-trip state is unknown to this tab: the sign-in was started in another tab or window, ' +
        `was superseded by ${MAX_PENDING_STATES} newer ones, or did not come from this page`,
    );
  }
  const { expiresAt } = ledger.pending.splice(index, 1)[0];
  ledger.used.push(nonce);
  writeLedger(store, ledger);
  if ((options.now ?? Date.now)() >= expiresAt) {
    throw invalidState('The round-trip state expired before the Shell returned; start the sign-in again');
  }
  const appData = params.get(APP_DATA_PARAM);
  return appData === null ? {} : { appData };
}
