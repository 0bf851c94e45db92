import { expect, waitUntil } from '@open-wc/testing';
import { Methods } from '../../src/core/platform/methods.js';
import { StatusCode } from '../../src/core/platform/status-codes.js';
import { KIT_REQUEST_HEADER } from '../../src/transport/proxy.js';
import {
  openBrowserSimulator,
  resetScenario,
  startSimulatedPlatform,
  SIM_STATE_STORAGE_KEY,
} from '../../src/mock/browser.js';
import { DEMO_APP_ID } from '../../src/mock/scenarios.js';
import { infoRequest, records, statusCode } from './helpers.js';

describe('simulator in the browser', () => {
  beforeEach(() => localStorage.removeItem(SIM_STATE_STORAGE_KEY));
  after(() => localStorage.removeItem(SIM_STATE_STORAGE_KEY));

  it('saves its state in localStorage, so another page load sees it, without the raw token', async () => {
    const shellPage = openBrowserSimulator({ scenario: 'new-user' });
    const [record] = shellPage.shell.records('avery', DEMO_APP_ID);
    const token = await shellPage.shell.authorize({ personId: 'avery', appId: DEMO_APP_ID, recordIds: [record!.id] });

    const saved = localStorage.getItem(SIM_STATE_STORAGE_KEY)!;
    expect(JSON.parse(saved)).to.deep.equal(shellPage.snapshot());
    expect(saved).to.not.contain(token);

    const demoPage = openBrowserSimulator({ scenario: 'multi-record' }); // a saved state wins over the scenario
    expect(demoPage.scenario).to.equal('new-user');
    await demoPage.openProxySession(DEMO_APP_ID, token, '1');
    const answer = demoPage.call({
      appId: DEMO_APP_ID,
      method: Methods.GetPersonInfo,
      body: infoRequest(Methods.GetPersonInfo),
    });
    expect(records(answer).map((r) => r['name'])).to.deep.equal(['Avery Quinn']);
    expect(localStorage.getItem(SIM_STATE_STORAGE_KEY)).to.not.contain(token);
  });

  it("registers the demo application's action URL it is given, else this origin's root", () => {
    const actionUrl = (simulator: ReturnType<typeof openBrowserSimulator>) =>
      simulator.shell.application(DEMO_APP_ID)!.actionUrl;
    expect(actionUrl(openBrowserSimulator())).to.equal(`${location.origin}/`);
    // A demo hosted under a path names its own page; a scenario started from now on registers it.
    const hosted = openBrowserSimulator({ actionUrl: `${location.origin}/partner/demo/walkthrough.html` });
    hosted.reset('new-user');
    expect(actionUrl(hosted)).to.equal(`${location.origin}/partner/demo/walkthrough.html`);
  });

  it('sees at once what another page wrote (the Shell popup while the opener runs)', async () => {
    const opener = openBrowserSimulator({ scenario: 'returning-user' });
    const popup = openBrowserSimulator();
    const token = await popup.shell.signIn('jordan', DEMO_APP_ID);
    await opener.openProxySession(DEMO_APP_ID, token, '1');
    expect(
      statusCode(
        opener.call({ appId: DEMO_APP_ID, method: Methods.GetPersonInfo, body: infoRequest(Methods.GetPersonInfo) }),
      ),
    ).to.equal(0);
  });

  it('resetScenario replaces the saved state, sign-ins included', async () => {
    const simulator = openBrowserSimulator({ scenario: 'returning-user' });
    await simulator.openProxySession(DEMO_APP_ID, await simulator.shell.signIn('jordan', DEMO_APP_ID), '1');
    resetScenario('multi-record');
    expect(simulator.scenario).to.equal('multi-record');
    expect(simulator.snapshot().proxySessions).to.deep.equal({});
  });

  it('takes the proxy down and up by scenario name, as the demo does, in the running platform', async () => {
    const platform = await startSimulatedPlatform({ proxyUrl: '/simulated-proxy', scenario: 'returning-user' });
    const getPersonInfo = () =>
      fetch(`/simulated-proxy/${Methods.GetPersonInfo}`, {
        method: 'POST',
        headers: kitHeaders('application/xml'),
        body: infoRequest(Methods.GetPersonInfo),
      });
    try {
      resetScenario('proxy-down'); // another simulator over the same saved state: what the demo's select does
      expect((await getPersonInfo()).status).to.equal(503);
      platform.reset('token-expired');
      const expired = await getPersonInfo();
      expect([expired.status, statusCode(await expired.text())]).to.deep.equal([
        200,
        StatusCode.CREDENTIAL_TOKEN_EXPIRED,
      ]);
    } finally {
      platform.stop();
    }
  });

  it('starts over when the saved state is unreadable or from another version', () => {
    localStorage.setItem(SIM_STATE_STORAGE_KEY, '{not json');
    expect(openBrowserSimulator({ scenario: 'revoked' }).scenario).to.equal('revoked');
    localStorage.setItem(SIM_STATE_STORAGE_KEY, JSON.stringify({ version: 0, scenario: 'old' }));
    expect(openBrowserSimulator().scenario).to.equal('new-user');
  });

  it("registers this page's origin as the demo application's action URL", () => {
    expect(openBrowserSimulator().shell.application(DEMO_APP_ID)!.actionUrl).to.equal(`${location.origin}/`);
  });

  it('startSimulatedPlatform answers the proxy URL through the service worker and keeps the sign-in across loads', async () => {
    const platform = await startSimulatedPlatform({ proxyUrl: '/simulated-proxy', scenario: 'returning-user' });
    try {
      expect(navigator.serviceWorker.controller?.scriptURL).to.match(/\/mockServiceWorker\.js$/);
      const token = await platform.shell.signIn('jordan', DEMO_APP_ID);
      const handOff = await fetch('/simulated-proxy/session', {
        method: 'POST',
        headers: kitHeaders('application/json'),
        body: JSON.stringify({ wctoken: token, instanceid: '1' }),
      });
      expect(handOff.status).to.equal(204);
      const nextLoad = openBrowserSimulator();
      const answer = nextLoad.call({
        appId: DEMO_APP_ID,
        method: Methods.GetPersonInfo,
        body: infoRequest(Methods.GetPersonInfo),
      });
      expect(records(answer).map((r) => r['name'])).to.deep.equal(['Jordan Lee']);

      const response = await fetch(`/simulated-proxy/${Methods.GetPersonInfo}`, {
        method: 'POST',
        headers: kitHeaders('application/xml'),
        body: infoRequest(Methods.GetPersonInfo),
      });
      expect(statusCode(await response.text())).to.equal(0);
      await fetch('/simulated-proxy/session', { method: 'DELETE', headers: kitHeaders() });
      const signedOut = await fetch(`/simulated-proxy/${Methods.GetPersonInfo}`, {
        method: 'POST',
        headers: kitHeaders('application/xml'),
        body: infoRequest(Methods.GetPersonInfo),
      });
      expect(signedOut.status).to.equal(204);
    } finally {
      platform.stop();
    }
    // Stopped: requests reach the test server. MSW's stop() only messages the worker, so a request sent at once may
    // still be answered by it (mswjs/msw#2323): the next ones, within a second, must not be.
    const reachesTheServer = async () =>
      (
        await fetch(`/simulated-proxy/${Methods.GetPersonInfo}`, {
          method: 'POST',
          headers: kitHeaders('application/xml'),
          body: infoRequest(Methods.GetPersonInfo),
        })
      ).status === 404;
    await waitUntil(reachesTheServer, 'the stopped simulator still answered', { timeout: 1000 });
  });
});

/** The headers the kit's proxy client sends, which the simulated proxy requires. */
function kitHeaders(contentType?: string): Record<string, string> {
  const { name, value } = KIT_REQUEST_HEADER;
  return contentType ? { [name]: value, 'Content-Type': contentType } : { [name]: value };
}
