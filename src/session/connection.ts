// The network side of the page's session, loaded on first use: asking the proxy who is signed in. The platform
// client that elements reading records' data share (shared reads, a short cache) is apart (`clients.ts`): a first
// visit, where nobody is signed in, does not download it.
import { getPersonInfo } from '../core/platform/methods/get-person-info.js';
import type { PersonInfo } from '../core/platform/methods/get-person-info.js';
import { FetchProxy } from '../transport/fetch-proxy.js';
import { proxyUrlKey, type HvProxy } from '../transport/proxy.js';

const fetchProxies = new Map<string, FetchProxy>();

/** The proxy given as an object or a URL (one `FetchProxy` per URL per page). */
export function proxyFor(proxy: HvProxy | string): HvProxy {
  if (typeof proxy !== 'string') return proxy;
  const url = proxyUrlKey(proxy);
  let fetchProxy = fetchProxies.get(url);
  if (!fetchProxy) fetchProxies.set(url, (fetchProxy = new FetchProxy(url)));
  return fetchProxy;
}

/**
 * Who is signed in, as the proxy's session knows it now, with the application's permissions on each record: which
 * records it may also use offline.
 */
export async function readPerson(proxy: HvProxy, signal?: AbortSignal): Promise<PersonInfo> {
  const info = getPersonInfo.buildInfo({ effectiveRecordPermissions: true });
  return getPersonInfo.decode(await proxy.call(getPersonInfo.name, info, { signal }));
}
