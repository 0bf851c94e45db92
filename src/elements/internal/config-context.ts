import { createContext } from '@lit/context';
import type { HvProxy } from '../../transport/proxy.js';

/** What every element needs to know about the partner's HealthVault application. */
export interface HvConfig {
  /** The application id (GUID) registered with HealthVault. */
  appId?: string;
  /** A Shell preset (`us`, `us-ppe`, `eu`, `eu-ppe`) or the Shell's https URL. */
  shell?: string;
  /** The URL of the host's backend proxy (see README, "The proxy contract"). */
  proxyUrl?: string;
  /** A proxy object supplied by the host; takes precedence over `proxyUrl`. */
  proxy?: HvProxy;
  /** The language of the Shell and of the elements (BCP 47, e.g. `en-US`). */
  lang?: string;
}

/** The configuration context, provided by `<hv-config>` or by the host's own `ContextProvider`. */
export const hvConfigContext = createContext<HvConfig>(Symbol.for('hv-elements:config'));
