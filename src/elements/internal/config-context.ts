import type { Context } from '@lit/context';
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
export const hvConfigContext = Symbol.for('hv-elements:config') as Context<symbol, HvConfig>;

/** What a consumer is handed: the value, and (subscribed) the function that ends its subscription. */
export type ConfigCallback = (value: HvConfig, unsubscribe?: () => void) => void;

/** The fields of the Context Community Protocol's `context-request` and `context-provider` events. */
export interface ContextEventFields {
  context?: unknown;
  contextTarget?: EventTarget;
  callback?: ConfigCallback;
  subscribe?: boolean;
}

/**
 * A `context-request` (with `callback`) or `context-provider` event for `hvConfigContext`, as the Context Community
 * Protocol has them, so that `@lit/context` providers and consumers and the kit's own understand each other.
 */
export function configContextEvent(
  type: 'context-request' | 'context-provider',
  contextTarget: EventTarget,
  callback?: ConfigCallback,
): Event & ContextEventFields {
  const event = new Event(type, { bubbles: true, composed: true });
  return Object.assign(event, { context: hvConfigContext, contextTarget, callback, subscribe: !!callback });
}
