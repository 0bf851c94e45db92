/**
 * The simulated HealthVault as a real HTTP server (`npx hv-elements-sim`): the platform's `wildcat.ashx` behind
 * its wire checks (wire-platform.ts), the Shell's pages (shell-pages.ts), faults on demand, and a small control
 * API for demos and tests. One simulator (src/mock) holds all the state. Listens on loopback only.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { isScenarioName, type ScenarioName } from '../mock/scenarios.js';
import { createSimulator, type Simulator } from '../mock/simulator.js';
import type { Clock } from '../mock/clock.js';
import {
  POST_RETURN_SCRIPT,
  SHELL_CSS,
  SHELL_PATH,
  SHELL_POST_SCRIPT_PATH,
  SHELL_STYLE_PATH,
  sendShellAnswer,
  shellPage,
} from './shell-pages.js';
import { createWirePlatform, type RegisteredCredential, type SchemaCheck, type WirePlatform } from './wire-platform.js';

/**
 * What goes wrong with the platform on demand (wildcat.ashx only; the Shell's pages keep working):
 * `down` cuts every connection without an answer; `slow` answers after `delayMs`; `malformed` answers HTTP 200
 * with a body that is not a response document; `http-error` answers with HTTP `status` (500 when absent).
 * `times`: for that many requests only, then `none` again (absent: until changed).
 */
export type PlatformFault =
  | { kind: 'none' }
  | { kind: 'down'; times?: number }
  | { kind: 'slow'; delayMs: number; times?: number }
  | { kind: 'malformed'; times?: number }
  | { kind: 'http-error'; status?: number; times?: number };

export interface SimServerOptions {
  /** The simulator to serve; a new one (in memory, from `scenario`) when absent. */
  simulator?: Simulator;
  scenario?: ScenarioName;
  clock?: Clock;
  /** The demo application's registered action URL, for a new simulator (where the Shell returns without `redirect`). */
  demoActionUrl?: string;
  /** The applications' certificates: their public keys and thumbprints. */
  credentials: readonly RegisteredCredential[];
  /** How long an app session lasts (4 hours when absent). */
  appSessionLifetimeMs?: number;
  /** Schema validation of every `<info>` in and out (see {@link createWirePlatform}); none when absent. */
  schemas?: SchemaCheck;
  /** The largest request body, in bytes (4 MiB when absent). */
  maxBodyBytes?: number;
  log?: (line: string) => void;
}

export interface SimServer {
  readonly simulator: Simulator;
  readonly platform: WirePlatform;
  /** The request handler, for mounting in a server of your own. */
  readonly handler: (req: IncomingMessage, res: ServerResponse) => void;
  readonly fault: PlatformFault;
  setFault(fault: PlatformFault): void;
  /** Starts listening on loopback (port 0: any free port); resolves with the server's origin, `http://127.0.0.1:…`. */
  listen(port?: number, host?: string): Promise<string>;
  /** The origin it listens on, once listening. */
  readonly url: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const FAULT_KINDS = new Set(['none', 'down', 'slow', 'malformed', 'http-error']);

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpProblem(413, `The body is over ${limit} bytes.`));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendText(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}

/** Checks a fault given to the control API or {@link SimServer.setFault}. */
export function parseFault(value: unknown): PlatformFault {
  const fault = value as Partial<PlatformFault & { delayMs: unknown; status: unknown; times: unknown }> | null;
  if (!fault || typeof fault !== 'object' || !FAULT_KINDS.has(String(fault.kind))) {
    throw new TypeError('A fault is {"kind": "none" | "down" | "slow" | "malformed" | "http-error", …}.');
  }
  if (fault.times !== undefined && !(Number.isInteger(fault.times) && Number(fault.times) > 0)) {
    throw new TypeError('times must be a positive whole number.');
  }
  if (fault.kind === 'slow' && !(typeof fault.delayMs === 'number' && fault.delayMs >= 0)) {
    throw new TypeError('A slow platform needs delayMs ≥ 0.');
  }
  if (fault.kind === 'http-error' && fault.status !== undefined) {
    if (!(Number.isInteger(fault.status) && Number(fault.status) >= 400 && Number(fault.status) <= 599)) {
      throw new TypeError('status must be an HTTP error status (400–599).');
    }
  }
  return structuredClone(fault) as PlatformFault;
}

export function createSimServer(options: SimServerOptions): SimServer {
  const log = options.log ?? (() => {});
  const simulator =
    options.simulator ??
    createSimulator({
      scenario: options.scenario ?? 'new-user',
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.demoActionUrl ? { demoActionUrl: options.demoActionUrl } : {}),
    });
  const platform = createWirePlatform({
    simulator,
    credentials: options.credentials,
    ...(options.appSessionLifetimeMs === undefined ? {} : { appSessionLifetimeMs: options.appSessionLifetimeMs }),
    ...(options.schemas ? { schemas: options.schemas } : {}),
    log,
  });
  const limit = options.maxBodyBytes ?? 4 * 1024 * 1024;
  let fault: PlatformFault = { kind: 'none' };
  let server: Server | undefined;
  let url = '';

  /** The fault this request meets, counting it down. */
  function currentFault(): PlatformFault {
    const now = fault;
    if (now.kind !== 'none' && now.times !== undefined) {
      fault = now.times <= 1 ? { kind: 'none' } : { ...now, times: now.times - 1 };
    }
    return now;
  }

  async function wildcat(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') throw new HttpProblem(405, 'POST a request envelope.');
    const met = currentFault();
    if (met.kind === 'down') {
      req.socket.destroy();
      return;
    }
    let body = await readBody(req, limit);
    if (met.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, met.delayMs));
    if (met.kind === 'malformed')
      return sendText(res, 200, '<response><status><code>0</code></status><wc:info', 'text/xml; charset=utf-8');
    if (met.kind === 'http-error') {
      return sendText(res, met.status ?? 500, 'The platform failed (simulated).');
    }
    const encoding = String(req.headers['content-encoding'] ?? 'identity')
      .trim()
      .toLowerCase();
    if (encoding === 'gzip') {
      try {
        body = gunzipSync(body, { maxOutputLength: limit });
      } catch {
        throw new HttpProblem(400, 'The body is not gzip data.');
      }
    } else if (encoding !== 'identity') throw new HttpProblem(415, `Content-Encoding ${encoding} is not supported.`);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      throw new HttpProblem(400, 'The body is not UTF-8.');
    }
    const answer = await platform.answer(text);
    res.writeHead(200, {
      'Content-Type': 'text/xml; charset=utf-8',
      'Cache-Control': 'no-store',
      WC_ResponseId: randomUUID(),
    });
    res.end(answer);
  }

  async function shell(req: IncomingMessage, res: ServerResponse, search: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'POST') throw new HttpProblem(405, 'GET or POST.');
    const form =
      req.method === 'POST' ? new URLSearchParams((await readBody(req, 64 * 1024)).toString('utf8')) : undefined;
    sendShellAnswer(res, await shellPage(simulator.shell, search, form));
  }

  /** The control API: JSON in (a content type no form can send), JSON out. */
  async function control(req: IncomingMessage, res: ServerResponse, action: string): Promise<void> {
    const json = (status: number, value: unknown) => sendText(res, status, JSON.stringify(value), 'application/json');
    if (action === 'state' && req.method === 'GET') {
      return json(200, {
        scenario: simulator.scenario,
        fault,
        appSessionsCreated: platform.sessionsCreated,
        problems: platform.problems,
        connectRequests: simulator.connectRequests(),
        packages: simulator.packages(),
      });
    }
    if (req.method !== 'POST') throw new HttpProblem(405, 'POST.');
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      throw new HttpProblem(415, 'The control API takes application/json.');
    }
    let input: Record<string, unknown>;
    try {
      input = JSON.parse((await readBody(req, 16 * 1024)).toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      throw new HttpProblem(400, 'The body is not JSON.');
    }
    switch (action) {
      case 'scenario':
        if (!isScenarioName(String(input['name']))) throw new HttpProblem(400, 'No such scenario.');
        simulator.reset(input['name'] as ScenarioName);
        return json(200, { scenario: simulator.scenario });
      case 'fault':
        try {
          fault = parseFault(input);
        } catch (error) {
          throw new HttpProblem(400, (error as Error).message);
        }
        return json(200, { fault });
      case 'expire-app-sessions':
        platform.expireAppSessions();
        return json(200, {});
      case 'advance-clock':
        if (!(typeof input['ms'] === 'number' && input['ms'] >= 0)) throw new HttpProblem(400, 'ms ≥ 0.');
        simulator.clock.advance(input['ms']);
        return json(200, { now: new Date(simulator.clock.now()).toISOString() });
      default:
        throw new HttpProblem(404, 'No such control.');
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const [path = '/', query = ''] = (req.url ?? '/').split(/\?(.*)/s);
    const search = query ? `?${query}` : '';
    if (/\/wildcat\.ashx$/i.test(path)) return wildcat(req, res);
    if (path.toLowerCase() === SHELL_PATH) return shell(req, res, search);
    if (path === SHELL_STYLE_PATH) return sendText(res, 200, SHELL_CSS, 'text/css; charset=utf-8');
    if (path === SHELL_POST_SCRIPT_PATH)
      return sendText(res, 200, POST_RETURN_SCRIPT, 'text/javascript; charset=utf-8');
    if (path.startsWith('/sim/')) return control(req, res, path.slice('/sim/'.length));
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    if (path === '/') {
      return sendText(
        res,
        200,
        'hv-elements-sim: the simulated HealthVault. Platform: POST /platform/wildcat.ashx; Shell: /shell/redirect.aspx; control: /sim/state.\n',
      );
    }
    throw new HttpProblem(404, 'Not found.');
  }

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (error instanceof HttpProblem) return sendText(res, error.status, error.message);
      log(
        `hv-sim: ${req.method} ${req.url?.split('?')[0]} failed: ${error instanceof Error ? error.stack : String(error)}`,
      );
      sendText(res, 500, 'The simulator failed.');
    });
  };

  return {
    simulator,
    platform,
    handler,
    get fault() {
      return fault;
    },
    setFault(next) {
      fault = parseFault(next);
    },
    get url() {
      return url;
    },
    async listen(port = 0, host = '127.0.0.1') {
      if (!LOOPBACK.has(host)) throw new RangeError('hv-elements-sim listens on loopback only (127.0.0.1, ::1).');
      server = createServer(handler);
      server.keepAliveTimeout = 30_000;
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(port, host, () => resolve());
      });
      const address = server.address() as AddressInfo;
      url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
      return url;
    },
    close() {
      return new Promise<void>((resolve) => {
        if (!server) return resolve();
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
