// The proxy under load, for `npm run bench` (never its `--size` part): 200 browser sessions, each an HTTP client
// holding its own cookie, make 10,000 GetPersonInfo calls at once through the Node proxy (hv-elements/proxy) to
// the simulated HealthVault over HTTP (hv-elements-sim), on loopback. Each session is a different person, so an
// answer meant for another session shows. The simulator and the proxy each run in a worker thread of their own
// (an event loop each, as separate servers would have); the clients run here.
//
// "Time added by the proxy": in the proxy, from a request's arrival to its answer, minus the time its call to the
// platform took (measured around the proxy's fetch): reading the cookie, unsealing the session, building, hashing
// and signing the envelope, reading the answer. Bounded: one run, loopback only, fixed counts.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const here = fileURLToPath(import.meta.url);

/**
 * Runs the load and resolves with its figures.
 * @param {{ sessions?: number, calls?: number }} options
 */
export async function runLoadBench({ sessions = 200, calls = 10_000 } = {}) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keys = {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }),
    thumbprint: createHash('sha1')
      .update(publicKey.export({ type: 'spki', format: 'der' }))
      .digest('hex'),
  };
  const sim = await startWorker({ role: 'sim', sessions, keys });
  const proxy = await startWorker({ role: 'proxy', platformUrl: `${sim.ready.url}/platform/`, keys });
  const people = sim.ready.people;
  const perSession = Math.ceil(calls / sessions);
  const latencies = [];
  let right = 0;
  let lost = 0;
  let mixed = 0;
  const base = proxy.ready.url;
  const kit = { 'X-Requested-With': 'hv-elements' };
  const info = '<wc:info xmlns:wc="urn:com.microsoft.wc.methods.GetPersonInfo"/>';

  async function session({ token, name }, calls) {
    const handOff = await fetch(`${base}/hv/session`, {
      method: 'POST',
      headers: { ...kit, 'Content-Type': 'application/json' },
      body: JSON.stringify({ wctoken: token, instanceid: '1' }),
    });
    const cookie = handOff.headers.get('set-cookie')?.split(';')[0];
    if (handOff.status !== 204 || !cookie) {
      lost += calls;
      return;
    }
    for (let call = 0; call < calls; call++) {
      const started = performance.now();
      try {
        const response = await fetch(`${base}/hv/GetPersonInfo`, {
          method: 'POST',
          headers: { ...kit, 'Content-Type': 'application/xml', Cookie: cookie },
          body: info,
        });
        const text = await response.text();
        latencies.push(performance.now() - started);
        const answered = /<name>([^<]*)<\/name>/.exec(text)?.[1];
        if (response.status !== 200 || !/<code>0<\/code>/.test(text)) lost++;
        else if (answered !== name) mixed++;
        else right++;
      } catch {
        lost++;
      }
    }
  }

  const started = performance.now();
  await Promise.all(people.map((person, index) => session(person, Math.min(perSession, calls - index * perSession))));
  const wallMs = performance.now() - started;
  const report = await proxy.ask('report');
  await Promise.all([sim.stop(), proxy.stop()]);
  const added = Float64Array.from(report.added).sort();
  const endToEnd = Float64Array.from(latencies).sort();
  return {
    sessions,
    calls,
    right,
    lost,
    mixed,
    wallMs,
    addedP50: percentile(added, 0.5),
    addedP99: percentile(added, 0.99),
    endToEndP50: percentile(endToEnd, 0.5),
    endToEndP99: percentile(endToEnd, 0.99),
    proxyHeapMb: report.heapUsed / 2 ** 20,
    proxyRequests: report.added.length,
    rssMb: process.memoryUsage().rss / 2 ** 20,
  };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

/** A worker of this file in `role`; resolves once it said it is ready (with what it said). */
function startWorker(data) {
  const worker = new Worker(here, { workerData: data });
  const pending = new Map();
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (message) => {
      if (message.type === 'ready') {
        resolve({
          ready: message,
          ask(what) {
            return new Promise((answer) => {
              pending.set(what, answer);
              worker.postMessage(what);
            });
          },
          async stop() {
            await worker.terminate();
          },
        });
      } else pending.get(message.type)?.(message);
    });
  });
}

/** The simulated HealthVault with one person per session, each signed in to the demo application. */
async function simulatorWorker({ sessions, keys }) {
  const { createSimulator, buildScenario, DEMO_APP_ID } = await import('../../dist/mock/index.js');
  const { createSimServer } = await import('../../dist/sim-server/index.js');
  const state = buildScenario('new-user', { now: Date.now() });
  const [template] = Object.values(state.people);
  const templateRecord = state.records[template.records[0].recordId];
  const ids = [];
  for (let n = 0; n < sessions; n++) {
    const id = `load-${n}`;
    const recordId = crypto.randomUUID();
    const name = `Load Person ${String(n).padStart(3, '0')}`;
    state.people[id] = { id, name, records: [{ ...template.records[0], recordId }] };
    state.records[recordId] = {
      ...structuredClone(templateRecord),
      id: recordId,
      name,
      displayName: name.split(' ').slice(0, 2).join(' '),
      appSpecificRecordId: String(500_000 + n),
    };
    ids.push({ id, recordId, name });
  }
  const simulator = createSimulator({ state, userTokenLifetimeMs: 60 * 60 * 1000 });
  const people = [];
  for (const { id, recordId, name } of ids) {
    const token = await simulator.shell.authorize({ personId: id, appId: DEMO_APP_ID, recordIds: [recordId] });
    people.push({ token, name });
  }
  const sim = createSimServer({
    simulator,
    credentials: [{ appId: DEMO_APP_ID, publicKey: keys.publicKey, thumbprint: keys.thumbprint }],
  });
  const url = await sim.listen(0);
  parentPort.postMessage({ type: 'ready', url, people });
}

/** The Node proxy, timing its own share of every request. */
async function proxyWorker({ platformUrl, keys }) {
  const { createPlatformClient, createProxyHandler } = await import('../../dist/proxy/index.js');
  const { DEMO_APP_ID } = await import('../../dist/sim-server/index.js');
  const upstream = new AsyncLocalStorage();
  const timedFetch = async (input, init) => {
    const started = performance.now();
    try {
      const response = await fetch(input, init);
      await response.clone().arrayBuffer(); // the body's arrival counts as the platform's time
      return response;
    } finally {
      const call = upstream.getStore();
      if (call) call.ms += performance.now() - started;
    }
  };
  const platform = createPlatformClient({
    platformUrl,
    appId: DEMO_APP_ID,
    privateKey: keys.privateKey,
    thumbprint: keys.thumbprint,
    fetch: timedFetch,
  });
  const handler = createProxyHandler({ platform, mountPath: '/hv', cookieKey: randomBytes(32) });
  const added = [];
  const server = createServer((req, res) => {
    const call = { ms: 0 };
    const started = performance.now();
    res.on('finish', () => {
      if (req.url?.endsWith('/GetPersonInfo')) added.push(performance.now() - started - call.ms);
    });
    upstream.run(call, () => handler(req, res));
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  parentPort.on('message', (what) => {
    if (what !== 'report') return;
    // What the proxy still holds after the run, not what garbage collection has yet to free.
    setFlagsFromString('--expose-gc');
    runInNewContext('gc')();
    parentPort.postMessage({ type: 'report', added, heapUsed: process.memoryUsage().heapUsed });
  });
  parentPort.postMessage({ type: 'ready', url: `http://127.0.0.1:${server.address().port}` });
}

if (!isMainThread && workerData?.role === 'sim') await simulatorWorker(workerData);
if (!isMainThread && workerData?.role === 'proxy') await proxyWorker(workerData);
