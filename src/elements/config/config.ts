import { html, LitElement, css, type PropertyDeclarations } from 'lit';
import {
  configContextEvent,
  hvConfigContext,
  type ConfigCallback,
  type ContextEventFields,
  type HvConfig,
} from '../internal/config-context.js';
import type { HvProxy } from '../../transport/proxy.js';

/**
 * Provides the HealthVault configuration to every hv- element inside it. Each element's own attributes
 * override these values.
 *
 * @tagname hv-config
 *
 * @slot - The elements that use this configuration.
 */
export class HvConfigElement extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  // Declared without decorators, as HvElement: the decorator helpers cost every page a few hundred bytes.
  static override properties: PropertyDeclarations = {
    appId: { attribute: 'app-id' },
    shell: {},
    proxyUrl: { attribute: 'proxy-url' },
    language: { attribute: 'lang' },
    proxy: { attribute: false },
  };

  /** The HealthVault application id (GUID). */
  declare appId?: string;

  /** A Shell preset (`us`, `us-ppe`, `eu`, `eu-ppe`) or the Shell's https URL. */
  declare shell?: string;

  /** The URL of the host's backend proxy. */
  declare proxyUrl?: string;

  /** The language of the Shell and of the elements (`lang` attribute, BCP 47). */
  declare language?: string;

  /** A proxy object supplied by the host (property only); takes precedence over `proxy-url`. */
  declare proxy?: HvProxy;

  #value: HvConfig = {};
  /** The subscribed consumers: each one's callback, with the element that asked and its unsubscribe. */
  readonly #consumers = new Map<ConfigCallback, [consumer: EventTarget, unsubscribe: () => void]>();

  constructor() {
    super();
    // The Context Community Protocol's provider side, for `hvConfigContext` only.
    this.addEventListener('context-request', (event: Event & ContextEventFields) => {
      const { callback } = event;
      const consumer = this.#foreign(event);
      if (!consumer || !callback) return;
      event.stopPropagation();
      let subscription = this.#consumers.get(callback);
      if (event.subscribe && !subscription) {
        this.#consumers.set(callback, (subscription = [consumer, () => this.#consumers.delete(callback)]));
      }
      callback(this.#value, subscription?.[1]);
    });
    // A provider that appears below this one takes over the consumers inside it: they all ask again.
    this.addEventListener('context-provider', (event: Event & ContextEventFields) => {
      if (!this.#foreign(event)) return;
      event.stopPropagation();
      for (const [callback, [consumer]] of this.#consumers) {
        consumer.dispatchEvent(configContextEvent('context-request', consumer, callback));
      }
    });
  }

  /** Where an event for `hvConfigContext` comes from, unless from this element itself or for another context. */
  #foreign(event: Event & ContextEventFields): EventTarget | undefined {
    const from = event.contextTarget ?? event.composedPath()[0];
    return event.context === hvConfigContext && from !== this ? from : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.dispatchEvent(configContextEvent('context-provider', this));
  }

  protected override willUpdate(): void {
    const next: HvConfig = {
      appId: this.appId,
      shell: this.shell,
      proxyUrl: this.proxyUrl,
      proxy: this.proxy,
      lang: this.language,
    };
    // A new value tells every consumer to re-render: only when something changed.
    const previous = this.#value as Record<string, unknown>;
    if (Object.entries(next).some(([key, value]) => previous[key] !== value)) {
      this.#value = next;
      for (const [callback, [, unsubscribe]] of this.#consumers) callback(next, unsubscribe);
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hv-config': HvConfigElement;
  }
}
