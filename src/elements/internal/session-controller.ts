import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { HvSession, SessionState } from '../../session/session.js';
import type { HvProxy } from '../../transport/proxy.js';

/** What a host of the controller tells it: which session to follow, and whether the page completes returns. */
export interface SessionHost extends ReactiveControllerHost, EventTarget {
  /** The application and proxy of the host's configuration, or undefined while one of them is missing. */
  sessionSource(): { appId: string; proxy: HvProxy | string } | undefined;
  readonly manualReturn?: boolean;
}

const NO_SESSION: SessionState = { status: 'unknown', records: [] };

/** The session module, loaded on first use: the first render needs no session, only its link. */
let getSession: typeof import('../../session/session.js').getSession | undefined;
let sessions: Promise<void> | undefined;

function loadSessions(): Promise<void> {
  return (sessions ??= import('../../session/session.js').then((module) => {
    getSession = module.getSession;
  }));
}

/**
 * Follows the page's session for the host's application and proxy: starts it (the first element to do so gets
 * the Shell return's events), re-renders the host on every change, and lets go when the host leaves the page.
 */
export class SessionController implements ReactiveController {
  session?: HvSession;
  #unsubscribe?: () => void;

  readonly #host: SessionHost;

  constructor(host: SessionHost) {
    this.#host = host;
    host.addController(this);
  }

  get state(): SessionState {
    return this.session?.state ?? NO_SESSION;
  }

  hostConnected(): void {
    // Back on the page: follow the session again at the next update.
    this.#host.requestUpdate();
  }

  hostUpdate(): void {
    const source = this.#host.sessionSource();
    if (source && !getSession) {
      void loadSessions().then(() => this.#host.requestUpdate());
      return;
    }
    const session = source && getSession!(source.appId, source.proxy);
    if (session === this.session) return;
    this.#unsubscribe?.();
    this.session = session;
    this.#unsubscribe = session?.subscribe(() => this.#host.requestUpdate());
    session?.start({ eventTarget: this.#host, manualReturn: this.#host.manualReturn });
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = this.session = undefined;
  }
}
