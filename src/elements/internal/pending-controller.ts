import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * An element's "working on it" state: while pending, activations are ignored (one flow at a time) and the host
 * shows `aria-busy` and announces it; a page restored from the back/forward cache is no longer pending.
 */
export class PendingController implements ReactiveController {
  active = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('pageshow', this.onPageShow);
  }

  hostDisconnected(): void {
    removeEventListener('pageshow', this.onPageShow);
  }

  /** Becomes pending; false (and nothing changes) when it already is: that activation is to be ignored. */
  start(): boolean {
    if (this.active) return false;
    this.set(true);
    return true;
  }

  end(): void {
    this.set(false);
  }

  private set(active: boolean): void {
    this.active = active;
    this.host.requestUpdate();
  }

  private readonly onPageShow = (event: PageTransitionEvent): void => {
    if (event.persisted) this.end();
  };
}
