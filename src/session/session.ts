import { codeLoadFailure, HvError, RETRY_DELAYS_MS } from '../core/errors.js';
import type { PersonInfo } from '../core/platform/methods/get-person-info.js';
import type { RecordInfo } from '../core/platform/methods/get-authorized-records.js';
import { proxyUrlKey, type HvProxy } from '../transport/proxy.js';
import { dispatchHvEvent } from './events.js';
import type { ShellReturnOutcome } from './shell-return.js';
import { takeShellReturn } from './take-shell-return.js';

/**
 * Where the page stands with HealthVault: not known yet, nobody signed in, a sign-in under way, connected, the
 * person's sign-in expired (CREDENTIAL_TOKEN_EXPIRED), their access revoked (ACCESS_DENIED), or the proxy failed.
 */
export type SessionStatus = 'unknown' | 'signed-out' | 'connecting' | 'connected' | 'expired' | 'revoked' | 'error';

export interface SessionState {
  readonly status: SessionStatus;
  /** The signed-in person, while `connected` (and kept through a later failure, to show what was known). */
  readonly person?: PersonInfo;
  /** The person's records this application is authorized for. */
  readonly records: readonly RecordInfo[];
  /** Why the last check or sign-in failed. */
  readonly error?: HvError;
  /** The person declined on the Shell the last time this page sent them there (until they connect). */
  readonly declined?: boolean;
}

export interface SessionStartOptions {
  /** Where the Shell return's page-level events are fired (they bubble); the document when absent. */
  eventTarget?: EventTarget;
  /** Leaves the Shell return to the page (`handleShellReturn`), as an element with `manual-return` asks. */
  manualReturn?: boolean;
}

/** A tab that comes back into view rechecks the sign-in, at most this often. */
const REVALIDATE_AFTER_MS = 30_000;
// Platform status codes with a session status of their own (reference §11).
const CREDENTIAL_TOKEN_EXPIRED = 7;
const ACCESS_DENIED = 11;

/** The session status a failure of the who-is-signed-in check means. */
function statusAfter(error: HvError): SessionStatus {
  if (error.code === 'signed-out') return 'signed-out';
  const platformStatus = error.code === 'platform' ? (error as HvError & { status?: number }).status : undefined;
  if (platformStatus === CREDENTIAL_TOKEN_EXPIRED) return 'expired';
  if (platformStatus === ACCESS_DENIED) return 'revoked';
  return 'error';
}

function asHvError(error: unknown): HvError {
  return error instanceof HvError ? error : codeLoadFailure(error);
}

/**
 * The page's connection to HealthVault for one application and proxy: the only one to take the Shell return off
 * the address bar and complete it, to ask the proxy who is signed in, and to follow other tabs. Elements and
 * scripts read its `state` and subscribe to it; get it with {@link getSession}.
 */
/**
 * Resolves once the page has painted (at once in a hidden page, which paints nothing): asking the proxy who is
 * signed in never comes before, or delays, what the person first sees.
 */
function afterFirstPaint(): Promise<void> {
  return new Promise((painted) => (document.hidden ? painted() : requestAnimationFrame(() => setTimeout(painted))));
}

export class HvSession {
  private current: SessionState = { status: 'unknown', records: [] };
  private readonly listeners = new Set<(state: SessionState) => void>();
  private started = false;
  private checkedAt = 0;
  /** Counts checks and sign-ins, so that only the latest check's answer is kept. */
  private checks = 0;
  private channel?: BroadcastChannel;
  /** Checks in a row that failed in a way retrying can help: how long to wait before the next. */
  private failures = 0;
  private retryTimer?: ReturnType<typeof setTimeout>;
  /** What the page's last Shell return came to: an element that sent the person there reads what became of it. */
  lastReturn?: ShellReturnOutcome;
  /** What the last Shell return left to say (a refusal, a failure), kept until the person connects. */
  private returnNote: Pick<SessionState, 'error' | 'declined'> = {};

  constructor(
    readonly appId: string,
    readonly proxy: HvProxy | string,
  ) {}

  get state(): SessionState {
    return this.current;
  }

  /** Calls `listener` with every new state; returns the function that stops it. */
  subscribe(listener: (state: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Starts following the sign-in, once per page whoever asks: completes the Shell return if this page load is one,
   * else asks the proxy who is signed in; then follows other tabs and rechecks when the tab is shown again.
   */
  start(options: SessionStartOptions = {}): void {
    if (this.started) return;
    this.started = true;
    const query = options.manualReturn ? undefined : takeShellReturn();
    if (query === undefined) void afterFirstPaint().then(() => this.refresh());
    else {
      const eventTarget = options.eventTarget ?? document;
      import('./shell-return.js').then(
        (returns) => returns.completeShellReturnOf(this, query, eventTarget),
        (cause: unknown) => {
          // The return code itself could not load (offline, a deployment replaced under the page).
          const outcome = { kind: 'error', error: codeLoadFailure(cause) } as const;
          this.settle(outcome);
          dispatchHvEvent(eventTarget, 'hv-error', { error: outcome.error });
        },
      );
    }
    if (typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel(`hv-elements:session:${this.appId.toLowerCase()}`);
      // Only a nudge crosses tabs, never the person's data: each tab asks its proxy itself.
      this.channel.onmessage = () => void this.refresh(true);
    }
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && Date.now() - this.checkedAt > REVALIDATE_AFTER_MS) {
        void this.refresh();
      }
    });
  }

  /**
   * Asks the proxy who is signed in, anew, and resolves with the new state. An
   * answer overtaken by a newer check or a sign-in is dropped: it speaks of a session that is gone. `nudged`: another
   * tab asked for this check, and needs no word back.
   */
  async refresh(nudged = false): Promise<SessionState> {
    const check = ++this.checks;
    this.checkedAt = Date.now();
    clearTimeout(this.retryTimer);
    let next: SessionState;
    try {
      const { proxyFor, readPerson } = await import('./connection.js');
      const person = await readPerson(proxyFor(this.proxy));
      next = { status: 'connected', person, records: person.records };
    } catch (error) {
      const failure = asHvError(error);
      const status = statusAfter(failure);
      next = status === 'error' ? { ...this.current, status, error: failure } : { status, records: [] };
    }
    if (check !== this.checks) return this.current;
    // Found signed out, expired or revoked here: the other tabs learn it too (unless they told us).
    const lost = this.current.status === 'connected' && next.status !== 'connected' && next.status !== 'error';
    if (lost && !nudged) this.channel?.postMessage('changed');
    // A proxy that cannot be reached is asked again, waiting longer each time, then left to a person's retry.
    const delay = next.error?.retryable && next.status === 'error' ? RETRY_DELAYS_MS[this.failures++] : undefined;
    if (delay !== undefined) this.retryTimer = setTimeout(() => void this.refresh(), delay);
    else if (next.status !== 'error') this.failures = 0;
    this.update(next);
    return this.current;
  }

  /** A Shell return is being completed (by the return code, which calls {@link settle} when it is done). */
  connecting(): void {
    this.checks++;
    this.checkedAt = Date.now();
    this.update({ ...this.current, status: 'connecting' });
  }

  /**
   * Takes what became of a sign-in (a Shell return here or in the popup) into the state, and tells the other
   * tabs of this application to recheck.
   */
  settle(outcome: ShellReturnOutcome): void {
    this.checks++;
    this.lastReturn = outcome;
    if (outcome.kind === 'authorized') {
      const { person } = outcome.detail;
      this.update({ status: 'connected', person, records: person.records });
    } else {
      if (outcome.kind === 'denied') this.returnNote = { declined: true };
      else if (outcome.kind === 'error') this.returnNote = { error: outcome.error };
      // Whoever was signed in before still is, or not: not known until the proxy says.
      this.update({ status: 'unknown', records: [] });
      void this.refresh();
    }
    if (outcome.kind === 'authorized' || outcome.kind === 'denied') this.channel?.postMessage('changed');
  }

  private update(state: SessionState): void {
    if (state.status === 'connected') this.returnNote = {};
    this.current = { ...this.returnNote, ...state };
    for (const listener of this.listeners) listener(this.current);
  }
}

const sessions = new Map<string, HvSession>();
const proxyObjectIds = new WeakMap<HvProxy, number>();
let proxyObjectCount = 0;

function sessionKey(appId: string, proxy: HvProxy | string): string {
  if (typeof proxy === 'string') return `${appId.toLowerCase()} ${proxyUrlKey(proxy)}`;
  let id = proxyObjectIds.get(proxy);
  if (id === undefined) proxyObjectIds.set(proxy, (id = ++proxyObjectCount));
  return `${appId.toLowerCase()} #${id}`;
}

/**
 * The page's session for application `appId` through `proxy` (an `HvProxy` or a proxy URL), made on first
 * request; without `proxy`, the first session made for `appId`, if any (for scripts).
 */
export function getSession(appId: string, proxy?: HvProxy | string): HvSession | undefined {
  if (proxy === undefined) return [...sessions.values()].find((session) => session.appId === appId);
  const key = sessionKey(appId, proxy);
  let session = sessions.get(key);
  if (!session) sessions.set(key, (session = new HvSession(appId, proxy)));
  return session;
}
