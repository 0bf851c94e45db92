import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * An element's "working on it" state: while it is `active`, the host ignores activations (one flow at a time),
 * shows `aria-busy` and announces it; a page restored from the back/forward cache is no longer pending.
 */
export class PendingController implements ReactiveController {
  active = false;

  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('pageshow', this.#onPageShow);
  }

  hostDisconnected(): void {
    removeEventListener('pageshow', this.#onPageShow);
  }

  start(): void {
    this.#set(true);
  }

  end(): void {
    this.#set(false);
  }

  #set(active: boolean): void {
    this.active = active;
    this.#host.requestUpdate();
  }

  readonly #onPageShow = (event: PageTransitionEvent): void => {
    if (event.persisted) this.end();
  };
}
