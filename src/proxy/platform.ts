/**
 * The upstream side: posts signed requests to the platform's wildcat.ashx, holding one app session
 * (CreateAuthenticatedSessionToken v2, appserver2 credential) for every call, renewed when the platform says it
 * expired. Every post is bounded in time.
 */
import { randomUUID } from 'node:crypto';
import { StatusCode } from '../core/platform/status-codes.js';
import { appSessionFromResponse, responseStatus, UnreadableResponse, type AppSession } from './platform-response.js';
import {
  DEFAULT_MESSAGE_TTL,
  requestEnvelope,
  sessionTokenInfo,
  type AppCredential,
  type RequestAuth,
} from './wire.js';

export interface PlatformOptions extends AppCredential {
  /**
   * The platform's root (`https://platform.healthvault.com/platform/`, to which `wildcat.ashx` is added) or the
   * full URL of its `wildcat.ashx`.
   */
  platformUrl: string;
  /** The longest any one post to the platform may take, in ms (20 s when absent); after it, `UpstreamTimeout`. */
  timeoutMs?: number;
  /** A WHATWG `fetch` (the global one when absent); it must undo `Content-Encoding: gzip`, as Node's does. */
  fetch?: typeof fetch;
  /** The header's `version`, which names the client to the platform. */
  clientVersion?: string;
  /** The header's `msg-ttl` in seconds (1800 when absent). */
  messageTtl?: number;
  /** The clock of `msg-time` and `signing-time`. */
  now?: () => Date;
  /** Told what happens (never a token, secret or body). */
  log?: (line: string) => void;
}

/** Who a call acts for besides the application: the signed-in person's user token, or an offline person. */
export type CallFor = { userAuthToken: string } | { offlinePersonId: string };

export interface PlatformCall {
  method: string;
  /** `method-version`; 1 when absent. */
  version?: number;
  recordId?: string;
  /** The complete unqualified `<info>` element ({@link requestInfo}, {@link platformInfo}). */
  info: string;
  /** Absent: the application's session alone. */
  for?: CallFor;
}

export interface PlatformClient {
  /** Posts the call and resolves with the platform's response document as it came (errors are status codes in it). */
  call(call: PlatformCall): Promise<string>;
}

/** The platform did not answer within `timeoutMs`. */
export class UpstreamTimeout extends Error {
  override readonly name = 'UpstreamTimeout';
}

/** The platform could not be reached, answered with an HTTP error, or refused the application's credential. */
export class UpstreamFailure extends Error {
  override readonly name = 'UpstreamFailure';
}

const DEFAULT_TIMEOUT_MS = 20_000;

function wildcatUrl(platformUrl: string): string {
  const url = new URL(platformUrl);
  if (/\.ashx$/i.test(url.pathname)) return url.href;
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return new URL('wildcat.ashx', url).href;
}

/** The platform's status code, or undefined when the answer is not a response document (passed on as it is). */
function statusOf(text: string): number | undefined {
  try {
    return responseStatus(text);
  } catch (error) {
    if (error instanceof UnreadableResponse) return undefined;
    throw error;
  }
}

export function createPlatformClient(options: PlatformOptions): PlatformClient {
  const url = wildcatUrl(options.platformUrl);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const post = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => {});
  const common = () => ({
    msgTime: now().toISOString(),
    msgTtl: options.messageTtl ?? DEFAULT_MESSAGE_TTL,
    version: options.clientVersion ?? 'hv-elements-proxy',
  });

  async function send(method: string, body: string): Promise<string> {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await post(url, {
        method: 'POST',
        headers: { 'Content-Type': 'text/xml; charset=utf-8', WC_CorrelationId: randomUUID() },
        body,
        signal,
      });
      if (!response.ok) throw new UpstreamFailure(`The platform answered ${method} with HTTP ${response.status}.`);
      return await response.text();
    } catch (error) {
      if (signal.aborted) throw new UpstreamTimeout(`The platform did not answer ${method} within ${timeoutMs} ms.`);
      if (error instanceof UpstreamFailure) throw error;
      throw new UpstreamFailure(`The platform could not be reached for ${method}.`, { cause: error });
    }
  }

  async function createAppSession(): Promise<AppSession> {
    const method = 'CreateAuthenticatedSessionToken';
    const header = { method, methodVersion: 2, auth: { appId: options.appId }, ...common() };
    const text = await send(method, requestEnvelope(header, sessionTokenInfo(options, header.msgTime)));
    const status = statusOf(text);
    if (status !== StatusCode.OK) {
      throw new UpstreamFailure(
        `The platform refused the application's credential (status ${status ?? 'unreadable'}).`,
      );
    }
    log('hv-proxy: new application session');
    return appSessionFromResponse(text);
  }

  let appSession: Promise<AppSession> | undefined;
  function currentAppSession(): Promise<AppSession> {
    if (!appSession) {
      const creating = createAppSession();
      appSession = creating;
      // A failure is not kept: the next call tries again.
      creating.catch(() => {
        if (appSession === creating) appSession = undefined;
      });
    }
    return appSession;
  }

  function envelope(call: PlatformCall, session: AppSession): string {
    const auth: RequestAuth = { authToken: session.token, ...call.for };
    const header = {
      method: call.method,
      methodVersion: call.version ?? 1,
      recordId: call.recordId,
      auth,
      ...common(),
    };
    return requestEnvelope(header, call.info, session.sharedSecret);
  }

  return {
    async call(call) {
      const used = currentAppSession();
      const text = await send(call.method, envelope(call, await used));
      if (statusOf(text) !== StatusCode.AUTHENTICATED_SESSION_TOKEN_EXPIRED) return text;
      // Renewed once, by whichever call saw the expiry first; the call is then signed afresh and sent again.
      if (appSession === used) appSession = undefined;
      log(`hv-proxy: ${call.method}: the application session expired; renewing it and retrying once`);
      return send(call.method, envelope(call, await currentAppSession()));
    },
  };
}
