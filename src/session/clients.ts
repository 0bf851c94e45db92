import { platformClientFor, type PlatformClient } from '../transport/platform-client.js';
import type { HvProxy } from '../transport/proxy.js';
import { proxyFor } from './connection.js';

/** The page's client of a proxy given as an object or a URL, for the elements that read records' data. */
export function clientFor(proxy: HvProxy | string): PlatformClient {
  return platformClientFor(proxyFor(proxy));
}
