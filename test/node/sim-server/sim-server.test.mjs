// The simulated HealthVault over HTTP (hv-elements/sim-server): the wire checks a real platform makes (the
// envelope, the info hash, the HMAC, the appserver2 signature by the registered key, msg-time and msg-ttl, app
// session expiry), the Shell's pages, and faults; with the Node proxy in front, as a host runs it.
// Runs against dist/ (`npm run build`, or `npx tsc -p tsconfig.proxy.json` for these alone).
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { after, afterEach, before, describe, it } from 'node:test';
import {
  appSessionFromResponse,
  callAsOfflinePerson,
  createPlatformClient,
  createProxyHandler,
  headerHmac,
  infoHash,
  platformInfo,
  requestEnvelope,
  requestHeader,
  responseStatus,
  sessionTokenInfo,
  STAFF_METHODS,
} from 'hv-elements/proxy';
import { createSimServer, DEMO_APP_ID, hasSchemas, readEnvelope, schemaCheck } from 'hv-elements/sim-server';
import { xsdDir } from '../../../scripts/lib/xsd.mjs';

const appId = DEMO_APP_ID;
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' });
const thumbprint = createHash('sha1')
  .update(publicKey.export({ type: 'spki', format: 'der' }))
  .digest('hex');
const kit = { 'X-Requested-With': 'hv-elements' };
const asXml = { ...kit, 'Content-Type': 'application/xml' };
const asJson = { ...kit, 'Content-Type': 'application/json' };
const wcInfo = (method, content = '') =>
  `<wc:info xmlns:wc="urn:com.microsoft.wc.methods.${method}">${content}</wc:info>`;

const schemas = hasSchemas(xsdDir) ? await schemaCheck(xsdDir) : undefined;
if (!schemas) {
  assert.ok(!process.env.CI, `HealthVault schemas not found in ${xsdDir}: set HV_XSD_DIR`);
  console.warn(`!!! schemas not found in ${xsdDir}: the simulator's documents are NOT checked against them`);
}

describe('hv-elements-sim over HTTP', () => {
  let sim;
  let proxy;
  let client;
  const logged = [];

  before(async () => {
    sim = createSimServer({
      scenario: 'returning-user',
      credentials: [{ appId, publicKey, thumbprint }],
      schemas,
      log: (line) => logged.push(line),
    });
    await sim.listen(0);
    client = createPlatformClient({
      platformUrl: `${sim.url}/platform/`,
      appId,
      privateKey: privateKeyPem,
      thumbprint,
      timeoutMs: 3000, // the schema checks take a while on a busy machine
    });
    const patients = createProxyHandler({ platform: client, mountPath: '/hv', cookieKey: randomBytes(32) });
    const staff = createProxyHandler({ platform: client, mountPath: '/staff/hv', methods: STAFF_METHODS });
    proxy = createServer((req, res) => patients(req, res, () => staff(req, res)));
    await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxy.url = `http://127.0.0.1:${proxy.address().port}`;
  });
  after(async () => {
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
    await sim.close();
  });
  afterEach(() => {
    sim.setFault({ kind: 'none' });
    assert.deepEqual(sim.platform.problems, [], 'every answer validates against its response schema');
  });

  /** Posts a raw envelope to wildcat.ashx; resolves with the response document. */
  async function post(body) {
    const response = await fetch(`${sim.url}/platform/wildcat.ashx`, { method: 'POST', body });
    assert.equal(response.status, 200);
    return response.text();
  }

  const now = () => new Date(sim.simulator.clock.now()).toISOString();
  const common = () => ({ msgTime: now(), msgTtl: 1800, version: 'sim-test' });

  async function appSession(key = privateKeyPem, print = thumbprint) {
    const header = { method: 'CreateAuthenticatedSessionToken', methodVersion: 2, auth: { appId }, ...common() };
    const answer = await post(
      requestEnvelope(header, sessionTokenInfo({ appId, privateKey: key, thumbprint: print }, header.msgTime)),
    );
    return { answer, status: responseStatus(answer) };
  }

  it('gives an app session for the registered key, and refuses a wrong key or thumbprint', async () => {
    const good = await appSession();
    assert.equal(good.status, 0);
    const session = appSessionFromResponse(good.answer);
    assert.equal(Buffer.from(session.sharedSecret, 'base64').length, 64);

    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    assert.equal((await appSession(other)).status, 4, 'signed with another key: BAD_SIG');
    assert.equal((await appSession(privateKeyPem, 'ab'.repeat(20))).status, 70, 'unknown thumbprint: BAD_CERT');

    // The proxy's client with the wrong key cannot call at all.
    const wrong = createPlatformClient({ platformUrl: `${sim.url}/platform/`, appId, privateKey: other, thumbprint });
    await assert.rejects(
      wrong.call({ method: 'GetApplicationInfo', info: '<info />' }),
      /refused the application's credential \(status 4\)/,
    );
  });

  it('checks the info hash, the HMAC, the header order and msg-time', async () => {
    const session = appSessionFromResponse((await appSession()).answer);
    const auth = { authToken: session.token };
    const info = '<info />';
    const header = () => ({ method: 'GetApplicationInfo', methodVersion: 1, auth, ...common() });
    const sign = (headerXml, infoXml = info) =>
      `<wc-request:request xmlns:wc-request="urn:com.microsoft.wc.request"><auth><hmac-data algName="HMACSHA256">${headerHmac(headerXml, session.sharedSecret)}</hmac-data></auth>${headerXml}${infoXml}</wc-request:request>`;

    assert.equal(responseStatus(await post(requestEnvelope(header(), info, session.sharedSecret))), 0);

    const headerXml = requestHeader({ ...header(), infoHash: infoHash(info) });
    assert.equal(responseStatus(await post(sign(headerXml, '<info></info>'))), 4, 'another <info>: BAD_SIG');
    const forged = `<wc-request:request xmlns:wc-request="urn:com.microsoft.wc.request"><auth><hmac-data algName="HMACSHA256">${headerHmac(headerXml, randomBytes(64).toString('base64'))}</hmac-data></auth>${headerXml}${info}</wc-request:request>`;
    assert.equal(responseStatus(await post(forged)), 4, 'HMAC with another secret: BAD_SIG');
    const unsigned = `<wc-request:request xmlns:wc-request="urn:com.microsoft.wc.request">${headerXml}${info}</wc-request:request>`;
    assert.equal(responseStatus(await post(unsigned)), 4, 'no <auth>: BAD_SIG');

    const swapped = headerXml.replace(/(<msg-time>[^<]*<\/msg-time>)(<msg-ttl>[^<]*<\/msg-ttl>)/, '$2$1');
    const disordered = await post(sign(swapped));
    assert.equal(responseStatus(disordered), 3, 'msg-ttl before msg-time: INVALID_XML');
    assert.match(disordered, /msg-time/);
    assert.equal(
      responseStatus(
        await post(
          sign(headerXml.replace('<method>', '<x:method xmlns:x="urn:x">').replace('</method>', '</x:method>')),
        ),
      ),
      3,
    );

    const old = requestHeader({
      ...header(),
      msgTime: new Date(sim.simulator.clock.now() - 31 * 60_000).toISOString(),
      infoHash: infoHash(info),
    });
    assert.equal(responseStatus(await post(sign(old))), 49, 'older than its msg-ttl: REQUEST_TIMED_OUT');
    const ahead = requestHeader({
      ...header(),
      msgTime: new Date(sim.simulator.clock.now() + 10 * 60_000).toISOString(),
      infoHash: infoHash(info),
    });
    assert.equal(responseStatus(await post(sign(ahead))), 49, 'ten minutes ahead of the platform: REQUEST_TIMED_OUT');

    // The .NET SDK gzips its requests by default.
    const gzipped = await fetch(`${sim.url}/platform/wildcat.ashx`, {
      method: 'POST',
      headers: { 'Content-Encoding': 'gzip' },
      body: gzipSync(requestEnvelope(header(), info, session.sharedSecret)),
    });
    assert.equal(responseStatus(await gzipped.text()), 0);
    assert.match(gzipped.headers.get('wc_responseid'), /^[0-9a-f-]{36}$/);
    assert.equal(responseStatus(await post('<not-a-request/>')), 3);
  });

  it('reads the header fields in request.xsd order', () => {
    const envelope = requestEnvelope(
      {
        method: 'GetPersonInfo',
        methodVersion: 1,
        recordId: '11111111-2222-4333-8444-555555555555',
        auth: { authToken: 'APP', userAuthToken: 'U+s/er==' },
        ...common(),
      },
      '<info><group-membership>true</group-membership></info>',
      randomBytes(64).toString('base64'),
    );
    const reading = readEnvelope(envelope);
    assert.ok(reading.ok, reading.problem);
    assert.deepEqual(reading.envelope.auth, { kind: 'session', authToken: 'APP', userAuthToken: 'U+s/er==' });
    assert.equal(reading.envelope.recordId, '11111111-2222-4333-8444-555555555555');
    assert.equal(reading.envelope.infoContent, '<group-membership>true</group-membership>');
  });

  it('expires app sessions after their lifetime (65); the proxy renews once and calls again', async () => {
    const short = createSimServer({ credentials: [{ appId, publicKey, thumbprint }], appSessionLifetimeMs: 150 });
    await short.listen(0);
    try {
      const shortClient = createPlatformClient({
        platformUrl: `${short.url}/platform/`,
        appId,
        privateKey: privateKeyPem,
        thumbprint,
      });
      const info = platformInfo('GetApplicationInfo', wcInfo('GetApplicationInfo'));
      assert.equal(responseStatus(await shortClient.call({ method: 'GetApplicationInfo', info })), 0);
      assert.equal(short.platform.sessionsCreated, 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(responseStatus(await shortClient.call({ method: 'GetApplicationInfo', info })), 0);
      assert.equal(short.platform.sessionsCreated, 2, 'renewed after the 65');
    } finally {
      await short.close();
    }
  });

  it('answers 65 once a session is over, and the proxy renews it', async () => {
    const info = platformInfo('GetApplicationInfo', wcInfo('GetApplicationInfo'));
    assert.equal(responseStatus(await client.call({ method: 'GetApplicationInfo', info })), 0);
    const before = sim.platform.sessionsCreated;
    sim.platform.expireAppSessions();
    assert.equal(responseStatus(await client.call({ method: 'GetApplicationInfo', info })), 0);
    assert.equal(sim.platform.sessionsCreated, before + 1, 'one new app session');
  });

  it('refuses an <info> that breaks its method schema (INVALID_XML)', async () => {
    const answer = await client.call({
      method: 'GetPersonInfo',
      info: '<info><unknown>1</unknown></info>',
      for: { userAuthToken: 'x' },
    });
    assert.equal(responseStatus(answer), 3);
  });

  it('plays the Shell over HTTP: sign in, authorize, back with a token the proxy signs calls with', async () => {
    sim.simulator.reset('new-user');
    const returnTo = 'http://127.0.0.1:9/return';
    const targetqs = `appid=${appId}&redirect=${encodeURIComponent(returnTo)}&actionqs=${encodeURIComponent('state-1')}`;
    const shellUrl = `${sim.url}/shell/redirect.aspx?target=AUTH&targetqs=${encodeURIComponent(targetqs)}`;

    const signIn = await fetch(shellUrl);
    assert.equal(signIn.status, 200);
    assert.match(signIn.headers.get('content-security-policy'), /script-src 'self'/);
    const signInPage = await signIn.text();
    const person = /id="person-([^"]+)"[^>]*>\s*<div><label[^>]*>Avery Quinn/.exec(signInPage)?.[1];
    assert.ok(person, 'Avery Quinn can sign in');

    const form = (fields) => ({
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
    });
    const authorizePage = await (await fetch(shellUrl, form({ step: 'sign-in', person }))).text();
    assert.match(authorizePage, /<h1>Authorize hv-elements Demo Clinic<\/h1>/);
    const record = /id="record-1" name="record" value="([^"]+)"/.exec(authorizePage)[1];

    const back = await fetch(shellUrl, form({ step: 'authorize', person, record, offered: '' }));
    assert.equal(back.status, 303);
    const returned = new URL(back.headers.get('location'));
    assert.equal(`${returned.origin}${returned.pathname}`, returnTo);
    assert.equal(returned.searchParams.get('target'), 'AppAuthSuccess');
    assert.equal(returned.searchParams.get('actionqs'), 'state-1');
    const wctoken = returned.searchParams.get('wctoken');

    const handOff = await fetch(`${proxy.url}/hv/session`, {
      method: 'POST',
      headers: asJson,
      body: JSON.stringify({ wctoken, instanceid: '1' }),
    });
    assert.equal(handOff.status, 204);
    const cookie = handOff.headers.get('set-cookie').split(';')[0];
    const person2 = await fetch(`${proxy.url}/hv/GetPersonInfo`, {
      method: 'POST',
      headers: { ...asXml, Cookie: cookie },
      body: wcInfo('GetPersonInfo'),
    });
    assert.equal(person2.status, 200);
    const document = await person2.text();
    assert.equal(responseStatus(document), 0);
    assert.match(document, /<name>Avery Quinn<\/name>/);

    // A token the Shell never issued: the platform's INVALID_TOKEN, through the proxy.
    const forged = await fetch(`${proxy.url}/hv/session`, {
      method: 'POST',
      headers: asJson,
      body: JSON.stringify({ wctoken: 'forged' }),
    });
    const forgedCookie = forged.headers.get('set-cookie').split(';')[0];
    const refused = await fetch(`${proxy.url}/hv/GetPersonInfo`, {
      method: 'POST',
      headers: { ...asXml, Cookie: forgedCookie },
      body: wcInfo('GetPersonInfo'),
    });
    assert.equal(responseStatus(await refused.text()), 8);
  });

  it("shows the Shell's error page for what the flow refuses, and for a request it cannot play", async () => {
    sim.simulator.reset('new-user');
    const targetqs = `appid=${appId}&redirect=${encodeURIComponent('http://127.0.0.1:9/')}`;
    const shellUrl = `${sim.url}/shell/redirect.aspx?target=AUTH&targetqs=${encodeURIComponent(targetqs)}`;
    const person = /id="person-([^"]+)"/.exec(await (await fetch(shellUrl)).text())[1];
    const refused = await fetch(shellUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ step: 'authorize', person, record: 'not-a-record-of-theirs', offered: '' }),
    });
    assert.equal(refused.status, 200);
    assert.match(await refused.text(), /<p id="shell-error" class="error" role="alert">[^<]*cannot authorize/);
    const unknown = await fetch(`${sim.url}/shell/redirect.aspx?target=SHARERECORD`);
    assert.match(
      await unknown.text(),
      /id="shell-error"[^>]*>The simulated Shell plays the AUTH, APPAUTH, CONNECT and PICKUP/,
    );
  });

  it('acts for an offline person who allowed it (callAsOfflinePerson), and refuses one who did not', async () => {
    /** Signs `name` in on the Shell, hands the token to the proxy, and reads their person id for the app. */
    async function personIdOf(name) {
      const targetqs = `appid=${appId}&redirect=${encodeURIComponent('http://127.0.0.1:9/')}`;
      const shellUrl = `${sim.url}/shell/redirect.aspx?target=AUTH&targetqs=${encodeURIComponent(targetqs)}`;
      const page = await (await fetch(shellUrl)).text();
      const person = new RegExp(`id="person-([^"]+)"[^>]*>\\s*<div><label[^>]*>${name}`).exec(page)[1];
      const form = {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      };
      let back = await fetch(shellUrl, { ...form, body: new URLSearchParams({ step: 'sign-in', person }) });
      if (back.status === 200) {
        const record = /id="record-1" name="record" value="([^"]+)"/.exec(await back.text())[1];
        back = await fetch(shellUrl, {
          ...form,
          body: new URLSearchParams({ step: 'authorize', person, record, offered: '' }),
        });
      }
      const wctoken = new URL(back.headers.get('location')).searchParams.get('wctoken');
      const handOff = await fetch(`${proxy.url}/hv/session`, {
        method: 'POST',
        headers: asJson,
        body: JSON.stringify({ wctoken }),
      });
      const answer = await fetch(`${proxy.url}/hv/GetPersonInfo`, {
        method: 'POST',
        headers: { ...asXml, Cookie: handOff.headers.get('set-cookie').split(';')[0] },
        body: wcInfo('GetPersonInfo'),
      });
      return /<person-id>([^<]+)<\/person-id>/.exec(await answer.text())[1];
    }
    const info = wcInfo('GetPersonInfo');

    sim.simulator.reset('offline-granted');
    const mei = await personIdOf('Mei Tanaka');
    const offline = await callAsOfflinePerson(client, { method: 'GetPersonInfo', info, offlinePersonId: mei });
    assert.equal(responseStatus(offline), 0);
    assert.match(offline, /<name>Mei Tanaka<\/name>/);

    sim.simulator.reset('new-user');
    const avery = await personIdOf('Avery Quinn');
    const refused = await callAsOfflinePerson(client, { method: 'GetPersonInfo', info, offlinePersonId: avery });
    assert.equal(responseStatus(refused), 11, 'no offline rule granted: ACCESS_DENIED');
    const nobody = await callAsOfflinePerson(client, {
      method: 'GetPersonInfo',
      info,
      offlinePersonId: crypto.randomUUID(),
    });
    assert.equal(responseStatus(nobody), 9, 'unknown to the application: INVALID_PERSON');
  });

  it('posts the token to the action URL with trm=post', async () => {
    sim.simulator.reset('returning-user');
    const targetqs = `appid=${appId}&redirect=${encodeURIComponent('http://127.0.0.1:9/hv/shell-return')}&trm=post&actionqs=s`;
    const shellUrl = `${sim.url}/shell/redirect.aspx?target=AUTH&targetqs=${encodeURIComponent(targetqs)}`;
    const signInPage = await (await fetch(shellUrl)).text();
    const person = /id="person-([^"]+)"[^>]*>\s*<div><label[^>]*>Jordan Lee/.exec(signInPage)[1];
    const page = await (
      await fetch(shellUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ step: 'sign-in', person }),
      })
    ).text();
    const action = /<form id="post-return" method="post" action="([^"]+)"/.exec(page)[1].replaceAll('&amp;', '&');
    assert.equal(action, 'http://127.0.0.1:9/hv/shell-return?target=AppAuthSuccess&actionqs=s');
    assert.match(
      page,
      /<input type="hidden" name="wctoken" value="[^"]+"><input type="hidden" name="instanceId" value="1">/,
    );
    assert.match(page, /<script src="\/shell\/post-return\.js"><\/script>/);
  });

  it('plays faults on demand: down, slow, malformed, 5xx', async () => {
    const info = platformInfo('GetApplicationInfo', wcInfo('GetApplicationInfo'));
    const call = () =>
      fetch(`${proxy.url}/hv/GetApplicationInfo`, {
        method: 'POST',
        headers: asXml,
        body: wcInfo('GetApplicationInfo'),
      });
    await client.call({ method: 'GetApplicationInfo', info }); // an app session first

    sim.setFault({ kind: 'down' });
    assert.equal((await call()).status, 502);
    sim.setFault({ kind: 'http-error', status: 503 });
    assert.equal((await call()).status, 502);
    sim.setFault({ kind: 'slow', delayMs: 3200 });
    assert.equal((await call()).status, 504, 'past the proxy timeout');
    sim.setFault({ kind: 'malformed', times: 1 });
    const malformed = await call();
    assert.equal(malformed.status, 200);
    const garbage = await malformed.text();
    assert.throws(() => responseStatus(garbage), /not well-formed/);
    assert.equal(responseStatus(await (await call()).text()), 0, 'times: 1 — back to normal');

    // Through the control API, as the demo and the e2e tests do it.
    const control = await fetch(`${sim.url}/sim/fault`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'http-error', status: 500, times: 1 }),
    });
    assert.equal(control.status, 200);
    assert.equal((await call()).status, 502);
    assert.equal((await call()).status, 200);
    const form = await fetch(`${sim.url}/sim/fault`, { method: 'POST', body: 'kind=down' });
    assert.equal(form.status, 415, 'a form cannot drive the control API');
  });
});
