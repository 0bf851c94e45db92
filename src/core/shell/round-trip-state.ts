/**
 * The state carried through the Shell inside `actionqs`: a random nonce this tab remembers until the Shell
 * comes back, so that a return this tab did not start (another tab, another site, a replayed link, a stale one)
 * is refused. The app's own return data travels next to it. The nonce is not a credential; the store holds only
 * nonces and expiry times. Nothing touches `sessionStorage` or `crypto` until a function is called.
 */
import { HvError } from '../errors.js';

/** The part of the Web Storage API this module uses; `sessionStorage` satisfies it. */
export interface StateStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface RoundTripOptions {
  /** Where pending states live; default `sessionStorage`, which makes the state tab-scoped. */
  store?: StateStore;
  /** Clock in milliseconds; default `Date.now`. */
  now?: () => number;
  /** How long a state stays valid; default 30 minutes. */
  ttlMs?: number;
  /** Fills the array with random bytes; default `crypto.getRandomValues`. */
  random?: (bytes: Uint8Array) => Uint8Array;
}

interface PendingState {
  nonce: string;
  expiresAt: number;
}

interface Ledger {
  pending: PendingState[];
  /** Recently consumed nonces, kept only to tell a replay apart from a foreign state. */
  used: string[];
}

export const STATE_STORAGE_KEY = 'hv-elements.round-trip-state';
const STATE_PARAM = 'hvstate';
const APP_DATA_PARAM = 'action';
const DEFAULT_TTL_MS = 30 * 60 * 1000;
const NONCE_BYTES = 16;
/** Bounds storage whatever a page does: the oldest pending state is dropped first. */
export const MAX_PENDING_STATES = 10;
const MAX_USED_STATES = 20;

function invalid(message: string, cause?: unknown): HvError {
  return new HvError('invalid-state', message, { cause });
}

function storeOf(options: RoundTripOptions): StateStore {
  if (options.store) return options.store;
  try {
    // Reading `sessionStorage` throws where storage is disabled (sandboxed frames, some privacy settings).
    const session = (globalThis as { sessionStorage?: StateStore }).sessionStorage;
    if (session) return session;
  } catch (error) {
    throw invalid('Session storage is not available, so the sign-in round trip cannot be protected', error);
  }
  throw invalid('Session storage is not available, so the sign-in round trip cannot be protected');
}

function isPendingState(value: unknown): value is PendingState {
  const entry = value as PendingState;
  return typeof entry?.nonce === 'string' && typeof entry.expiresAt === 'number';
}

/** Reads the ledger; anything unreadable (another version, tampering) counts as empty. */
function readLedger(store: StateStore): Ledger {
  try {
    const parsed = JSON.parse(store.getItem(STATE_STORAGE_KEY) ?? 'null') as Partial<Ledger> | null;
    const pending = Array.isArray(parsed?.pending) ? parsed.pending.filter(isPendingState) : [];
    const used = Array.isArray(parsed?.used) ? parsed.used.filter((n): n is string => typeof n === 'string') : [];
    return { pending, used };
  } catch {
    return { pending: [], used: [] };
  }
}

function writeLedger(store: StateStore, ledger: Ledger): void {
  const trimmed: Ledger = {
    pending: ledger.pending.slice(-MAX_PENDING_STATES),
    used: ledger.used.slice(-MAX_USED_STATES),
  };
  try {
    if (trimmed.pending.length === 0 && trimmed.used.length === 0) store.removeItem(STATE_STORAGE_KEY);
    else store.setItem(STATE_STORAGE_KEY, JSON.stringify(trimmed));
  } catch (error) {
    throw invalid('The sign-in round-trip state could not be saved in session storage', error);
  }
}

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
 * `hvstate=<nonce>&action=<appData>` (URLSearchParams encoding, so any app data survives).
 */
export function createRoundTripState(appData: string | undefined, options: RoundTripOptions = {}): string {
  const store = storeOf(options);
  const now = (options.now ?? Date.now)();
  const nonce = base64Url((options.random ?? defaultRandom)(new Uint8Array(NONCE_BYTES)));
  const ledger = readLedger(store);
  ledger.pending.push({ nonce, expiresAt: now + (options.ttlMs ?? DEFAULT_TTL_MS) });
  writeLedger(store, ledger);
  const actionqs = new URLSearchParams({ [STATE_PARAM]: nonce });
  if (appData !== undefined) actionqs.set(APP_DATA_PARAM, appData);
  return actionqs.toString();
}

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
    throw invalid('The Shell return carries no round-trip state (no hvstate in actionqs), so it cannot be trusted');
  }
  const store = storeOf(options);
  const ledger = readLedger(store);
  const index = ledger.pending.findIndex((entry) => entry.nonce === nonce);
  if (index === -1) {
    if (ledger.used.includes(nonce)) {
      throw invalid('The round-trip state was already used: this Shell return has been processed before');
    }
    throw invalid(
      'The round-trip state is unknown to this tab: the sign-in was started in another tab or window, ' +
        `was superseded by ${MAX_PENDING_STATES} newer ones, or did not come from this page`,
    );
  }
  const { expiresAt } = ledger.pending.splice(index, 1)[0];
  ledger.used.push(nonce);
  writeLedger(store, ledger);
  if ((options.now ?? Date.now)() >= expiresAt) {
    throw invalid('The round-trip state expired before the Shell returned; start the sign-in again');
  }
  const appData = params.get(APP_DATA_PARAM);
  return appData === null ? {} : { appData };
}
