// The network side of the page's session, loaded on first use: the proxy client and who is signed in.
import { getPersonInfo } from '../core/platform/methods/get-person-info.js';
import type { PersonInfo } from '../core/platform/methods/get-person-info.js';
import { FetchProxy } from '../transport/fetch-proxy.js';
import { platformClientFor, type PlatformClient } from '../transport/platform-client.js';
import { proxyUrlKey, type HvProxy } from '../transport/proxy.js';

const fetchProxies = new Map<string, FetchProxy>();

/** The page's client of a proxy given as an object or a URL (one `FetchProxy` per URL per page). */
export function clientFor(proxy: HvProxy | string): PlatformClient {
  if (typeof proxy !== 'string') return platformClientFor(proxy);
  const url = proxyUrlKey(proxy);
  let fetchProxy = fetchProxies.get(url);
  if (!fetchProxy) fetchProxies.set(url, (fetchProxy = new FetchProxy(url)));
  return platformClientFor(fetchProxy);
}

/**
 * Who is signed in, as the proxy's session knows it (`fresh` skips the client's short cache), with the application's
 * permissions on each record: which records it may also use offline.
 */
export function readPerson(client: PlatformClient, fresh = false, signal?: AbortSignal): Promise<PersonInfo> {
  return client.call(getPersonInfo, { effectiveRecordPermissions: true }, { fresh, signal });
}
