import { consume } from '@lit/context';
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { HvError } from '../../core/errors.js';
import type { HvProxy } from '../../transport/proxy.js';
import { FetchProxy } from '../../transport/fetch-proxy.js';
import { attachContextRoot, hvConfigContext, type HvConfig } from './config-context.js';
import { dispatchHvEvent } from './events.js';

/**
 * The base of every hv- element: the four configuration attributes (each overriding `<hv-config>`'s context),
 * the proxy they resolve to, custom states, and `hv-error` reporting.
 */
export class HvElement extends LitElement {
  /** The HealthVault application id (GUID). Overrides `<hv-config>`. */
  @property({ attribute: 'app-id' }) appId?: string;

  /** A Shell preset (`us`, `us-ppe`, `eu`, `eu-ppe`) or the Shell's https URL. Overrides `<hv-config>`. */
  @property() shell?: string;

  /** The URL of the host's backend proxy. Overrides `<hv-config>`. */
  @property({ attribute: 'proxy-url' }) proxyUrl?: string;

  /** The language of the Shell and of the element (`lang` attribute, BCP 47). Overrides `<hv-config>`. */
  @property({ attribute: 'lang' }) language?: string;

  /** A proxy object supplied by the host (property only); takes precedence over `proxy-url`. */
  @property({ attribute: false }) proxy?: HvProxy;

  @consume({ context: hvConfigContext, subscribe: true })
  @state()
  protected contextConfig: HvConfig = {};

  protected readonly internals: ElementInternals = this.attachInternals();

  private cachedProxy?: { url: string; proxy: HvProxy };

  override connectedCallback(): void {
    // Before super: the context request this element sends on connect must be buffered if no provider exists yet.
    attachContextRoot();
    super.connectedCallback();
  }

  /** The effective configuration: the element's own attributes over the context's values. */
  get config(): HvConfig {
    const context = this.contextConfig;
    return {
      appId: this.appId ?? context.appId,
      shell: this.shell ?? context.shell,
      proxyUrl: this.proxyUrl ?? context.proxyUrl,
      proxy: this.proxy ?? context.proxy,
      lang: this.language ?? context.lang,
    };
  }

  /** The proxy to call, or an `invalid-config` error saying how to provide one. */
  protected resolveProxy(): HvProxy {
    const { proxy, proxyUrl } = this.config;
    if (proxy) return proxy;
    if (!proxyUrl) {
      throw new HvError(
        'invalid-config',
        `<${this.localName}> has no proxy: set its proxy-url attribute or wrap it in <hv-config proxy-url="…">.`,
      );
    }
    if (this.cachedProxy?.url !== proxyUrl) this.cachedProxy = { url: proxyUrl, proxy: new FetchProxy(proxyUrl) };
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
