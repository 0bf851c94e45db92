import { HvError } from '../core/errors.js';
import type { MethodDescriptor } from '../core/platform/method-descriptor.js';
import type { HvProxy, ShellSignIn } from './proxy.js';

export interface PlatformCallOptions {
  /** The record the method acts on (the request's `record-id`). */
  recordId?: string;
  /** Cancels this caller's wait; the shared request goes on while another caller still waits for it. */
  signal?: AbortSignal;
  /** Asks anew: neither a cached answer nor a request already under way will do (later callers share this one). */
  fresh?: boolean;
}

export interface PlatformClientOptions {
  /** How long a read's answer is reused; 15 s by default. */
  cacheMs?: number;
  /** Clock in milliseconds; `Date.now` by default. */
  now?: () => number;
}

/** One read, shared by every caller that asks for the same thing while it runs and, once answered, for a while. */
interface SharedRead {
  answer: Promise<unknown>;
  answeredAt?: number;
  waiting: number;
  controller: AbortController;
}

const DEFAULT_CACHE_MS = 15_000;

function aborted(method: string): HvError {
  return new HvError('aborted', `The ${method} call was aborted.`);
}

/**
 * The page's client of one proxy: it calls methods by their descriptor, shares a read that is already under way
 * (same method, version, record and info: one request), and reuses its answer for a short while. Signing in and
 * any call that is not a read invalidate what it holds. One per proxy per page: {@link platformClientFor}.
 */
export class PlatformClient {
  private readonly reads = new Map<string, SharedRead>();
  private readonly cacheMs: number;
  private readonly now: () => number;

  constructor(
    readonly proxy: HvProxy,
    options: PlatformClientOptions = {},
  ) {
    this.cacheMs = options.cacheMs ?? DEFAULT_CACHE_MS;
    this.now = options.now ?? Date.now;
  }

  async call<Request, Result>(
    method: MethodDescriptor<Request, Result>,
    request: Request,
    options: PlatformCallOptions = {},
  ): Promise<Result> {
    const { recordId, signal } = options;
    if (signal?.aborted) throw aborted(method.name);
    const info = method.buildInfo(request);
    const proxyOptions = { recordId, version: method.version === 1 ? undefined : method.version };
    if (!method.readOnly) {
      this.invalidate();
      try {
        return method.decode(await this.proxy.call(method.name, info, { ...proxyOptions, signal }));
      } finally {
        this.invalidate();
      }
    }
    const key = JSON.stringify([method.name, method.version, recordId ?? '', info]);
    let read = this.reads.get(key);
    // Fresh means newer than anything asked before, so not even a read already under way will do.
    const stale = options.fresh || (read?.answeredAt !== undefined && this.now() - read.answeredAt > this.cacheMs);
    if (!read || stale) {
      const controller = new AbortController();
      const shared: SharedRead = { waiting: 0, controller, answer: Promise.resolve() };
      shared.answer = this.proxy
        .call(method.name, info, { ...proxyOptions, signal: controller.signal })
        .then(method.decode)
        .then(
          (result) => {
            shared.answeredAt = this.now();
            return result;
          },
          (error: unknown) => {
            // Failures are not kept: the next caller tries again.
            if (this.reads.get(key) === shared) this.reads.delete(key);
            throw error;
          },
        );
      this.reads.set(key, shared);
      read = shared;
    }
    return this.follow(read, key, method.name, signal) as Promise<Result>;
  }

  /** Hands the Shell's user token to the proxy; what was read before belongs to whoever was signed in before. */
  async signIn(token: ShellSignIn, signal?: AbortSignal): Promise<void> {
    this.invalidate();
    try {
      await this.proxy.signIn(token, signal);
    } finally {
      this.invalidate();
    }
  }

  /** Forgets every answer (a sign-in, a sign-out, a write): the next call asks the proxy again. */
  invalidate(): void {
    this.reads.clear();
  }

  /** Waits for `read` on behalf of one caller; the last caller to give up cancels the request itself. */
  private follow(read: SharedRead, key: string, method: string, signal?: AbortSignal): Promise<unknown> {
    // A caller without a signal never gives up, and so keeps the request alive for everyone.
    read.waiting++;
    if (!signal) return read.answer;
    return new Promise((resolve, reject) => {
      const giveUp = () => {
        reject(aborted(method));
        if (--read.waiting === 0 && read.answeredAt === undefined) {
          read.controller.abort();
          if (this.reads.get(key) === read) this.reads.delete(key);
        }
      };
      signal.addEventListener('abort', giveUp, { once: true });
      read.answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', giveUp));
    });
  }
}

const clients = new WeakMap<HvProxy, PlatformClient>();

/** The page's one client of `proxy`. */
export function platformClientFor(proxy: HvProxy): PlatformClient {
  let client = clients.get(proxy);
  if (!client) clients.set(proxy, (client = new PlatformClient(proxy)));
  return client;
}
