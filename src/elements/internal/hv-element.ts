import { LitElement, type PropertyDeclarations } from 'lit';
import { HvError } from '../../core/errors.js';
import type { HvProxy } from '../../transport/proxy.js';
import type { HvConfig } from './config-context.js';
import { ConfigConsumer } from './config-consumer.js';
import { dispatchHvEvent } from './events.js';

/**
 * The base of every hv- element: the four configuration attributes (each overriding `<hv-config>`'s context),
 * the proxy they resolve to, custom states, and `hv-error` reporting.
 *
 * @event {HvErrorEvent} hv-error - Configuration or proxy failure; `detail.error` is a typed `HvError`.
 */
export class HvElement extends LitElement {
  // Declared without decorators: the decorator helpers cost every page a few hundred bytes.
  static override properties: PropertyDeclarations = {
    appId: { attribute: 'app-id' },
    shell: {},
    proxyUrl: { attribute: 'proxy-url' },
    language: { attribute: 'lang' },
    proxy: { attribute: false },
  };

  /** The HealthVault application id (GUID). Overrides `<hv-config>`. */
  declare appId?: string;

  /** A Shell preset (`us`, `us-ppe`, `eu`, `eu-ppe`) or the Shell's https URL. Overrides `<hv-config>`. */
  declare shell?: string;

  /** The URL of the host's backend proxy. Overrides `<hv-config>`. */
  declare proxyUrl?: string;

  /** The language of the Shell and of the element (`lang` attribute, BCP 47). Overrides `<hv-config>`. */
  declare language?: string;

  /** A proxy object supplied by the host (property only); takes precedence over `proxy-url`. */
  declare proxy?: HvProxy;

  private readonly configConsumer = new ConfigConsumer(this);

  protected readonly internals: ElementInternals = this.attachInternals();

  private cachedProxy?: { url: string; proxy: HvProxy };

  /** The effective configuration: the element's own attributes over the context's values. */
  get config(): HvConfig {
    const context = this.configConsumer.value;
    return {
      appId: this.appId ?? context.appId,
      shell: this.shell ?? context.shell,
      proxyUrl: this.proxyUrl ?? context.proxyUrl,
      proxy: this.proxy ?? context.proxy,
      lang: this.language ?? context.lang,
    };
  }

  /** Why this element cannot call a proxy, or undefined when it can. */
  protected missingProxy(): HvError | undefined {
    const { proxy, proxyUrl } = this.config;
    if (proxy || proxyUrl) return undefined;
    return new HvError(
      'invalid-config',
      `<${this.localName}> has no proxy: set its proxy-url attribute or wrap it in <hv-config proxy-url="…">.`,
    );
  }

  /**
   * The proxy to call: the host's object, or a `FetchProxy` for `proxy-url`, whose code is loaded on first use
   * so that it stays out of the first download. Rejects with an `HvError` when there is none or it is invalid.
   */
  protected async loadProxy(): Promise<HvProxy> {
    const missing = this.missingProxy();
    if (missing) throw missing;
    const { proxy, proxyUrl = '' } = this.config;
    if (proxy) return proxy;
    if (this.cachedProxy?.url !== proxyUrl) {
      const { FetchProxy } = await import('../../transport/fetch-proxy.js');
      this.cachedProxy = { url: proxyUrl, proxy: new FetchProxy(proxyUrl) };
    }
    return this.cachedProxy.proxy;
  }

  /** Turns a custom state (`:state(name)`) on or off. */
  protected toggleState(name: string, on: boolean): void {
    if (on) this.internals.states.add(name);
    else this.internals.states.delete(name);
  }

  /** Reports a failure as a typed `hv-error` event. */
  protected reportError(error: HvError): void {
    dispatchHvEvent(this, 'hv-error', { error });
  }
}
