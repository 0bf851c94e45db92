/**
 * The state carried through the Shell inside `actionqs`: a random nonce this tab remembers until the Shell
 * comes back, so that a return this tab did not start (another tab, another site, a replayed link, a stale one)
 * is refused. The app's own return data travels next to it. The nonce is not a credential; the store holds only
 * nonces and expiry times. Nothing touches `sessionStorage` or `crypto` until a function is called.
 * Consuming a state is in `round-trip-consume.ts`, loaded only on the page the Shell returns to.
 */
import { appDataParam } from './app-data.js';
import { readLedger, RETURN_PATH_PARAM, storeOf, writeLedger, type RoundTripOptions } from './round-trip-ledger.js';
import { STATE_PARAM } from './round-trip-params.js';

export { MAX_PENDING_STATES, STATE_STORAGE_KEY, type RoundTripOptions, type StateStore } from './round-trip-ledger.js';

const DEFAULT_TTL_MS = 30 * 60 * 1000;
const NONCE_BYTES = 16;

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function defaultRandom(bytes: Uint8Array): Uint8Array {
  return globalThis.crypto.getRandomValues(bytes);
}

/**
 * Starts a round trip: remembers a fresh 128-bit nonce and returns the `actionqs` value to send,
 * `hvstate=<nonce>&action=<appData>&hvreturn=<this page's path and query>` (the last where there is a page).
 */
export function createRoundTripState(appData: string | undefined, options: RoundTripOptions = {}): string {
  const appDataPart = appData === undefined ? '' : `&${appDataParam(appData)}`;
  const store = storeOf(options);
  const now = (options.now ?? Date.now)();
  const nonce = base64Url((options.random ?? defaultRandom)(new Uint8Array(NONCE_BYTES)));
  const ledger = readLedger(store);
  ledger.pending.push({ nonce, expiresAt: now + (options.ttlMs ?? DEFAULT_TTL_MS) });
  writeLedger(store, ledger);
  // Where a proxy's action URL sends the browser back to (trm=Post, or any return through it): this page.
  const page = globalThis.location;
  const returnPart = page ? `&${RETURN_PATH_PARAM}=${encodeURIComponent(page.pathname + page.search)}` : '';
  return `${STATE_PARAM}=${nonce}${appDataPart}${returnPart}`;
}
