/**
 * A {@link SessionStore} in Redis, speaking RESP over node:net (three commands need no client library):
 * `SET key value PX ttl`, `GET key`, `DEL key`. One connection, opened on first use and again after it drops;
 * replies come back in the order of the commands.
 */
import { connect, type Socket } from 'node:net';
import type { SessionStore } from './sessions.js';

export interface RedisStoreOptions {
  host?: string;
  port?: number;
  /** Sent with AUTH when the connection opens. */
  password?: string;
  /** Put before every session id, to share a Redis with other data. */
  keyPrefix?: string;
  /** The longest one command may take, in ms (2 s when absent); then the connection is dropped. */
  timeoutMs?: number;
}

type Reply = string | number | null | Reply[];

interface Pending {
  resolve(reply: Reply): void;
  reject(error: Error): void;
}

export class RedisError extends Error {
  override readonly name = 'RedisError';
}

function encode(args: readonly string[]): Buffer {
  const parts = args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`);
  return Buffer.from(`*${args.length}\r\n${parts.join('')}`, 'utf8');
}

/** One reply from the start of `buffer` and where it ends, or undefined until more bytes arrive. */
function parseReply(buffer: Buffer, start = 0): { reply: Reply | RedisError; end: number } | undefined {
  const lineEnd = buffer.indexOf('\r\n', start);
  if (lineEnd < 0) return undefined;
  const line = buffer.toString('utf8', start + 1, lineEnd);
  const next = lineEnd + 2;
  switch (String.fromCharCode(buffer[start]!)) {
    case '+':
      return { reply: line, end: next };
    case '-':
      return { reply: new RedisError(line), end: next };
    case ':':
      return { reply: Number(line), end: next };
    case '$': {
      const length = Number(line);
      if (length < 0) return { reply: null, end: next };
      if (buffer.length < next + length + 2) return undefined;
      return { reply: buffer.toString('utf8', next, next + length), end: next + length + 2 };
    }
    case '*': {
      const count = Number(line);
      if (count < 0) return { reply: null, end: next };
      const items: Reply[] = [];
      let end = next;
      for (let i = 0; i < count; i++) {
        const item = parseReply(buffer, end);
        if (!item) return undefined;
        if (item.reply instanceof RedisError) return item;
        items.push(item.reply);
        end = item.end;
      }
      return { reply: items, end };
    }
    default:
      throw new RedisError('Redis sent something that is not RESP.');
  }
}

export class RedisSessionStore implements SessionStore {
  private socket: Socket | undefined;
  private pending: Pending[] = [];
  private received: Buffer = Buffer.alloc(0);
  private readonly host: string;
  private readonly port: number;
  private readonly prefix: string;
  private readonly timeoutMs: number;

  constructor(private readonly options: RedisStoreOptions = {}) {
    this.host = options.host ?? '127.0.0.1';
    this.port = options.port ?? 6379;
    this.prefix = options.keyPrefix ?? 'hv-session:';
    this.timeoutMs = options.timeoutMs ?? 2000;
  }

  async get(key: string): Promise<string | undefined> {
    const reply = await this.command('GET', this.prefix + key);
    return typeof reply === 'string' ? reply : undefined;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.command('SET', this.prefix + key, value, 'PX', String(Math.max(1, Math.ceil(ttlMs))));
  }

  async delete(key: string): Promise<void> {
    await this.command('DEL', this.prefix + key);
  }

  /** Closes the connection; a later command opens a new one. */
  close(): void {
    this.drop(new RedisError('The Redis connection was closed.'));
  }

  private open(): Socket {
    const socket = connect({ host: this.host, port: this.port });
    socket.setNoDelay(true);
    // A connection already dropped may still report; only the current one speaks for the store.
    const current = () => this.socket === socket;
    socket.on('data', (chunk: Buffer) => current() && this.receive(chunk));
    socket.on('error', (error) => current() && this.drop(new RedisError(`Redis: ${error.message}`)));
    socket.on('close', () => current() && this.drop(new RedisError('The Redis connection closed.')));
    this.socket = socket;
    if (this.options.password !== undefined) {
      // Queued first, so that it precedes the command that opened the connection.
      this.send(['AUTH', this.options.password]).catch(() => {});
    }
    return socket;
  }

  private receive(chunk: Buffer): void {
    this.received = this.received.length ? Buffer.concat([this.received, chunk]) : chunk;
    let parsed;
    try {
      while ((parsed = parseReply(this.received))) {
        this.received = this.received.subarray(parsed.end);
        const waiting = this.pending.shift();
        if (parsed.reply instanceof RedisError) waiting?.reject(parsed.reply);
        else waiting?.resolve(parsed.reply);
      }
    } catch (error) {
      this.drop(error as Error);
    }
  }

  /** Fails every command still waiting, and forgets the connection. */
  private drop(error: Error): void {
    const socket = this.socket;
    this.socket = undefined;
    this.received = Buffer.alloc(0);
    const pending = this.pending;
    this.pending = [];
    for (const waiting of pending) waiting.reject(error);
    socket?.destroy();
  }

  private send(args: readonly string[]): Promise<Reply> {
    const socket = this.socket ?? this.open();
    return new Promise<Reply>((resolve, reject) => {
      this.pending.push({ resolve, reject });
      socket.write(encode(args));
    });
  }

  private async command(...args: string[]): Promise<Reply> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new RedisError(`Redis did not answer ${args[0]} within ${this.timeoutMs} ms.`);
        this.drop(error);
        reject(error);
      }, this.timeoutMs);
    });
    try {
      return await Promise.race([this.send(args), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
