import { codeLoadFailure, HvError } from '../core/errors.js';
import type { XmlNode } from '../core/platform/xml-node.js';
import { isGuid } from '../core/guid.js';
import { isLoopbackHost } from '../core/loopback.js';
import { KIT_REQUEST_HEADER, type HvProxy, type ProxyCallOptions, type ShellSignIn } from './proxy.js';
import { whileAnswerArrives } from './while-answer-arrives.js';

export interface FetchProxyOptions {
  /** How long one call may take, body included, before it fails with code `timeout`. 20 000 by default. */
  timeoutMs?: number;
  /** The `fetch` to use (tests, instrumented clients); the global one by default. */
  fetch?: typeof fetch;
  /** Turns the proxy's answer into an `XmlNode`; the browser's DOMParser by default. Required where there is none. */
  parseXml?: (text: string) => XmlNode;
}

const DEFAULT_TIMEOUT_MS = 20_000;
/** The longest delay setTimeout honours; a longer one fires at once. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;
/** Where a path on this origin is resolved to be checked; never fetched. */
const SAME_ORIGIN = 'https://same-origin.invalid';

/** Platform method names are single words; anything else would reach another path of the proxy. */
const METHOD_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/** Loopback, including `*.localhost`, which browsers resolve to loopback too. */
function isLocalhost(hostname: string): boolean {
  return isLoopbackHost(hostname) || hostname.endsWith('.localhost');
}

/**
 * `baseUrl` as the URL parser reads it, without trailing slashes, once it is known to be a path on this origin
 * (`/hv`) or an https URL (http only for localhost or this page's own origin), with no credentials, query or fragment.
 */
function checkedBaseUrl(baseUrl: string): string {
  const trimmed = baseUrl.trim();
  const invalid = (problem: string) => new HvError('invalid-config', `proxy-url "${trimmed}" ${problem}.`);
  if (!trimmed) {
    throw new HvError(
      'invalid-config',
      'proxy-url is empty: set it to the URL of your HealthVault proxy, such as /hv.',
    );
  }
  // The URL parser drops tabs and line feeds and reads "\" as "/": "/\t/evil.example" is "//evil.example" to it.
  if (/[\s\\\p{Cc}]/u.test(trimmed)) throw invalid('must not contain whitespace, control characters or backslashes');
  if (/[?#]/.test(trimmed)) throw invalid('must not have a query or fragment: the kit appends /{method} to it');
  const rootRelative = /^\/(?!\/)/.test(trimmed);
  let url: URL;
  try {
    url = new URL(trimmed, rootRelative ? SAME_ORIGIN : undefined);
  } catch {
    throw invalid('is not a URL: use a path starting with "/" or an absolute https URL');
  }
  if (rootRelative) {
    // Dot segments can resolve to "//evil.example", which would be read as another host.
    if (url.pathname.startsWith('//')) throw invalid('must not resolve to a path starting with "//"');
    return url.pathname.replace(/\/+$/, '');
  }
  if (
    url.protocol !== 'https:' &&
    !(url.protocol === 'http:' && (isLocalhost(url.hostname) || url.origin === globalThis.location?.origin))
  ) {
    throw invalid("must use https (plain http only for localhost or this page's own origin)");
  }
  if (url.username || url.password) throw invalid('must not contain a user name or password');
  return (url.origin + url.pathname).replace(/\/+$/, '');
}

/** `promise`, or a rejection as soon as `signal` aborts, whether or not the work behind the promise heeds it. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Code that only a failure needs, loaded on the first one; not loading it is a failure of its own (`network`). */
function onFailure<T>(load: Promise<T>): Promise<T> {
  return load.catch((cause: unknown) => {
    throw codeLoadFailure(cause);
  });
}

/** The proxy holds no HealthVault sign-in for this browser: nobody is signed in. */
function signedOut(url: string, what: string, status: number): HvError {
  return new HvError('signed-out', `The HealthVault proxy at ${url} holds no sign-in for ${what} (HTTP ${status}).`);
}

/**
 * The default `HvProxy`: POSTs each call to `{baseUrl}/{method}` with the `<info>` document as the body
 * (headers `X-HV-Record-Id` and `X-HV-Method-Version` when given) and the sign-in hand-off to
 * `{baseUrl}/session` as JSON, every request with {@link KIT_REQUEST_HEADER} and same-origin credentials: the
 * host's session cookie identifies the person, and only to a proxy on the page's origin.
 * It keeps no state: the user token passes through `signIn` and is neither stored nor logged.
 */
export class FetchProxy implements HvProxy {
  readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly fetch: typeof fetch;
  private readonly parseXml?: (text: string) => XmlNode;

  constructor(baseUrl: string, options: FetchProxyOptions = {}) {
    this.baseUrl = checkedBaseUrl(baseUrl);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!(timeoutMs > 0 && timeoutMs <= MAX_TIMEOUT_MS)) {
      throw new HvError(
        'invalid-config',
        `FetchProxy timeoutMs must be a positive number of milliseconds up to ${MAX_TIMEOUT_MS} (24.8 days), not ${timeoutMs}.`,
      );
    }
    this.timeoutMs = timeoutMs;
    // Looked up at call time, and never called as a method of this object (window.fetch needs window as `this`).
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    if (!options.parseXml && typeof globalThis.DOMParser !== 'function') {
      throw new HvError(
        'invalid-config',
        'FetchProxy has no XML parser here (no DOMParser, as in Node): pass options.parseXml, ' +
          'for example parseXmlWithoutDom from the transport/xml-reader module.',
      );
    }
    this.parseXml = options.parseXml;
  }

  async call(method: string, info: string, options: ProxyCallOptions = {}): Promise<XmlNode | undefined> {
    if (!METHOD_NAME.test(method)) throw new HvError('invalid-config', `"${method}" is not a HealthVault method name.`);
    const headers: Record<string, string> = { 'Content-Type': 'application/xml', Accept: 'application/xml' };
    if (options.recordId !== undefined) {
      if (!isGuid(options.recordId)) {
        throw new HvError('invalid-config', `${method}: record id "${options.recordId}" is not a GUID.`);
      }
      headers['X-HV-Record-Id'] = options.recordId;
    }
    if (options.version !== undefined) {
      if (!(Number.isInteger(options.version) && options.version > 0)) {
        throw new HvError('invalid-config', `${method}: method version ${options.version} is not a positive integer.`);
      }
      headers['X-HV-Method-Version'] = String(options.version);
    }
    const url = `${this.baseUrl}/${method}`;
    let reader: Promise<typeof import('./answer-reader.js')> | undefined;
    const answered = await this.post(url, method, { body: info, headers }, options.signal, async (response) => {
      // The contract's "nobody is signed in", which every first visit gets: no content, and no failed load logged.
      if (response.status === 204) return undefined;
      reader = onFailure(import('./answer-reader.js')); // while the body arrives
      for (const load of whileAnswerArrives) load();
      whileAnswerArrives.clear();
      return { text: await response.text(), contentType: response.headers.get('Content-Type') };
    });
    if (!answered) throw signedOut(url, method, 204);
    const { text, contentType } = answered;
    const { parseXmlWithDom, successInfo } = await reader!;
    let root: XmlNode;
    try {
      root = (this.parseXml ?? parseXmlWithDom)(text);
    } catch (cause) {
      // A parser that may not run here (Trusted Types) is no fault of the proxy's answer: its code says so.
      if (cause instanceof HvError && cause.code !== 'malformed-response') throw cause;
      const { unreadableAnswer } = await onFailure(import('./fetch-proxy-failures.js'));
      throw unreadableAnswer(url, method, text, contentType, cause);
    }
    const answer = successInfo(root);
    if (answer !== false) return answer;
    // A refusal or a document that is not a response: decodeResponse, loaded now with every status code's name,
    // throws the PlatformError or says what is wrong with the document.
    const { decodeResponse } = await onFailure(import('../core/platform/platform-error.js'));
    return decodeResponse(method, root);
  }

  async signIn(token: ShellSignIn, signal?: AbortSignal): Promise<void> {
    if (!token.wctoken) {
      throw new HvError('invalid-shell-return', 'There is no wctoken to hand to the proxy: the Shell return had none.');
    }
    const body = JSON.stringify({ wctoken: token.wctoken, instanceid: token.instanceId || undefined });
    await this.post(
      `${this.baseUrl}/session`,
      'the sign-in hand-off',
      { body, headers: { 'Content-Type': 'application/json' } },
      signal,
      async () => undefined,
    );
  }

  /**
   * POSTs to `url` and hands the successful response to `read`, all under one deadline and the caller's signal.
   * Every failure becomes an `HvError` whose message names `what` was being done and where.
   */
  private async post<T>(
    url: string,
    what: string,
    init: { body: string; headers: Record<string, string> },
    callerSignal: AbortSignal | undefined,
    read: (response: Response) => Promise<T>,
  ): Promise<T> {
    const aborted = () =>
      new HvError('aborted', `The call for ${what} to the HealthVault proxy at ${url} was aborted.`);
    if (callerSignal?.aborted) throw aborted();
    // The deadline and the caller's signal abort one controller (AbortSignal.any is missing in older browsers).
    const controller = new AbortController();
    const abort = () => controller.abort();
    const timer = setTimeout(abort, this.timeoutMs);
    callerSignal?.addEventListener('abort', abort, { once: true });
    const { signal } = controller;
    const failure = (cause: unknown) => {
      if (callerSignal?.aborted) return aborted();
      if (signal.aborted) {
        return new HvError(
          'timeout',
          `The HealthVault proxy at ${url} did not answer ${what} within ${this.timeoutMs / 1000} s.`,
          { retryable: true, cause },
        );
      }
      const reason = cause instanceof Error ? `: ${cause.message}` : '';
      return new HvError('network', `Could not reach the HealthVault proxy at ${url} for ${what}${reason}.`, {
        retryable: true,
        cause,
      });
    };
    try {
      let response: Response;
      try {
        // Redirects are not followed: a proxy that redirects an API call is sending the browser to a sign-in page.
        response = await abortable(
          this.fetch(url, {
            ...init,
            headers: { ...init.headers, [KIT_REQUEST_HEADER.name]: KIT_REQUEST_HEADER.value },
            method: 'POST',
            // Cookies go to the page's own origin only: a proxy elsewhere must not rely on them (README).
            credentials: 'same-origin',
            redirect: 'manual',
            signal,
          }),
          signal,
        );
      } catch (cause) {
        throw failure(cause);
      }
      // A 401 means "no HealthVault sign-in in this browser's session" too (the contract's own answer, 204, is read
      // by call()): a proxy of another make may send it, though browsers log it as a failed load.
      if (response.status === 401) throw signedOut(url, what, response.status);
      // Any other status, and a redirect (not followed: often to a sign-in page), is a failure.
      if (!response.ok) throw (await onFailure(import('./fetch-proxy-failures.js'))).httpFailure(url, what, response);
      try {
        return await abortable(read(response), signal);
      } catch (cause) {
        throw failure(cause);
      }
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', abort);
    }
  }
}
