import { html, LitElement, type PropertyDeclarations, type TemplateResult } from 'lit';
import { HvError } from '../../core/errors.js';
import type { HvProxy } from '../../transport/proxy.js';
import type { HvConfig } from './config-context.js';
import { ConfigConsumer } from './config-consumer.js';
import { dispatchHvEvent } from '../../session/events.js';
import { LocalizeController, type HvStringOverrides } from './localize-controller.js';

/**
 * The base of every hv- element: the four configuration attributes (each overriding `<hv-config>`'s context),
 * the proxy they resolve to, custom states, and `hv-error` reporting.
 *
 * @event {HvErrorEvent} hv-error - Configuration or proxy failure; `detail.error` is a typed `HvError`.
 */
export class HvElement extends LitElement {
  // Declared without decorators: the decorator helpers cost every page a few hundred bytes.
  // Written out here and on <hv-config> (not spread from one object): the manifest analyzer reads the literal.
  static override properties: PropertyDeclarations = {
    appId: { attribute: 'app-id' },
    shell: {},
    proxyUrl: { attribute: 'proxy-url' },
    language: { attribute: 'lang' },
    proxy: { attribute: false },
    strings: { attribute: false },
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

  /** Overrides any of the words the element shows (property only), e.g. `{ connect: 'Link my record' }`. */
  declare strings?: HvStringOverrides;

  readonly #configConsumer = new ConfigConsumer(this);

  /** The element's internals: its custom states, and for form controls their value and validity. */
  protected readonly internals: ElementInternals = this.attachInternals();

  protected readonly localize = new LocalizeController(this);

  /**
   * The effective configuration: the element's own attributes over the context's values. The element's own
   * proxy (object, else URL) wins over an ancestor's, whichever form that one has.
   */
  get config(): HvConfig {
    const context = this.#configConsumer.value;
    const ownProxy = this.proxy !== undefined || this.proxyUrl !== undefined;
    return {
      appId: this.appId ?? context.appId,
      shell: this.shell ?? context.shell,
      proxyUrl: ownProxy ? this.proxyUrl : context.proxyUrl,
      proxy: ownProxy ? this.proxy : context.proxy,
      lang: this.language ?? context.lang,
    };
  }

  /** The application and proxy whose session this element follows, once both are configured. */
  sessionSource(): { appId: string; proxy: HvProxy | string } | undefined {
    const { appId, proxy, proxyUrl } = this.config;
    const source = proxy ?? proxyUrl;
    return appId && source ? { appId, proxy: source } : undefined;
  }

  /** Why this element cannot call a proxy, or undefined when it can. */
  protected missingProxy(): HvError | undefined {
    const { proxy, proxyUrl } = this.config;
    if (proxy || proxyUrl) return undefined;
    return new HvError(
      'invalid-config',
      `<${this.localName}> has no proxy: set proxy-url on it or on its <hv-config>.`,
    );
  }

  /** What a person sees of a configuration the element cannot work with: the words, then the developer's details. */
  protected renderSetupError(error: HvError): TemplateResult {
    return html`<p part="error" role="alert">${this.localize.term('setupError')} ${error.message}</p>`;
  }

  /**
   * Turns a custom state (`:state(name)`) on or off; where the browser has no custom states, it does nothing.
   * @internal Public for the element's controllers.
   */
  toggleState(name: string, on: boolean): void {
    try {
      if (on) this.internals.states.add(name);
      else this.internals.states.delete(name);
    } catch {
      // No CustomStateSet (older Safari), or one that only takes the old `--name` form: the state is not shown.
    }
  }

  /** Reports a failure as a typed `hv-error` event. */
  protected reportError(error: HvError): void {
    dispatchHvEvent(this, 'hv-error', { error });
  }
}
