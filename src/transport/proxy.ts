import type { XmlNode } from '../core/platform/xml-node.js';

/**
 * The header the kit adds to every request to the proxy. No form or link can send it, so each request needs a CORS
 * preflight, and a proxy that requires it cannot be driven by another site (login CSRF).
 */
export const KIT_REQUEST_HEADER = { name: 'X-Requested-With', value: 'hv-elements' } as const;

/** A proxy URL as one proxy: `/hv` and `/hv/ ` are the same one, with one session and one client on a page. */
export function proxyUrlKey(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

/** Options of one platform call through the proxy. */
export interface ProxyCallOptions {
  /** The record the method acts on (sent to HealthVault as the `record-id` header). */
  recordId?: string;
  /** The method version (HealthVault `method-version`); 1 when absent. */
  version?: number;
  /** Cancels the call; the promise then rejects with an `HvError` of code `aborted`. */
  signal?: AbortSignal;
}

/** What the Shell handed back after sign-in, for the proxy to keep in its server-side session. */
export interface ShellSignIn {
  wctoken: string;
  instanceId?: string;
}

/**
 * The contract between the elements and the host's backend. The backend holds the application's credentials,
 * signs each request and forwards it to HealthVault; the browser never sees a credential.
 *
 * Implementations reject with an `HvError` (codes `network`, `http`, `timeout`, `aborted`,
 * `malformed-response`, `platform`, `invalid-config`), never with anything else.
 */
export interface HvProxy {
  /**
   * Calls platform method `method` with the serialized `<info>` element and resolves with the response's
   * `<wc:info>` element as an `XmlNode` (undefined for methods that answer no info).
   */
  call(method: string, info: string, options?: ProxyCallOptions): Promise<XmlNode | undefined>;
  /** Hands the user token from the Shell return to the backend, which keeps it server-side. */
  signIn(token: ShellSignIn, signal?: AbortSignal): Promise<void>;
}
