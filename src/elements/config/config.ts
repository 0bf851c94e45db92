import { provide } from '@lit/context';
import { html, LitElement, css } from 'lit';
import { property } from 'lit/decorators.js';
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

  /** The HealthVault application id (GUID). */
  @property({ attribute: 'app-id' }) appId?: string;

  /** A Shell preset (`us`, `us-ppe`, `eu`, `eu-ppe`) or the Shell's https URL. */
  @property() shell?: string;

  /** The URL of the host's backend proxy. */
  @property({ attribute: 'proxy-url' }) proxyUrl?: string;

  /** The language of the Shell and of the elements (`lang` attribute, BCP 47). */
  @property({ attribute: 'lang' }) language?: string;

  /** A proxy object supplied by the host (property only); takes precedence over `proxy-url`. */
  @property({ attribute: false }) proxy?: HvProxy;

  @provide({ context: hvConfigContext })
  protected providedConfig: HvConfig = {};

  protected override willUpdate(): void {
    const next: HvConfig = {
      appId: this.appId,
      shell: this.shell,
      proxyUrl: this.proxyUrl,
      proxy: this.proxy,
      lang: this.language,
    };
    // A new object tells every consumer to re-render: only when something changed.
    const previous = this.providedConfig as Record<string, unknown>;
    if (Object.entries(next).some(([key, value]) => previous[key] !== value)) this.providedConfig = next;
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
