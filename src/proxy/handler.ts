/**
 * The proxy the elements talk to (README, "The proxy contract"), as one request handler with the
 * `(req, res, next)` signature of node:http, Express, Connect and Fastify's middie. Under its mount path:
 * `POST|DELETE /session` (the Shell's token hand-off, sign-out) and `POST /{Method}` for the allowed methods.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Methods } from '../core/platform/methods.js';
import { KIT_REQUEST_HEADER } from '../transport/proxy.js';
import { InvalidInfo, platformInfo } from './info-document.js';
import { postedReturn } from './post-return.js';
import { UpstreamFailure, UpstreamTimeout, type PlatformClient } from './platform.js';
import {
  PARKED_TTL_MS,
  sealedCookieSessions,
  sealingKey,
  storeSessions,
  type SessionData,
  type SessionStore,
  type Sessions,
} from './sessions.js';

/** A method the handler forwards, and whether it acts for the signed-in person (then it needs their token). */
export interface ProxyMethod {
  name: string;
  actsFor: 'person' | 'application';
}

/** What the patient-facing elements call. */
export const PATIENT_METHODS: readonly ProxyMethod[] = [
  { name: Methods.GetPersonInfo, actsFor: 'person' },
  { name: Methods.GetAuthorizedRecords, actsFor: 'person' },
  { name: Methods.QueryPermissions, actsFor: 'person' },
  { name: Methods.GetApplicationInfo, actsFor: 'application' },
];

/**
 * What the staff elements call (Patient Connect). They act for the application, with no person signed in, so
 * anyone who reaches them acts as the application: serve them only from a handler behind the host's own staff
 * authentication.
 */
export const STAFF_METHODS: readonly ProxyMethod[] = [
  { name: Methods.CreateConnectRequest, actsFor: 'application' },
  { name: Methods.GetAuthorizedConnectRequests, actsFor: 'application' },
  { name: Methods.DeletePendingConnectRequest, actsFor: 'application' },
  { name: Methods.UpdateExternalId, actsFor: 'application' },
];

export interface ProxyHandlerOptions {
  /** The platform connection ({@link createPlatformClient}); share one between handlers for one app session. */
  platform: PlatformClient;
  /** Where the handler is mounted (`/hv` for `proxy-url="/hv"`); also the session cookie's Path. */
  mountPath: string;
  /** The methods forwarded; any other is 404. {@link PATIENT_METHODS} when absent. */
  methods?: readonly ProxyMethod[];
  /** 32 bytes (or their base64) sealing the session into the cookie. Give this or `store`. */
  cookieKey?: string | Uint8Array;
  /** Keeps sessions server-side instead; the cookie then holds only a random session id. */
  store?: SessionStore;
  /** `hv-session` when absent. */
  cookieName?: string;
  /** How long a session lasts after the hand-off, in ms (8 hours when absent). */
  sessionTtlMs?: number;
  /** How long a token the Shell posted (trm=post) waits for its page's claim, in ms (a minute when absent). */
  parkedTtlMs?: number;
  /** The largest request body accepted, in bytes (64 KiB when absent); larger is 413. */
  maxBodyBytes?: number;
  /**
   * The page's origin as the browser sees it (`https://partner.example`). When absent, a request's `Origin` must
   * name the host of its `Host` header, whatever the scheme (a TLS terminator in front hides it).
   */
  origin?: string;
  /** Told one line per request and about the app session; never a token, secret, cookie or body. */
  log?: (line: string) => void;
}

export type ProxyHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

const DEFAULT_TTL_MS = 8 * 60 * 60 * 1000;
const DEFAULT_MAX_BODY = 64 * 1024;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const METHOD_VERSION = /^[1-9][0-9]{0,2}$/;
const MAX_TOKEN_LENGTH = 8192;

/** A refusal: the HTTP status and a short plain-text reason. */
class Refusal {
  constructor(
    readonly status: number,
    readonly reason: string,
    readonly headers: Record<string, string | string[]> = {},
  ) {}
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const pair of (header(req, 'cookie') ?? '').split(';')) {
    const equals = pair.indexOf('=');
    if (equals > 0 && pair.slice(0, equals).trim() === name) return pair.slice(equals + 1).trim();
  }
  return undefined;
}

function hasMediaType(req: IncomingMessage, mediaType: string): boolean {
  const [type, ...parameters] = (header(req, 'content-type') ?? '').split(';').map((part) => part.trim().toLowerCase());
  return type === mediaType && parameters.every((parameter) => parameter === 'charset=utf-8');
}

function isLocalhost(req: IncomingMessage): boolean {
  const hostname = (header(req, 'host') ?? '').replace(/:\d+$/, '').toLowerCase();
  return (
    hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '127.0.0.1' || hostname === '[::1]'
  );
}

/** The body as UTF-8 text; a {@link Refusal} when it is too large or not UTF-8. */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  if (Number(header(req, 'content-length') ?? 0) > limit) {
    return Promise.reject(new Refusal(413, `The body is over ${limit} bytes.`, { Connection: 'close' }));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData).off('end', onEnd);
      req.resume(); // the rest is read and dropped; the connection closes after the answer
      reject(new Refusal(413, `The body is over ${limit} bytes.`, { Connection: 'close' }));
    };
    const onEnd = () => {
      try {
        resolve(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
      } catch {
        reject(new Refusal(400, 'The body is not UTF-8.'));
      }
    };
    req.on('data', onData).on('end', onEnd).on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body = '', headers: Record<string, string | string[]> = {}): void {
  res.writeHead(status, {
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(body === '' ? {} : { 'Content-Type': 'text/plain; charset=utf-8' }),
    ...headers,
  });
  res.end(body);
}

function sessionsFor(options: ProxyHandlerOptions, ttlMs: number): Sessions | undefined {
  if (options.store && options.cookieKey !== undefined) {
    throw new TypeError('Give the proxy a cookieKey or a store, not both.');
  }
  const parkedTtlMs = options.parkedTtlMs ?? PARKED_TTL_MS;
  if (options.store) return storeSessions(options.store, ttlMs, parkedTtlMs);
  if (options.cookieKey !== undefined) {
    return sealedCookieSessions(sealingKey(options.cookieKey), ttlMs, Date.now, parkedTtlMs);
  }
  return undefined;
}

export function createProxyHandler(options: ProxyHandlerOptions): ProxyHandler {
  const mount = options.mountPath.replace(/\/+$/, '');
  if (!mount.startsWith('/')) throw new TypeError('mountPath must start with "/".');
  const methods = new Map((options.methods ?? PATIENT_METHODS).map((method) => [method.name, method]));
  const forPerson = [...methods.values()].some((method) => method.actsFor === 'person');
  const ttlMs = options.sessionTtlMs ?? DEFAULT_TTL_MS;
  const sessions = sessionsFor(options, ttlMs);
  if (forPerson && !sessions) throw new TypeError('Methods that act for a person need a cookieKey or a store.');
  const cookieName = options.cookieName ?? 'hv-session';
  const parkedTtlMs = options.parkedTtlMs ?? PARKED_TTL_MS;
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const log = options.log ?? (() => {});

  /** Why the request may not go on (login CSRF, README's rules), or undefined. */
  function refusal(req: IncomingMessage, mediaType?: string): Refusal | undefined {
    const site = header(req, 'sec-fetch-site');
    if (site !== undefined && site !== 'same-origin')
      return new Refusal(403, 'Refused: Sec-Fetch-Site is not same-origin.');
    const origin = header(req, 'origin');
    if (origin !== undefined && !isOwnOrigin(req, origin))
      return new Refusal(403, "Refused: the Origin is not this site's.");
    const { name, value } = KIT_REQUEST_HEADER;
    if (header(req, name.toLowerCase()) !== value)
      return new Refusal(403, `Refused: the header ${name}: ${value} is missing.`);
    if (mediaType && !hasMediaType(req, mediaType)) return new Refusal(415, `The Content-Type must be ${mediaType}.`);
    const encoding = header(req, 'content-encoding');
    if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
      return new Refusal(415, 'The body must not be encoded (Content-Encoding).');
    }
    return undefined;
  }

  function isOwnOrigin(req: IncomingMessage, origin: string): boolean {
    if (options.origin !== undefined) return origin === options.origin;
    try {
      return new URL(origin).host === header(req, 'host');
    } catch {
      return false; // `null` and other opaque origins
    }
  }

  function sessionCookie(req: IncomingMessage, value: string, maxAgeSeconds: number, name = cookieName): string {
    const secure = isLocalhost(req) ? '' : '; Secure';
    return `${name}=${value}; Path=${mount}; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure}`;
  }

  /** Where a token the Shell posted (trm=post) waits for its page: a cookie of its own, for a minute. */
  const parkCookieName = `${cookieName}-park`;

  /**
   * The action URL the Shell returns to with trm=post (`{mount}/shell-return`): it parks a posted token (from the
   * form, or the query) under a cookie of its own and sends the browser to the page the round trip began on,
   * a path of this site carried in `actionqs` (`hvreturn`), with `target` and `actionqs` and never the token.
   * The Shell's POST comes from another site: no CSRF check here; the page's claim has them all.
   */
  async function shellReturn(req: IncomingMessage, res: ServerResponse, keeper: Sessions): Promise<number> {
    if (req.method !== 'GET' && req.method !== 'POST')
      throw new Refusal(405, 'Use GET or POST.', { Allow: 'GET, POST' });
    let form = new URLSearchParams();
    if (req.method === 'POST') {
      if (!hasMediaType(req, 'application/x-www-form-urlencoded')) {
        throw new Refusal(415, 'The Shell posts application/x-www-form-urlencoded.');
      }
      form = new URLSearchParams(await readBody(req, limit));
    }
    const posted = postedReturn(new URL(req.url ?? '/', 'http://proxy.invalid').searchParams, form);
    if (!posted) throw new Refusal(400, 'This is not a Shell return of a round trip this site started.');
    const headers: Record<string, string | string[]> = { Location: posted.location, 'Referrer-Policy': 'no-referrer' };
    if (posted.parked) {
      const value = await keeper.park(posted.parked);
      headers['Set-Cookie'] = sessionCookie(req, value, Math.ceil(parkedTtlMs / 1000), parkCookieName);
    }
    send(res, 303, '', headers);
    return 303;
  }

  async function handOff(req: IncomingMessage, res: ServerResponse, keeper: Sessions): Promise<number> {
    if (req.method === 'DELETE') {
      const refused = refusal(req);
      if (refused) throw refused;
      await keeper.end(cookieValue(req, cookieName));
      send(res, 204, '', { 'Set-Cookie': sessionCookie(req, '', 0) });
      return 204;
    }
    if (req.method !== 'POST') throw new Refusal(405, 'Use POST or DELETE.', { Allow: 'POST, DELETE' });
    const refused = refusal(req, 'application/json');
    if (refused) throw refused;
    let body: { wctoken?: unknown; instanceid?: unknown; claim?: unknown } | null;
    try {
      body = JSON.parse(await readBody(req, limit)) as typeof body;
    } catch (error) {
      if (error instanceof Refusal) throw error;
      throw new Refusal(400, 'The body must be JSON with a wctoken.');
    }
    const { wctoken, instanceid, claim } = body ?? {};
    if (typeof claim === 'string' && wctoken === undefined) {
      // trm=post: the page of round trip `claim` takes the token parked for it, with the parking cookie.
      const parked = await keeper.claim(cookieValue(req, parkCookieName), claim);
      const clear = sessionCookie(req, '', 0, parkCookieName);
      if (!parked) throw new Refusal(403, 'No sign-in is parked for this page.', { 'Set-Cookie': clear });
      const value = await keeper.start(cookieValue(req, cookieName), parked);
      send(res, 204, '', { 'Set-Cookie': [sessionCookie(req, value, Math.floor(ttlMs / 1000)), clear] });
      return 204;
    }
    if (typeof wctoken !== 'string' || !wctoken || wctoken.length > MAX_TOKEN_LENGTH) {
      throw new Refusal(400, 'The body must be JSON with a wctoken.');
    }
    if (instanceid !== undefined && (typeof instanceid !== 'string' || !/^[\w-]{1,64}$/.test(instanceid))) {
      throw new Refusal(400, 'The instanceid must be a short string.');
    }
    const data: SessionData = instanceid === undefined ? { wctoken } : { wctoken, instanceId: instanceid };
    // Always a new session: one planted before the sign-in never becomes the person's.
    const value = await keeper.start(cookieValue(req, cookieName), data);
    send(res, 204, '', { 'Set-Cookie': sessionCookie(req, value, Math.floor(ttlMs / 1000)) });
    return 204;
  }

  async function forward(req: IncomingMessage, res: ServerResponse, method: ProxyMethod): Promise<number> {
    if (req.method !== 'POST') throw new Refusal(405, 'Use POST.', { Allow: 'POST' });
    const refused = refusal(req, 'application/xml');
    if (refused) throw refused;
    let person: SessionData | undefined;
    if (method.actsFor === 'person') {
      person = await sessions!.read(cookieValue(req, cookieName));
      if (!person) {
        // The contract's "nobody is signed in": no content, and no failed load in the visitor's console.
        send(res, 204);
        return 204;
      }
    }
    const recordId = header(req, 'x-hv-record-id');
    if (recordId !== undefined && !GUID.test(recordId)) throw new Refusal(400, 'X-HV-Record-Id must be a GUID.');
    const version = header(req, 'x-hv-method-version');
    if (version !== undefined && !METHOD_VERSION.test(version)) {
      throw new Refusal(400, 'X-HV-Method-Version must be a positive integer.');
    }
    let info: string;
    try {
      info = platformInfo(method.name, await readBody(req, limit));
    } catch (error) {
      if (error instanceof InvalidInfo) throw new Refusal(400, error.message);
      throw error;
    }
    let answer: string;
    try {
      answer = await options.platform.call({
        method: method.name,
        version: version === undefined ? undefined : Number(version),
        recordId,
        info,
        for: person && { userAuthToken: person.wctoken },
      });
    } catch (error) {
      if (error instanceof UpstreamTimeout) throw new Refusal(504, 'HealthVault did not answer in time.');
      if (error instanceof UpstreamFailure) {
        log(`hv-proxy: ${error.message}`);
        throw new Refusal(502, 'HealthVault could not be reached.');
      }
      throw error;
    }
    res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(answer);
    return 200;
  }

  /** What the request asks for under the mount, or undefined when it is not under it. */
  function route(req: IncomingMessage): string | undefined {
    // Express and Connect strip the mount from `url` and keep the whole path in `originalUrl`.
    const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '';
    const path = url.split('?')[0]!;
    return path.startsWith(`${mount}/`) ? path.slice(mount.length + 1) : undefined;
  }

  async function handle(req: IncomingMessage, res: ServerResponse, name: string): Promise<number> {
    try {
      if (name === 'session' && sessions) return await handOff(req, res, sessions);
      if (name === 'shell-return' && sessions) return await shellReturn(req, res, sessions);
      const method = methods.get(name);
      if (!method) throw new Refusal(404, 'No such method here.');
      return await forward(req, res, method);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      send(res, error.status, error.reason, error.headers);
      return error.status;
    }
  }

  return (req, res, next) => {
    const name = route(req);
    if (name === undefined) {
      if (next) next();
      else send(res, 404, 'Not found.');
      return;
    }
    const started = Date.now();
    const what = methods.has(name) || name === 'session' || name === 'shell-return' ? name : '(unknown)';
    handle(req, res, name).then(
      (status) => log(`hv-proxy: ${req.method} ${what} → ${status} in ${Date.now() - started} ms`),
      (error: unknown) => {
        log(`hv-proxy: ${req.method} ${what} failed: ${error instanceof Error ? error.name : 'error'}`);
        if (!res.headersSent) send(res, 500, 'The proxy failed.');
        else res.destroy();
      },
    );
  };
}
