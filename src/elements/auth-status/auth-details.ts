import { html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import type { ThingTypePermission } from '../../core/platform/methods/query-permissions.js';
import { getApplicationInfo, type AuthRule, textIn } from '../../core/platform/methods/get-application-info.js';
import { queryPermissions } from '../../core/platform/methods/query-permissions.js';
import { thingTypeName } from '../../core/platform/thing-types.js';
import type { detailsWords } from '../../strings/en-details.js';
import type { HvProxy } from '../../transport/proxy.js';
import { PlatformDataController } from '../internal/data-controller.js';

type DetailsWords = typeof detailsWords;

/**
 * What `<hv-auth-status>` shows on demand about one record: which thing types the application may use there,
 * online and offline (QueryPermissions), and why it asks (its rules' why strings, GetApplicationInfo). Loaded with
 * its data the first time a person opens the details, so a page nobody asks never downloads it.
 */
export class HvAuthDetails extends LitElement {
  static override properties: PropertyDeclarations = {
    source: { attribute: false },
    recordId: { attribute: false },
    language: { attribute: false },
    words: { attribute: false },
  };

  declare source?: { appId: string; proxy: HvProxy | string };
  declare recordId?: string;
  language = 'en';
  /** Its words in the badge's language, with the host's own (the badge gives them). */
  declare words: DetailsWords;

  readonly #app = new PlatformDataController(this, () => {
    const { source } = this;
    return source && { proxy: source.proxy, method: getApplicationInfo, request: undefined };
  });

  readonly #permissions = new PlatformDataController(this, () => {
    const { source, recordId } = this;
    const rules = this.#rules();
    const request = [...new Set(rules.flatMap((rule) => rule.typeIds))].sort();
    if (!source || !recordId || request.length === 0) return undefined;
    return { proxy: source.proxy, method: queryPermissions, request, recordId };
  });

  #rules(): AuthRule[] {
    const app = this.#app.value;
    return app ? [...app.onlineRules, ...app.offlineRules] : [];
  }

  // Inside the badge's shadow root, which styles it.
  protected override createRenderRoot(): this {
    return this;
  }

  protected override render() {
    const { words } = this;
    if (this.#app.status === 'error' || this.#permissions.status === 'error') {
      return html`<p>${words['details.failed']}</p>`;
    }
    const rules = this.#rules();
    const asksForTypes = rules.some((rule) => rule.typeIds.length > 0);
    const granted = asksForTypes ? this.#permissions.value : [];
    if (!this.#app.value || !granted) return html`<p>${words['details.loading']}</p>`;
    const reasons = [...new Set(rules.map((rule) => textIn(rule.reasons, this.language)))].filter(Boolean);
    return html`${this.#access(words['details.online'], granted, 'online')}${this.#access(words['details.offline'], granted, 'offline')}
    ${
      reasons.length
        ? html`<p class="heading">${words['details.why']}</p>
            <ul>
              ${reasons.map((reason) => html`<li>${reason}</li>`)}
            </ul>`
        : nothing
    }`;
  }

  #access(heading: string, granted: ThingTypePermission[], scope: 'online' | 'offline') {
    const types = granted.filter((type) => type[scope].length > 0);
    return html`<p class="heading">${heading}</p>
      ${
        types.length
          ? html`<ul>
              ${types.map(
                (type) =>
                  html`<li>
                    ${thingTypeName(type.thingTypeId) ?? type.thingTypeId}:
                    ${type[scope].map((permission) => this.words[`permission.${permission}`]).join(', ')}
                  </li>`,
              )}
            </ul>`
          : html`<p>${this.words['details.none']}</p>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hv-auth-details': HvAuthDetails;
  }
}
