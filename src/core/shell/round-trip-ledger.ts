/**
 * This tab's ledger of round-trip states (see `round-trip-state.ts`): the nonces it waits for and those it has
 * seen come back, in session storage. Creating and consuming a state share it but live in separate modules, so
 * that a page that only starts sign-ins does not load the code that completes them.
 */
import { HvError } from '../errors.js';

/** The part of the Web Storage API the round trip uses; `sessionStorage` satisfies it. */
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

export interface Ledger {
  pending: PendingState[];
  /** Recently consumed nonces, kept only to tell a replay apart from a foreign state. */
  used: string[];
}

/**
 * The `actionqs` name of the page's path: where a proxy's action URL (trm=Post) sends the browser back to
 * (src/proxy/post-return.ts). Here, beside the ledger, because only the lazily loaded halves use it.
 */
export const RETURN_PATH_PARAM = 'hvreturn';

export const STATE_STORAGE_KEY = 'hv-elements.round-trip-state';
/** Bounds storage whatever a page does: the oldest pending state is dropped first. */
export const MAX_PENDING_STATES = 10;
const MAX_USED_STATES = 20;

export function invalidState(message: string, cause?: unknown): HvError {
  return new HvError('invalid-state', message, { cause });
}

export function storeOf(options: RoundTripOptions): StateStore {
  if (options.store) return options.store;
  let failure: unknown;
  try {
    // Reading `sessionStorage` throws where storage is disabled (sandboxed frames, some privacy settings).
    const session = (globalThis as { sessionStorage?: StateStore }).sessionStorage;
    if (session) return session;
  } catch (error) {
    failure = error;
  }
  throw invalidState('Session storage is not available, so the sign-in round trip cannot be protected', failure);
}

function isPendingState(value: unknown): value is PendingState {
  const entry = value as PendingState;
  return typeof entry?.nonce === 'string' && typeof entry.expiresAt === 'number';
}

/** Reads the ledger; anything unreadable (another version, tampering) counts as empty. */
export function readLedger(store: StateStore): Ledger {
  try {
    const parsed = JSON.parse(store.getItem(STATE_STORAGE_KEY) ?? 'null') as Partial<Ledger> | null;
    const pending = Array.isArray(parsed?.pending) ? parsed.pending.filter(isPendingState) : [];
    const used = Array.isArray(parsed?.used) ? parsed.used.filter((n): n is string => typeof n === 'string') : [];
    return { pending, used };
  } catch {
    return { pending: [], used: [] };
  }
}

export function writeLedger(store: StateStore, ledger: Ledger): void {
  const trimmed: Ledger = {
    pending: ledger.pending.slice(-MAX_PENDING_STATES),
    used: ledger.used.slice(-MAX_USED_STATES),
  };
  try {
    if (trimmed.pending.length === 0 && trimmed.used.length === 0) store.removeItem(STATE_STORAGE_KEY);
    else store.setItem(STATE_STORAGE_KEY, JSON.stringify(trimmed));
  } catch (error) {
    throw invalidState('The sign-in round-trip state could not be saved in session storage', error);
  }
}
