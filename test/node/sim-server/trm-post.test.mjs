// trm=post through the Node proxy and hv-elements-sim: the Shell posts the token to the proxy's action URL
// ({mount}/shell-return), which parks it under a cookie of its own for a minute and sends the browser back to the
// page the round trip began on (a path of this site, from actionqs) without the token; the page claims it with
// its round-trip state. A forged POST (someone else's token) never becomes this browser's session.
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { createPlatformClient, createProxyHandler, responseStatus } from 'hv-elements/proxy';
import { createSimServer, DEMO_APP_ID } from 'hv-elements/sim-server';

const appId = DEMO_APP_ID;
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const thumbprint = createHash('sha1')
  .update(publicKey.export({ type: 'spki', format: 'der' }))
  .digest('hex');
const kit = { 'X-Requested-With': 'hv-elements' };
const asJson = { ...kit, 'Content-Type': 'application/json' };
const asForm = { 'Content-Type': 'application/x-www-form-urlencoded' };

/** A store in memory with TTLs, as RedisSessionStore behaves. */
function memoryStore() {
  const entries = new Map();
  return {
    async get(key) {
      const entry = entries.get(key);
      if (!entry || entry.expiresAt <= Date.now()) return undefined;
      return entry.value;
    },
    async set(key, value, ttlMs) {
      entries.set(key, { value, expiresAt: Date.now() + ttlMs });
    },
    async delete(key) {
      entries.delete(key);
    },
  };
}

describe('trm=post: the proxy parks the posted token for the page that claims it', () => {
  let sim;
  let servers;

  before(async () => {
    sim = createSimServer({ scenario: 'returning-user', credentials: [{ appId, publicKey, thumbprint }] });
    await sim.listen(0);
    const platform = createPlatformClient({ platformUrl: `${sim.url}/platform/`, appId, privateKey, thumbprint });
    servers = {};
    for (const [name, keeping] of [
      ['sealed', { cookieKey: randomBytes(32) }],
      ['store', { store: memoryStore() }],
    ]) {
      const handler = createProxyHandler({ platform, mountPath: '/hv', parkedTtlMs: 300, ...keeping });
      const server = createServer((req, res) => handler(req, res));
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      server.base = `http://127.0.0.1:${server.address().port}`;
      servers[name] = server;
    }
  });
  after(async () => {
    for (const server of Object.values(servers)) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    await sim.close();
  });

  /** A real user token from the simulated Shell for Jordan Lee (who has authorized the demo application). */
  async function shellToken() {
    const targetqs = `appid=${appId}&redirect=${encodeURIComponent('http://127.0.0.1:9/')}`;
    const shellUrl = `${sim.url}/shell/redirect.aspx?target=AUTH&targetqs=${encodeURIComponent(targetqs)}`;
    const page = await (await fetch(shellUrl)).text();
    const person = /id="person-([^"]+)"[^>]*>\s*<div><label[^>]*>Jordan Lee/.exec(page)[1];
    const back = await fetch(shellUrl, {
      method: 'POST',
      redirect: 'manual',
      headers: asForm,
      body: new URLSearchParams({ step: 'sign-in', person }),
    });
    return new URL(back.headers.get('location')).searchParams.get('wctoken');
  }

  /** What the Shell does with trm=post: POST wctoken and instanceid to the action URL, target and actionqs in its query. */
  function shellPosts(base, wctoken, actionqs, target = 'AppAuthSuccess') {
    const query = new URLSearchParams({ target, actionqs });
    return fetch(`${base}/hv/shell-return?${query}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...asForm, 'Sec-Fetch-Site': 'cross-site', Origin: sim.url },
      body: new URLSearchParams({ wctoken, instanceid: '1' }),
    });
  }

  const cookie = (response, name) =>
    response.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .find((pair) => pair.startsWith(`${name}=`));

  const claim = (base, state, cookies = []) =>
    fetch(`${base}/hv/session`, {
      method: 'POST',
      headers: { ...asJson, Cookie: cookies.filter(Boolean).join('; ') },
      body: JSON.stringify({ claim: state }),
    });

  for (const mode of ['sealed', 'store']) {
    it(`parks, sends the browser back without the token, and hands it over to the claim (${mode} sessions)`, async () => {
      const { base } = servers[mode];
      const wctoken = await shellToken();
      const actionqs = `hvstate=state-${mode}&action=demo&hvreturn=${encodeURIComponent('/patients/home?tab=2')}`;
      const posted = await shellPosts(base, wctoken, actionqs);
      assert.equal(posted.status, 303);
      const location = posted.headers.get('location');
      assert.equal(location, `/patients/home?tab=2&${new URLSearchParams({ target: 'AppAuthSuccess', actionqs })}`);
      assert.ok(!location.includes(wctoken));
      const parked = cookie(posted, 'hv-session-park');
      assert.ok(parked && !parked.includes(wctoken));
      assert.match(posted.headers.get('set-cookie'), /Path=\/hv; Max-Age=1; HttpOnly; SameSite=Lax/);

      // A parking cookie is not a session.
      const asSession = await fetch(`${base}/hv/GetPersonInfo`, {
        method: 'POST',
        headers: { ...kit, 'Content-Type': 'application/xml', Cookie: parked.replace('hv-session-park', 'hv-session') },
        body: '<wc:info xmlns:wc="urn:com.microsoft.wc.methods.GetPersonInfo"/>',
      });
      assert.equal(asSession.status, 204);

      const claimed = await claim(base, `state-${mode}`, [parked]);
      assert.equal(claimed.status, 204);
      const session = cookie(claimed, 'hv-session');
      assert.equal(cookie(claimed, 'hv-session-park'), 'hv-session-park=', 'the parking cookie is cleared');
      const person = await fetch(`${base}/hv/GetPersonInfo`, {
        method: 'POST',
        headers: { ...kit, 'Content-Type': 'application/xml', Cookie: session },
        body: '<wc:info xmlns:wc="urn:com.microsoft.wc.methods.GetPersonInfo"/>',
      });
      const document = await person.text();
      assert.equal(responseStatus(document), 0);
      assert.match(document, /<name>Jordan Lee<\/name>/);

      if (mode === 'store') assert.equal((await claim(base, `state-${mode}`, [parked])).status, 403, 'once only');
    });

    it(`refuses a forged POST: no claim without this tab's state and the cookie of the redirect (${mode})`, async () => {
      const { base } = servers[mode];
      const attackersToken = await shellToken();
      // The attacker's page posts its own token to the victim's action URL; the victim's browser gets the parking
      // cookie and lands on the page with the attacker's state, which the victim's tab never made: the kit
      // refuses the return (invalid-state) and never claims. Claims that could be tried are all refused:
      const posted = await shellPosts(base, attackersToken, 'hvstate=attackers-state&hvreturn=%2F');
      const parked = cookie(posted, 'hv-session-park');
      assert.equal((await claim(base, 'victims-own-state', [parked])).status, 403, 'another state');
      assert.equal((await claim(base, 'attackers-state', [])).status, 403, 'without the cookie');
      // Nor can another site make the claim itself (CSRF rules of every request to the proxy).
      const crossSite = await fetch(`${base}/hv/session`, {
        method: 'POST',
        headers: { ...asJson, Cookie: parked, 'Sec-Fetch-Site': 'cross-site' },
        body: JSON.stringify({ claim: 'attackers-state' }),
      });
      assert.equal(crossSite.status, 403);
    });

    it(`lets a parked token expire (${mode})`, async () => {
      const { base } = servers[mode];
      const posted = await shellPosts(base, await shellToken(), 'hvstate=slow-tab');
      const parked = cookie(posted, 'hv-session-park');
      await new Promise((resolve) => setTimeout(resolve, 400)); // past parkedTtlMs (300 ms here; a minute by default)
      assert.equal((await claim(base, 'slow-tab', [parked])).status, 403);
    });
  }

  it('never redirects off the site, and refuses what is no return of the kit', async () => {
    const { base } = servers.sealed;
    for (const hvreturn of [
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      '/a b',
    ]) {
      const posted = await shellPosts(base, 'token', `hvstate=s&hvreturn=${encodeURIComponent(hvreturn)}`);
      assert.equal(posted.status, 303);
      assert.match(posted.headers.get('location'), /^\/\?target=AppAuthSuccess&actionqs=/, hvreturn);
    }
    // Without the kit's state there is nothing to park for.
    assert.equal((await shellPosts(base, 'token', 'action=demo')).status, 400);
    // A decline comes back by GET, without a token: passed on to the page, nothing parked.
    const declined = await fetch(
      `${base}/hv/shell-return?target=AppAuthReject&actionqs=${encodeURIComponent('hvstate=s&hvreturn=%2Fp')}`,
      { redirect: 'manual' },
    );
    assert.equal(declined.status, 303);
    assert.equal(declined.headers.get('location'), `/p?target=AppAuthReject&actionqs=hvstate%3Ds%26hvreturn%3D%252Fp`);
    assert.equal(declined.headers.get('set-cookie'), null);
  });

  it('parks a token that came in the query (a trm=Get round trip to this action URL) the same way', async () => {
    const { base } = servers.sealed;
    const wctoken = await shellToken();
    const query = new URLSearchParams({
      target: 'AppAuthSuccess',
      wctoken,
      instanceid: '1',
      actionqs: 'hvstate=g&hvreturn=%2Fq',
    });
    const back = await fetch(`${base}/hv/shell-return?${query}`, { redirect: 'manual' });
    assert.equal(back.status, 303);
    assert.ok(!back.headers.get('location').includes(wctoken));
    assert.equal((await claim(base, 'g', [cookie(back, 'hv-session-park')])).status, 204);
  });
});
