// RedisSessionStore against a real redis-server, started on a free port in a temporary folder. Without
// redis-server the tests say so loudly and skip; under CI they fail. Runs against dist/ (`npm run build` first).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { createProxyHandler, RedisError, RedisSessionStore } from 'hv-elements/proxy';

const haveRedis = spawnSync('redis-server', ['--version']).status === 0;
if (!haveRedis) {
  console.warn('\n!!! redis-server not found: RedisSessionStore NOT tested (apt-get install redis-server) !!!\n');
  if (process.env.CI) throw new Error('redis-server is missing, and CI is set');
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startRedis(extra = [], port) {
  const dir = mkdtempSync(join(tmpdir(), 'hv-redis-'));
  port ??= await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', ...extra],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`redis-server exited (${code})`)));
    child.stdout.on('data', (chunk) => String(chunk).includes('Ready to accept connections') && resolve());
  });
  return {
    port,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('RedisSessionStore', { skip: !haveRedis && 'redis-server not found' }, () => {
  let redis;
  let store;

  before(async () => {
    redis = await startRedis();
    store = new RedisSessionStore({ port: redis.port, keyPrefix: 'test:' });
  });
  after(async () => {
    store?.close();
    await redis?.stop();
  });

  it('sets, gets and deletes, values byte for byte', async () => {
    const value = JSON.stringify({ wctoken: 'tök\r\n$3\r\n*x', instanceId: '1' });
    await store.set('a', value, 60_000);
    assert.equal(await store.get('a'), value);
    await store.delete('a');
    assert.equal(await store.get('a'), undefined);
    assert.equal(await store.get('never-set'), undefined);
  });

  it('lets a value expire after its TTL', async () => {
    await store.set('short', 'x', 50);
    assert.equal(await store.get('short'), 'x');
    await sleep(150);
    assert.equal(await store.get('short'), undefined);
  });

  it('answers many commands at once in order', async () => {
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.set(`k${i}`, `v${i}`, 60_000)));
    const values = await Promise.all(Array.from({ length: 50 }, (_, i) => store.get(`k${i}`)));
    assert.deepEqual(
      values,
      Array.from({ length: 50 }, (_, i) => `v${i}`),
    );
  });

  it('authenticates with a password, and reports Redis errors', async () => {
    const locked = await startRedis(['--requirepass', 'sesame']);
    try {
      const withPassword = new RedisSessionStore({ port: locked.port, password: 'sesame' });
      await withPassword.set('p', 'ok', 60_000);
      assert.equal(await withPassword.get('p'), 'ok');
      withPassword.close();
      const without = new RedisSessionStore({ port: locked.port });
      await assert.rejects(without.get('p'), RedisError);
      without.close();
    } finally {
      await locked.stop();
    }
  });

  it('fails fast when Redis is gone, and reconnects when it is back', async () => {
    let own = await startRedis();
    const reconnecting = new RedisSessionStore({ port: own.port, timeoutMs: 500 });
    try {
      await reconnecting.set('r', 'before', 60_000);
      await own.stop();
      await assert.rejects(reconnecting.get('r'), RedisError);
      own = await startRedis([], own.port);
      await reconnecting.set('r', 'after', 60_000);
      assert.equal(await reconnecting.get('r'), 'after');
    } finally {
      reconnecting.close();
      await own.stop();
    }
  });

  it("keeps the proxy's sessions: a hand-off or a sign-out ends the session before it", async () => {
    const answer = '<response><status><code>0</code></status></response>';
    const handler = createProxyHandler({ platform: { call: async () => answer }, mountPath: '/hv', store });
    const server = createHttpServer(handler);
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${server.address().port}/hv`;
    const kit = { 'X-Requested-With': 'hv-elements' };
    const handOff = async (cookie) => {
      const headers = { ...kit, 'Content-Type': 'application/json', ...(cookie && { Cookie: `hv-session=${cookie}` }) };
      const response = await fetch(`${base}/session`, { method: 'POST', headers, body: '{"wctoken":"SECRET-TOKEN"}' });
      assert.equal(response.status, 204);
      return /^hv-session=([\w-]{43});/.exec(response.headers.get('set-cookie'))[1];
    };
    const status = async (cookie) =>
      (
        await fetch(`${base}/GetPersonInfo`, {
          method: 'POST',
          headers: { ...kit, 'Content-Type': 'application/xml', Cookie: `hv-session=${cookie}` },
          body: '<wc:info xmlns:wc="urn:com.microsoft.wc.methods.GetPersonInfo"/>',
        })
      ).status;
    try {
      const first = await handOff();
      assert.equal(await status(first), 200);
      assert.deepEqual(JSON.parse(await store.get(first)), { wctoken: 'SECRET-TOKEN' });
      const second = await handOff(first);
      assert.equal(await status(first), 204);
      assert.equal(await status(second), 200);
      const signOut = await fetch(`${base}/session`, {
        method: 'DELETE',
        headers: { ...kit, Cookie: `hv-session=${second}` },
      });
      assert.equal(signOut.status, 204);
      assert.equal(await status(second), 204);
      assert.equal(await store.get(second), undefined);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
