// `npm run demo:server`: the demo over real HTTP on loopback, as a partner site runs it. Three parts:
// - the demo pages (Vite in middleware mode: the showcase and the walk-through as in `npm start`, told by a <meta> to
//   use the proxy);
// - the Node proxy (hv-elements/proxy) at /hv for patients and /staff/hv for the staff desk, on the demo's origin;
// - the simulated HealthVault (hv-elements-sim: platform and Shell) on an origin of its own, which the proxy signs
//   every request to with a key pair made at start; the demo's /sim/* passes on to its control API.
// `node scripts/demo-server.mjs [--port 8080] [--sim-port 8091] [--scenario new-user]`; the e2e tests call
// startDemoServer() on free ports. Needs dist/proxy and dist/sim-server (`npx tsc -p tsconfig.proxy.json`).
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createServer as createViteServer } from 'vite';
import { createPlatformClient, createProxyHandler, STAFF_METHODS } from '../dist/proxy/index.js';
import { createSimServer, DEMO_APP_ID, hasSchemas, schemaCheck } from '../dist/sim-server/index.js';
import { xsdDir } from './lib/xsd.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Starts the three parts; resolves with their origins and handles. `port`/`simPort` 0: any free port.
 * @param {{ port?: number, simPort?: number, scenario?: string, log?: (line: string) => void, schemas?: boolean }} options
 */
export async function startDemoServer(options = {}) {
  const log = options.log ?? (() => {});
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const thumbprint = createHash('sha1')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');

  // The demo's server listens first: the simulated platform registers the demo application's action URL on it.
  const server = createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;

  const validate = options.schemas ?? hasSchemas(xsdDir);
  const sim = createSimServer({
    scenario: options.scenario ?? 'new-user',
    // The walk-through's clinic page, where the Shell returns after CONNECT and from its own links.
    demoActionUrl: `${origin}/walkthrough.html`,
    credentials: [{ appId: DEMO_APP_ID, publicKey, thumbprint }],
    ...(validate ? { schemas: await schemaCheck(xsdDir) } : {}),
    log,
  });
  const simOrigin = await sim.listen(options.simPort ?? 8091);

  const platform = createPlatformClient({
    platformUrl: `${simOrigin}/platform/`,
    appId: DEMO_APP_ID,
    privateKey,
    thumbprint,
    timeoutMs: 5000,
    log,
  });
  const patients = createProxyHandler({
    platform,
    mountPath: '/hv',
    cookieKey: randomBytes(32),
    origin,
    log,
  });
  // The demo's staff desk has no sign-in of its own: on loopback only, for the demo.
  const staff = createProxyHandler({ platform, mountPath: '/staff/hv', methods: STAFF_METHODS, origin, log });

  const backendMeta = JSON.stringify({ proxyUrl: '/hv', staffProxyUrl: '/staff/hv', shell: `${simOrigin}/shell` });
  const vite = await createViteServer({
    root: repoRoot,
    appType: 'mpa',
    logLevel: 'warn',
    clearScreen: false,
    server: { middlewareMode: true, ws: { server } },
    plugins: [
      {
        name: 'hv-demo-backend',
        transformIndexHtml: () => [
          { tag: 'meta', attrs: { name: 'hv-demo-backend', content: backendMeta }, injectTo: 'head' },
        ],
      },
    ],
  });

  /** /sim/* on the demo's origin → the simulator's control API (the demo's scenario menu). */
  async function toSimulator(req, res) {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const answer = await fetch(`${simOrigin}${req.url}`, {
      method: req.method,
      headers: req.headers['content-type'] ? { 'Content-Type': req.headers['content-type'] } : {},
      ...(req.method === 'GET' ? {} : { body: Buffer.concat(chunks) }),
    });
    res.writeHead(answer.status, { 'Content-Type': answer.headers.get('content-type') ?? 'text/plain' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  }

  server.on('request', (req, res) => {
    // The page the Shell returns to must not leak its address (README, Security).
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (req.url?.startsWith('/sim/')) {
      toSimulator(req, res).catch(() => {
        res.writeHead(502);
        res.end();
      });
      return;
    }
    patients(req, res, () => staff(req, res, () => vite.middlewares(req, res)));
  });

  return {
    origin,
    simOrigin,
    sim,
    async close() {
      await vite.close(); // its WebSocket server first: upgraded connections would keep the server open
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await sim.close();
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8080' },
      'sim-port': { type: 'string', default: '8091' },
      scenario: { type: 'string', default: 'new-user' },
    },
  });
  const demo = await startDemoServer({
    port: Number(values.port),
    simPort: Number(values['sim-port']),
    scenario: values.scenario,
    log: (line) => console.log(line),
  });
  console.log(`demo:server: the showcase at ${demo.origin}/, the walk-through at ${demo.origin}/walkthrough.html
  proxy:      ${demo.origin}/hv (patients), ${demo.origin}/staff/hv (staff)
  simulated HealthVault: ${demo.simOrigin} (hv-elements-sim: platform, Shell, /sim/ control)`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void demo.close().then(() => process.exit(0)));
}
