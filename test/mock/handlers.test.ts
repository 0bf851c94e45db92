import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { decodePersonInfo, getPersonInfoRequest } from '../../src/core/platform/index.js';
import { Methods } from '../../src/core/platform/methods.js';
import { PlatformError } from '../../src/core/platform/platform-error.js';
import { StatusCode } from '../../src/core/platform/status-codes.js';
import { createClock } from '../../src/mock/clock.js';
import { createHandlers } from '../../src/mock/handlers.js';
import { buildScenario, DEMO_APP_ID, OTHER_APP_ID } from '../../src/mock/scenarios.js';
import { createSimulator, type Simulator } from '../../src/mock/simulator.js';
import { FetchProxy } from '../../src/transport/fetch-proxy.js';
import { HvError } from '../../src/core/errors.js';
import { expectValid, schemasReady } from '../helpers/xsd.js';
import { infoDocument, infoRequest, parseXml, records, statusCode, TEST_START } from './helpers.js';

const simulator = createSimulator({ scenario: 'multi-record', clock: createClock(TEST_START) });
const worker = setupWorker(
  ...createHandlers(simulator, { proxyUrl: '/hv-proxy' }),
  ...createHandlers(simulator, { proxyUrl: '/other-proxy/', appId: OTHER_APP_ID }),
);

/** The header every request of the kit carries, which no form can send. */
const KIT_HEADER = { 'X-Requested-With': 'hv-elements' };

function platformCall(
  method: string,
  inner = '',
  headers: Record<string, string> = {},
  proxy = '/hv-proxy',
): Promise<Response> {
  return fetch(`${proxy}/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/xml', ...KIT_HEADER, ...headers },
    body: infoRequest(method, inner),
  });
}

function handOver(wctoken: string, proxy = '/hv-proxy'): Promise<Response> {
  return fetch(`${proxy}/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...KIT_HEADER },
    body: JSON.stringify({ wctoken, instanceid: '1' }),
  });
}

async function gzip(text: string): Promise<Blob> {
  return new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).blob();
}

describe('MSW handlers (through a real fetch and the service worker)', () => {
  before(async () => {
    await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true });
  });
  after(() => worker.stop());
  beforeEach(() => simulator.reset('multi-record'));

  it('runs in the service worker that controls the page', () => {
    expect(navigator.serviceWorker.controller?.scriptURL).to.match(/\/mockServiceWorker\.js$/);
  });

  it('hands the Shell token to the backend, then answers as the platform with text/xml', async function () {
    const records0 = simulator.shell.records('sam', DEMO_APP_ID);
    const token = await simulator.shell.authorize({
      personId: 'sam',
      appId: DEMO_APP_ID,
      recordIds: [records0[1]!.id],
    });
    const handOff = await handOver(token);
    expect(handOff.status).to.equal(204);

    const response = await platformCall(Methods.GetPersonInfo);
    expect(response.status).to.equal(200);
    expect(response.headers.get('Content-Type')).to.match(/^text\/xml/);
    const xml = await response.text();
    expect(xml).to.match(
      /^<\?xml version="1\.0" encoding="utf-8"\?><response><status><code>0<\/code><\/status><wc:info xmlns:wc="urn:com\.microsoft\.wc\.methods\.response\.GetPersonInfo">/,
    );
    expect(records(xml).map((r) => r['name'])).to.deep.equal(['Mia Rivera']);
    if (!(await schemasReady(this))) return;
    await expectValid('response-getpersoninfo.xsd', infoDocument(xml));
  });

  it('answers platform errors as HTTP 200 with the status code and no info', async () => {
    await handOver('never-issued');
    const response = await platformCall(Methods.GetPersonInfo);
    expect(response.status).to.equal(200);
    const xml = await response.text();
    expect(statusCode(xml)).to.equal(StatusCode.INVALID_TOKEN);
    expect(parseXml(xml).querySelector('response > status > error > message')?.textContent).to.match(/not issued/);
    expect(statusCode(await (await platformCall('NoSuchMethod')).text())).to.equal(StatusCode.BAD_METHOD);
  });

  it('answers 204, no content, to a method that acts for the person while it holds no sign-in; app methods still work', async () => {
    const response = await platformCall(Methods.GetPersonInfo);
    expect(response.status).to.equal(204);
    expect(await response.text()).to.equal('');
    expect(statusCode(await (await platformCall(Methods.GetApplicationInfo)).text())).to.equal(0);
    // Patient Connect acts for the application alone (reference §6): its backend polls with nobody signed in.
    const created = await platformCall(
      Methods.CreateConnectRequest,
      '<friendly-name>Sam</friendly-name><question>Pet?</question><answer>Rex</answer><external-id>MRN-1</external-id>',
    );
    expect(statusCode(await created.text())).to.equal(0);
    expect(statusCode(await (await platformCall(Methods.GetAuthorizedConnectRequests)).text())).to.equal(0);
  });

  describe('the auth-status scenarios, as the kit reads them', () => {
    const kit = new FetchProxy('/hv-proxy');
    const actions = async () =>
      decodePersonInfo(await kit.call(Methods.GetPersonInfo, getPersonInfoRequest())).records.map((r) => [
        r.name,
        r.appRecordAuthAction,
      ]);

    it('authorization-required and location-not-supported: the record states a badge shows', async () => {
      simulator.reset('authorization-required');
      expect(await actions()).to.deep.equal([
        ['Robin Hayes', 'NoActionRequired'],
        ['Leo Hayes', 'AuthorizationRequired'],
      ]);
      simulator.reset('location-not-supported');
      expect(await actions()).to.deep.equal([
        ['Priya Shah', 'NoActionRequired'],
        ['Asha Shah', 'RecordLocationNotSupported'],
      ]);
    });

    it('offline-access: the proxy holds no sign-in, so a person method answers 204, no content (no offline path)', async () => {
      simulator.reset('offline-access');
      expect((await platformCall(Methods.GetPersonInfo)).status).to.equal(204);
      const application = parseXml(await (await platformCall(Methods.GetApplicationInfo)).text());
      expect(application.querySelector('person-offline-base-auth-xml rule')?.getAttribute('name')).to.equal(
        'offline-sync',
      );
    });
  });

  it('passes X-HV-Record-Id and X-HV-Method-Version on to the platform', async () => {
    const [own] = simulator.shell.records('sam', DEMO_APP_ID);
    await handOver(await simulator.shell.authorize({ personId: 'sam', appId: DEMO_APP_ID, recordIds: [own!.id] }));
    const recordId = records(await (await platformCall(Methods.GetPersonInfo)).text())[0]!['id']!;
    const types = '<thing-type-id>30cafccc-047d-4288-94ef-643571f7919d</thing-type-id>';
    const withRecord = await (
      await platformCall(Methods.QueryPermissions, types, { 'X-HV-Record-Id': recordId })
    ).text();
    expect(statusCode(withRecord)).to.equal(0);
    expect(parseXml(withRecord).querySelector('thing-type-id')?.textContent).to.equal(
      '30cafccc-047d-4288-94ef-643571f7919d',
    );
    expect(statusCode(await (await platformCall(Methods.QueryPermissions, types)).text())).to.equal(
      StatusCode.INVALID_RECORD,
    );
    expect(
      statusCode(await (await platformCall(Methods.GetApplicationInfo, '', { 'X-HV-Method-Version': '2' })).text()),
    ).to.equal(0);
    expect(
      statusCode(await (await platformCall(Methods.GetApplicationInfo, '', { 'X-HV-Method-Version': '3' })).text()),
    ).to.equal(StatusCode.BAD_METHOD);
  });

  it('accepts gzip request bodies (Content-Encoding: gzip)', async () => {
    const body = await gzip(infoRequest(Methods.GetApplicationInfo));
    const response = await fetch(`/hv-proxy/${Methods.GetApplicationInfo}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/xml', 'Content-Encoding': 'gzip', ...KIT_HEADER },
      body,
    });
    expect(parseXml(await response.text()).querySelector('application > id')?.textContent).to.equal(DEMO_APP_ID);

    const broken = await fetch(`/hv-proxy/${Methods.GetApplicationInfo}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/xml', 'Content-Encoding': 'gzip', ...KIT_HEADER },
      body: 'plain text',
    });
    expect(statusCode(await broken.text())).to.equal(StatusCode.INVALID_XML);
    const unsupported = await fetch(`/hv-proxy/${Methods.GetApplicationInfo}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/xml', 'Content-Encoding': 'br', ...KIT_HEADER },
      body: 'x',
    });
    expect(unsupported.status).to.equal(415);
  });

  it('answers INVALID_TOKEN later for a token the platform never issued, and 400 without a token', async () => {
    expect((await handOver('forged')).status).to.equal(204);
    expect(statusCode(await (await platformCall(Methods.GetPersonInfo)).text())).to.equal(StatusCode.INVALID_TOKEN);
    for (const body of [JSON.stringify({ instanceid: '1' }), 'null', 'wctoken=x']) {
      const missing = await fetch('/hv-proxy/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...KIT_HEADER },
        body,
      });
      expect(missing.status, body).to.equal(400);
    }
  });

  it('signs out with DELETE {proxy}/session', async () => {
    const [own] = simulator.shell.records('sam', DEMO_APP_ID);
    await handOver(await simulator.shell.authorize({ personId: 'sam', appId: DEMO_APP_ID, recordIds: [own!.id] }));
    expect(statusCode(await (await platformCall(Methods.GetPersonInfo)).text())).to.equal(0);
    expect((await fetch('/hv-proxy/session', { method: 'DELETE', headers: KIT_HEADER })).status).to.equal(204);
    expect((await platformCall(Methods.GetPersonInfo)).status).to.equal(204);
  });

  it('keeps one sign-in per application: each proxy acts for its own application', async () => {
    const [own] = simulator.shell.records('sam', DEMO_APP_ID);
    await handOver(await simulator.shell.authorize({ personId: 'sam', appId: DEMO_APP_ID, recordIds: [own!.id] }));
    const other = await (await platformCall(Methods.GetApplicationInfo, '', {}, '/other-proxy')).text();
    expect(parseXml(other).querySelector('application > id')?.textContent).to.equal(OTHER_APP_ID);
    expect((await platformCall(Methods.GetPersonInfo, '', {}, '/other-proxy')).status).to.equal(204);
  });
  describe('the proxy condition (proxy-* scenarios, setProxyCondition)', () => {
    const kit = new FetchProxy('/hv-proxy', { timeoutMs: 400 });

    /** Every kind of request the proxy takes: a hand-off, a platform call, a sign-out. */
    const requests: [string, () => Promise<Response>][] = [
      ['POST /session', () => handOver('any')],
      ['POST /GetApplicationInfo', () => platformCall(Methods.GetApplicationInfo)],
      ['DELETE /session', () => fetch('/hv-proxy/session', { method: 'DELETE', headers: KIT_HEADER })],
    ];

    it('proxy-down: answers every request 503, and the kit sees a retryable HTTP failure', async () => {
      simulator.reset('proxy-down');
      for (const [what, send] of requests) {
        const response = await send();
        expect([response.status, response.headers.get('Retry-After')], what).to.deep.equal([503, '5']);
      }
      const error = await kit.call(Methods.GetPersonInfo, getPersonInfoRequest()).then(undefined, (e: unknown) => e);
      expect(error).to.be.instanceOf(HvError).and.include({ code: 'http', retryable: true });
      expect((error as HvError).message).to.contain('HTTP 503');
    });

    it('proxy-down, brought back up: the sign-in the scenario holds answers at once', async function () {
      simulator.reset('proxy-down');
      expect((await platformCall(Methods.GetPersonInfo)).status).to.equal(503);
      simulator.setProxyCondition({ kind: 'up' });
      const xml = await (await platformCall(Methods.GetPersonInfo)).text();
      expect(records(xml).map((r) => [r['name'], r['app-record-auth-action']])).to.deep.equal([
        ['Jordan Lee', 'NoActionRequired'],
      ]);
      if (!(await schemasReady(this))) return;
      await expectValid('response-getpersoninfo.xsd', infoDocument(xml));
    });

    it('slow: answers every request after the delay', async () => {
      simulator.reset('proxy-slow');
      expect(simulator.proxyCondition).to.deep.equal({ kind: 'slow', delayMs: 3000 });
      simulator.setProxyCondition({ kind: 'slow', delayMs: 300 });
      for (const [what, send] of requests) {
        const started = performance.now();
        const response = await send();
        expect(performance.now() - started, what).to.be.at.least(290);
        expect(response.status, what).to.be.oneOf([200, 204]);
      }
    });

    it('proxy-slow: the signed-in person comes back after 3 s', async function () {
      this.timeout(8000);
      simulator.reset('proxy-slow');
      const started = performance.now();
      const xml = await (await platformCall(Methods.GetPersonInfo)).text();
      expect(performance.now() - started).to.be.at.least(2990);
      expect(records(xml).map((r) => r['name'])).to.deep.equal(['Jordan Lee']);
    });

    it('proxy-unresponsive: never answers; the kit times out', async () => {
      simulator.reset('proxy-unresponsive');
      const answer = await Promise.race([
        platformCall(Methods.GetApplicationInfo).then(() => 'answered'),
        new Promise((resolve) => setTimeout(resolve, 500, 'no answer after 500 ms')),
      ]);
      expect(answer).to.equal('no answer after 500 ms');
      const error = await kit.call(Methods.GetPersonInfo, getPersonInfoRequest()).then(undefined, (e: unknown) => e);
      expect(error).to.be.instanceOf(HvError).and.include({ code: 'timeout', retryable: true });
    });
  });

  describe('refusing what another site can send (login CSRF)', () => {
    // A service worker never sees Sec-Fetch-Site or Origin, and a page cannot set them: those checks are tested in
    // Node (test/node/login-csrf.test.mjs). Here: what a form on another site can send, and what it cannot.
    const kit = new FetchProxy('/hv-proxy');
    let simulator: Simulator;
    let victimToken: string;
    let attackerToken: string;

    /** Jordan Lee (returning-user) signs in through the kit; Avery Quinn (new-user) is the attacker. */
    beforeEach(async () => {
      const state = buildScenario('returning-user', { now: TEST_START });
      const attacker = buildScenario('new-user', { now: TEST_START });
      Object.assign(state.people, attacker.people);
      Object.assign(state.records, attacker.records);
      simulator = createSimulator({ state, clock: createClock(TEST_START) });
      worker.use(...createHandlers(simulator, { proxyUrl: '/hv-proxy' }));
      victimToken = await simulator.shell.signIn('jordan', DEMO_APP_ID);
      await kit.signIn({ wctoken: victimToken, instanceId: '1' });
      const [own] = simulator.shell.records('avery', DEMO_APP_ID);
      attackerToken = await simulator.shell.authorize({ personId: 'avery', appId: DEMO_APP_ID, recordIds: [own!.id] });
    });
    afterEach(() => worker.resetHandlers());

    async function signedInName(): Promise<string> {
      return decodePersonInfo(await kit.call(Methods.GetPersonInfo, getPersonInfoRequest())).name;
    }

    for (const [label, forged, status] of [
      [
        'an auto-submitting form (form-encoded, no custom header)',
        (wctoken: string) => ({ body: new URLSearchParams({ wctoken, instanceid: '1' }) }),
        403,
      ],
      [
        'a text/plain form whose body is JSON',
        (wctoken: string) => ({ headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ wctoken }) }),
        403,
      ],
      [
        'JSON without the custom header',
        (wctoken: string) => ({ headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ wctoken }) }),
        403,
      ],
      [
        'the custom header with a form body',
        (wctoken: string) => ({ headers: KIT_HEADER, body: new URLSearchParams({ wctoken }) }),
        415,
      ],
    ] as const) {
      it(`refuses a hand-off by ${label}, and the person signed in stays signed in`, async () => {
        const response = await fetch('/hv-proxy/session', { method: 'POST', ...forged(attackerToken) });
        expect(response.status).to.equal(status);
        expect(await response.text()).to.match(/^Refused: /);
        expect(await signedInName()).to.equal('Jordan Lee');
      });
    }

    it("takes the kit's own hand-off, a charset parameter allowed", async () => {
      expect(await signedInName()).to.equal('Jordan Lee');
      await kit.signIn({ wctoken: attackerToken });
      expect(await signedInName()).to.equal('Avery Quinn');
      const response = await fetch('/hv-proxy/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=UTF-8', ...KIT_HEADER },
        body: JSON.stringify({ wctoken: victimToken }),
      });
      expect(response.status).to.equal(204);
    });

    it('refuses platform calls and sign-outs without the custom header or with another content type', async () => {
      const noHeader = await fetch(`/hv-proxy/${Methods.GetPersonInfo}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/xml' },
        body: infoRequest(Methods.GetPersonInfo),
      });
      expect(noHeader.status).to.equal(403);
      expect((await platformCall(Methods.GetPersonInfo, '', { 'Content-Type': 'text/plain' })).status).to.equal(415);
      expect(
        (await platformCall(Methods.GetPersonInfo, '', { 'Content-Type': 'application/xml; charset=utf-8' })).status,
      ).to.equal(200);
      expect((await fetch('/hv-proxy/session', { method: 'DELETE' })).status).to.equal(403);
      expect(await signedInName()).to.equal('Jordan Lee');
    });

    it('starts a new session on every hand-off: the token held before stops working', async () => {
      await kit.signIn({ wctoken: attackerToken });
      await kit.signIn({ wctoken: victimToken });
      const error = await signedInName().then(undefined, (refused: unknown) => refused);
      expect(error).to.be.instanceOf(PlatformError).and.include({
        status: StatusCode.CREDENTIAL_TOKEN_EXPIRED,
        platformMessage: 'The user token has been signed out.',
      });
    });
  });
});
