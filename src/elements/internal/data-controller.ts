import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { codeLoadFailure, HvError, RETRY_DELAYS_MS } from '../../core/errors.js';
import type { MethodDescriptor } from '../../core/platform/method-descriptor.js';
import type { HvProxy } from '../../transport/proxy.js';

/** One read an element wants: which method, with which request, on which record, through which proxy. */
export interface PlatformCall<Request, Result> {
  proxy: HvProxy | string;
  method: MethodDescriptor<Request, Result>;
  request: Request;
  recordId?: string;
}

/** Nothing asked yet (no call), asking, answered, or failed after the last retry. */
export type PlatformDataStatus = 'idle' | 'pending' | 'complete' | 'error';

interface DataState<Result> {
  status: PlatformDataStatus;
  value?: Result;
  error?: HvError;
}

export interface PlatformDataOptions {
  /** The wait before each retry of a retryable failure, in ms; as many retries as waits. */
  retryDelays?: readonly number[];
}

function asHvError(error: unknown): HvError {
  // The proxy and the decoders only throw HvError; anything else is the connection module failing to load.
  return error instanceof HvError ? error : codeLoadFailure(error);
}

function waitOrAbort(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', abort);
      resolve();
    }, ms);
    signal.addEventListener('abort', abort, { once: true });
  });
}

/** Tells calls apart by value: a host may build a new request array on every render. */
function keyOf(call: PlatformCall<unknown, unknown>): string {
  const { method, recordId, request } = call;
  return JSON.stringify([method.name, method.version, recordId ?? null, request]);
}

/**
 * Calls a platform method once through the page's client of the proxy (loaded on first use): a write, or a read an
 * element times itself (a poll). Failures are `HvError`s, the client's code failing to load included.
 */
export async function callPlatform<Request, Result>(
  call: PlatformCall<Request, Result>,
  options: { signal?: AbortSignal; fresh?: boolean } = {},
): Promise<Result> {
  try {
    const { clientFor } = await import('../../session/clients.js');
    return await clientFor(call.proxy).call(call.method, call.request, { recordId: call.recordId, ...options });
  } catch (error) {
    throw asHvError(error);
  }
}

/**
 * An element's read of platform data, Task-like: `call` says, from the host's current state, what to read (or
 * nothing yet); whenever that changes, the controller asks the page's client of the proxy (so elements share
 * requests and answers) and re-renders the host with `status`, `value` and `error`. It stops asking when the host
 * leaves the page, retries what is retryable with growing waits, and keeps the last value, marked `stale`, until
 * a new one arrives; `retry()` asks again at once (a person's "try again", a host's refresh). Reads only: a call
 * runs again whenever its arguments change.
 *
 * ```ts
 * readonly permissions = new PlatformDataController(this, () => {
 *   const source = this.sessionSource();
 *   return source && { proxy: source.proxy, method: queryPermissions, request: this.typeIds, recordId: this.recordId };
 * });
 * ```
 */
export class PlatformDataController<Request, Result> implements ReactiveController {
  private state: DataState<Result> = { status: 'idle' };
  /** The call the value and status belong to, with its key. */
  private call?: PlatformCall<Request, Result>;
  private key?: string;
  /** Cancels the run under way: its request and the waits between its attempts. */
  private run?: AbortController;
  /** The host left the page while a run was under way: it runs again when the host is back. */
  private interrupted = false;
  private readonly retryDelays: readonly number[];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly callOf: () => PlatformCall<Request, Result> | undefined | null | false,
    options: PlatformDataOptions = {},
  ) {
    this.retryDelays = options.retryDelays ?? RETRY_DELAYS_MS;
    host.addController(this);
  }

  get status(): PlatformDataStatus {
    return this.state.status;
  }

  /** The last answer of the current call; kept through retries, refreshes and failures. */
  get value(): Result | undefined {
    return this.state.value;
  }

  /** The last failure of the current call; set while its retries wait, cleared by an answer. */
  get error(): HvError | undefined {
    return this.state.error;
  }

  /** True when the value is kept but not current: it is being asked again, or asking again failed. */
  get stale(): boolean {
    return this.state.status !== 'complete' && this.state.value !== undefined;
  }

  /** Asks again now, past any wait and the client's short cache, keeping the last value (stale) meanwhile. */
  retry(): void {
    if (this.call) this.start(this.call, true);
  }

  hostConnected(): void {
    if (this.interrupted) this.host.requestUpdate();
  }

  hostUpdate(): void {
    const call = this.callOf() || undefined;
    const key = call && keyOf(call);
    if (key !== this.key || call?.proxy !== this.call?.proxy) {
      this.run?.abort();
      this.run = undefined;
      this.call = call;
      this.key = key;
      // Another question: the old answer and failure say nothing about it.
      this.set({ status: 'idle', value: undefined, error: undefined });
      if (call) this.start(call, false);
    } else if (this.interrupted && call) {
      this.start(call, false);
    }
  }

  hostDisconnected(): void {
    // Nobody sees the answer of an element off the page; ask again if it comes back.
    if (!this.run) return;
    this.run.abort();
    this.run = undefined;
    this.interrupted = true;
  }

  private start(call: PlatformCall<Request, Result>, fresh: boolean): void {
    this.run?.abort();
    const run = (this.run = new AbortController());
    this.interrupted = false;
    this.set({ status: 'pending' });
    this.answer(call, run.signal, fresh).then(
      (value) => this.settle(run, { status: 'complete', value, error: undefined }),
      (error: unknown) => this.settle(run, { status: 'error', error: asHvError(error) }),
    );
  }

  /** Asks until an answer, a failure that retrying cannot help, or the last retry, waiting longer before each. */
  private async answer(call: PlatformCall<Request, Result>, signal: AbortSignal, fresh: boolean): Promise<Result> {
    for (let retries = 0; ; retries++) {
      try {
        return await callPlatform(call, { signal, fresh });
      } catch (error) {
        const failure = asHvError(error);
        const delay = this.retryDelays[retries];
        if (!failure.retryable || delay === undefined || signal.aborted) throw failure;
        this.set({ error: failure });
        await waitOrAbort(delay, signal);
      }
    }
  }

  private settle(run: AbortController, outcome: Partial<DataState<Result>>): void {
    // A cancelled run answers a question nobody asks any more.
    if (run.signal.aborted) return;
    this.run = undefined;
    this.set(outcome);
  }

  private set(change: Partial<DataState<Result>>): void {
    this.state = { ...this.state, ...change };
    this.host.requestUpdate();
  }
}
