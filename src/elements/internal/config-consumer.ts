import type { ReactiveController, ReactiveElement } from 'lit';
import { configContextEvent, hvConfigContext, type HvConfig } from './config-context.js';

/**
 * Receives the configuration context from the closest provider (`<hv-config>`, or any @lit/context provider of
 * `hvConfigContext`) and follows its changes. Works whatever the definition order: a provider that upgrades
 * after this element announces itself with a `context-provider` event, and an unanswered request is then sent
 * again. (The consumer of @lit/context with a ContextRoot does the same for twice the bytes.) It speaks the Context
 * Community Protocol, so a `@lit/context` provider of `hvConfigContext` serves it too.
 */
export class ConfigConsumer implements ReactiveController {
  value: HvConfig = {};
  #unsubscribe?: () => void;

  readonly #host: ReactiveElement;

  constructor(host: ReactiveElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('context-provider', this.#onProvider);
    this.#request();
  }

  hostDisconnected(): void {
    document.removeEventListener('context-provider', this.#onProvider);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    // Moved elsewhere, it takes the configuration of its new place, not the old one's.
    this.value = {};
  }

  #request(): void {
    this.#host.dispatchEvent(
      configContextEvent('context-request', this.#host, (value, unsubscribe) => {
        // A provider that takes the subscription over hands a new unsubscribe: let go of the old one.
        if (this.#unsubscribe !== unsubscribe) this.#unsubscribe?.();
        this.#unsubscribe = unsubscribe;
        this.value = value;
        this.#host.requestUpdate();
      }),
    );
  }

  readonly #onProvider = (event: Event): void => {
    if (!this.#unsubscribe && (event as Event & { context?: unknown }).context === hvConfigContext) this.#request();
  };
}
