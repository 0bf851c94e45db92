/**
 * Where the person's user token lives between requests: by default in the cookie itself, sealed (AES-256-GCM,
 * the expiry inside the sealed payload); or server-side in a {@link SessionStore}, the cookie holding only a
 * random session id. Either way the browser never reads the token.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** What the proxy keeps for one browser: the Shell's user token (wctoken) and instance id. */
export interface SessionData {
  wctoken: string;
  instanceId?: string;
}

/** Server-side session storage, for example {@link RedisSessionStore}. Values expire `ttlMs` after `set`. */
export interface SessionStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
}

/** A token the Shell posted (trm=post), parked until the page of round trip `state` claims it. */
export interface ParkedSignIn extends SessionData {
  /** The round trip's state (`hvstate` in `actionqs`): only the tab that started it knows it. */
  state: string;
}

/** How long a parked token waits for its page's claim. */
export const PARKED_TTL_MS = 60_000;

/** How the handler keeps sessions, in terms of the cookie value the browser holds. */
export interface Sessions {
  read(cookie: string | undefined): Promise<SessionData | undefined>;
  /** Starts a new session (ending the one `previous` names) and resolves with its cookie value. */
  start(previous: string | undefined, data: SessionData): Promise<string>;
  end(cookie: string | undefined): Promise<void>;
  /** Parks a posted token for {@link PARKED_TTL_MS}; resolves with the parking cookie's value. */
  park(parked: ParkedSignIn): Promise<string>;
  /** The token parked under `cookie` for round trip `state`, once (a wrong state uses the parking up too). */
  claim(cookie: string | undefined, state: string): Promise<SessionData | undefined>;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Binds a sealed value to its purpose: a value sealed with the same key for something else does not open here. */
const SEAL_CONTEXT = Buffer.from('hv-elements proxy session v1');
/** A parked token's context: a parking cookie never opens as a session cookie, nor the other way round. */
const PARK_CONTEXT = Buffer.from('hv-elements proxy parked sign-in v1');

/** A 32-byte AES key, given as bytes or as base64. */
export function sealingKey(key: string | Uint8Array): Buffer {
  const bytes = typeof key === 'string' ? Buffer.from(key, 'base64') : Buffer.from(key);
  if (bytes.length !== 32) throw new TypeError('The cookie key must be 32 bytes (AES-256), as bytes or base64.');
  return bytes;
}

interface SealedPayload {
  t: string;
  i?: string;
  /** Expiry, ms since the epoch. */
  e: number;
  /** A parked token's round-trip state. */
  s?: string;
}

function sealPayload(payload: SealedPayload, key: Buffer, context: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(context);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

function unsealPayload(value: string, key: Buffer, now: number, context: Buffer): SealedPayload | undefined {
  const bytes = Buffer.from(value, 'base64url');
  if (bytes.length <= IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES)).setAAD(context);
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const json = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
    const payload = JSON.parse(json.toString('utf8')) as SealedPayload;
    if (typeof payload.t !== 'string' || typeof payload.e !== 'number' || payload.e <= now) return undefined;
    return payload;
  } catch {
    return undefined;
  }
}

const sessionOf = (payload: { t: string; i?: string }): SessionData =>
  payload.i === undefined ? { wctoken: payload.t } : { wctoken: payload.t, instanceId: payload.i };

export function seal(data: SessionData, expiresAt: number, key: Buffer): string {
  return sealPayload({ t: data.wctoken, i: data.instanceId, e: expiresAt }, key, SEAL_CONTEXT);
}

/** The session in a sealed value; undefined when it was tampered with, sealed with another key, or has expired. */
export function unseal(value: string, key: Buffer, now: number): SessionData | undefined {
  const payload = unsealPayload(value, key, now, SEAL_CONTEXT);
  return payload && sessionOf(payload);
}

/**
 * Sessions sealed into the cookie. Nothing is kept server-side, so a copy of an old cookie stays valid until its
 * expiry even after a new hand-off or a sign-out; a {@link SessionStore} ends sessions for real.
 */
export function sealedCookieSessions(
  key: Buffer,
  ttlMs: number,
  now: () => number = Date.now,
  parkedTtlMs = PARKED_TTL_MS,
): Sessions {
  return {
    read: async (cookie) => (cookie ? unseal(cookie, key, now()) : undefined),
    start: async (_previous, data) => seal(data, now() + ttlMs, key),
    end: async () => {},
    // Nothing is kept server-side, so a parking cookie is not used up by its claim; it lasts a minute, the page
    // clears it, and its state is one a tab uses once.
    park: async ({ wctoken, instanceId, state }) =>
      sealPayload({ t: wctoken, i: instanceId, s: state, e: now() + parkedTtlMs }, key, PARK_CONTEXT),
    async claim(cookie, state) {
      const payload = cookie ? unsealPayload(cookie, key, now(), PARK_CONTEXT) : undefined;
      return payload?.s === state ? sessionOf(payload) : undefined;
    },
  };
}

/** A session id: 256 random bits, which is all the cookie carries when sessions are kept in a store. */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

export function storeSessions(store: SessionStore, ttlMs: number, parkedTtlMs = PARKED_TTL_MS): Sessions {
  const read = async (cookie: string | undefined): Promise<SessionData | undefined> => {
    if (!cookie || !SESSION_ID.test(cookie)) return undefined;
    const value = await store.get(cookie);
    if (value === undefined) return undefined;
    const data = JSON.parse(value) as Partial<SessionData>;
    if (typeof data.wctoken !== 'string') return undefined;
    return data.instanceId === undefined
      ? { wctoken: data.wctoken }
      : { wctoken: data.wctoken, instanceId: data.instanceId };
  };
  const end = async (cookie: string | undefined) => {
    if (cookie && SESSION_ID.test(cookie)) await store.delete(cookie);
  };
  return {
    read,
    end,
    async park(parked) {
      const id = randomBytes(32).toString('base64url');
      await store.set(`park:${id}`, JSON.stringify(parked), parkedTtlMs);
      return id;
    },
    async claim(cookie, state) {
      if (!cookie || !SESSION_ID.test(cookie)) return undefined;
      const value = await store.get(`park:${cookie}`);
      if (value === undefined) return undefined;
      await store.delete(`park:${cookie}`); // once, right or wrong
      const parked = JSON.parse(value) as Partial<ParkedSignIn>;
      if (typeof parked.wctoken !== 'string' || parked.state !== state) return undefined;
      return parked.instanceId === undefined
        ? { wctoken: parked.wctoken }
        : { wctoken: parked.wctoken, instanceId: parked.instanceId };
    },
    async start(previous, data) {
      await end(previous);
      const id = randomBytes(32).toString('base64url');
      await store.set(id, JSON.stringify(data), ttlMs);
      return id;
    },
  };
}
