import { createContext } from '@lit/context';
import type { PropertyDeclarations } from 'lit';
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

/**
 * The configuration's attributes and properties, the same on `<hv-config>` and on every element (where they
 * override the context's): `app-id`, `shell`, `proxy-url`, `lang` (as `language`) and `proxy` (property only).
 */
export const CONFIG_PROPERTIES: PropertyDeclarations = {
  appId: { attribute: 'app-id' },
  shell: {},
  proxyUrl: { attribute: 'proxy-url' },
  language: { attribute: 'lang' },
  proxy: { attribute: false },
};
