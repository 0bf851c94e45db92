import { ContextProvider } from '@lit/context';
import { html, LitElement, css, type PropertyDeclarations } from 'lit';
import { hvConfigContext, type HvConfig } from '../internal/config-context.js';
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

  readonly #provider = new ContextProvider(this, { context: hvConfigContext, initialValue: {} });

  protected override willUpdate(): void {
    const next: HvConfig = {
      appId: this.appId,
      shell: this.shell,
      proxyUrl: this.proxyUrl,
      proxy: this.proxy,
      lang: this.language,
    };
    // A new value tells every consumer to re-render: only when something changed.
    const previous = this.#provider.value as Record<string, unknown>;
    if (Object.entries(next).some(([key, value]) => previous[key] !== value)) this.#provider.setValue(next);
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
