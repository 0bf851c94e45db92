// The simulated proxy refuses a token hand-off another site could send (login CSRF), by the rules README asks of
// every proxy, the two a service worker never sees included: Sec-Fetch-Site and Origin. The kit's own requests
// pass. Runs against dist/ through the package's own exports (`npm run build` first).
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { decodePersonInfo, FetchProxy, getPersonInfoRequest } from 'hv-elements';
import { buildScenario, createHandlers, createSimulator, DEMO_APP_ID } from 'hv-elements/mock';
import { parseXmlWithoutDom } from 'hv-elements/transport/xml-reader';

const proxyUrl = 'https://partner.example/hv';
/** What every request of the kit carries, and no form can send. */
const kit = { 'X-Requested-With': 'hv-elements', 'Content-Type': 'application/json' };
const crossSite = { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' };
const asForm = (wctoken) => new URLSearchParams({ wctoken, instanceid: '1' });
const asJson = (wctoken) => JSON.stringify({ wctoken });

/** Jordan Lee (returning-user) is signed in; Avery Quinn (new-user) is the attacker. */
function twoPeople() {
  const now = Date.now();
  const state = buildScenario('returning-user', { now });
  const attacker = buildScenario('new-user', { now });
  Object.assign(state.people, attacker.people);
  Object.assign(state.records, attacker.records);
  return createSimulator({ state });
}

describe('the simulated proxy against login CSRF, in Node', () => {
  let simulator;
  const server = setupServer();
  const proxy = new FetchProxy(proxyUrl, { parseXml: parseXmlWithoutDom });
  const signedInName = async () => decodePersonInfo(await proxy.call('GetPersonInfo', getPersonInfoRequest())).name;
  const handOver = (headers, body) => fetch(`${proxyUrl}/session`, { method: 'POST', headers, body });

  before(() => server.listen({ onUnhandledRequest: 'error' }));
  after(() => server.close());
  beforeEach(async () => {
    simulator = twoPeople();
    server.resetHandlers(...createHandlers(simulator, { proxyUrl }));
    await proxy.signIn({ wctoken: await simulator.shell.signIn('jordan', DEMO_APP_ID), instanceId: '1' });
  });

  /** The attacker's own sign-in, which a forged hand-off would plant in the victim's browser. */
  async function attackerToken() {
    const [own] = simulator.shell.records('avery', DEMO_APP_ID);
    return simulator.shell.authorize({ personId: 'avery', appId: DEMO_APP_ID, recordIds: [own.id] });
  }

  for (const [label, headers, encode, status] of [
    [
      'an auto-submitting form on another site',
      { 'Content-Type': 'application/x-www-form-urlencoded', ...crossSite },
      asForm,
      403,
    ],
    [
      "the kit's request from another site (Sec-Fetch-Site: cross-site)",
      { ...kit, 'Sec-Fetch-Site': 'cross-site' },
      asJson,
      403,
    ],
    [
      "the kit's request from a sibling site (Sec-Fetch-Site: same-site)",
      { ...kit, 'Sec-Fetch-Site': 'same-site' },
      asJson,
      403,
    ],
    [
      "the kit's request with another site's Origin (a browser without Sec-Fetch-Site)",
      { ...kit, Origin: 'https://evil.example' },
      asJson,
      403,
    ],
    ["the kit's request from a sandboxed frame (Origin: null)", { ...kit, Origin: 'null' }, asJson, 403],
    ['JSON without the custom header', { 'Content-Type': 'application/json' }, asJson, 403],
    ['the custom header with a form body', { 'X-Requested-With': 'hv-elements' }, asForm, 415],
  ]) {
    it(`refuses ${label}, and the person signed in stays signed in`, async () => {
      const response = await handOver(headers, encode(await attackerToken()));
      assert.equal(response.status, status);
      assert.match(await response.text(), /^Refused: /);
      assert.equal(await signedInName(), 'Jordan Lee');
    });
  }

  it('takes the hand-off a browser sends for the kit on its own origin', async () => {
    const origin = { 'Sec-Fetch-Site': 'same-origin', Origin: 'https://partner.example' };
    const response = await handOver({ ...kit, ...origin }, asJson(await attackerToken()));
    assert.equal(response.status, 204);
    assert.equal(await signedInName(), 'Avery Quinn');
  });

  it('refuses platform calls from another site', async () => {
    const response = await fetch(`${proxyUrl}/GetPersonInfo`, {
      method: 'POST',
      headers: { ...kit, 'Content-Type': 'application/xml', ...crossSite },
      body: getPersonInfoRequest(),
    });
    assert.equal(response.status, 403);
  });
});
