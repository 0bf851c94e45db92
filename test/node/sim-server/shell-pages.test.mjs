// The simulated Shell's pages as hv-elements-sim renders them on the server: Cancel on every page, the Shell's
// words in the request's language, the application's privacy statement and terms, instanceId as the docs spell it,
// and an error page that leads back to the application. Runs against dist/ (`npx tsc -p tsconfig.proxy.json`).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSimServer, DEMO_APP_ID } from 'hv-elements/sim-server';

const RETURN_TO = 'http://127.0.0.1:9/return';
const REQUEST_CODE = 'KZTR-MVNP-QDWX-HLBC-JRSF';

describe('hv-elements-sim: the Shell pages', () => {
  let sim;

  before(async () => {
    sim = createSimServer({ scenario: 'new-user', credentials: [] }); // the Shell's pages need no app credential
    await sim.listen(0);
  });
  after(() => sim.close());

  /** The Shell URL for `target` with these targetqs parameters (appid and redirect unless given). */
  function shellUrl(target, params = {}) {
    const inner = new URLSearchParams({ appid: DEMO_APP_ID, redirect: RETURN_TO, ...params });
    return `${sim.url}/shell/redirect.aspx?target=${target}&targetqs=${encodeURIComponent(inner)}`;
  }

  async function get(url) {
    return (await fetch(url)).text();
  }

  /** Posts a step's form; resolves with the page, or the address a 303 sends the browser to. */
  async function post(url, fields) {
    const response = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
    });
    return response.status === 303
      ? { location: new URL(response.headers.get('location')) }
      : { status: response.status, html: await response.text() };
  }

  const personId = (html, name) => new RegExp(`id="person-([^"]+)"[^>]*>\\s*<div><label[^>]*>${name}`).exec(html)[1];
  const heading = (html) => /<h1>([^<]*)<\/h1>/.exec(html)?.[1];
  const unescape = (text) => text.replaceAll('&amp;', '&');

  describe('Cancel', () => {
    it('on the AUTH sign-in page returns AppAuthReject with the actionqs', async () => {
      sim.simulator.reset('new-user');
      const url = shellUrl('AUTH', { actionqs: 'state-1' });
      assert.match(
        await get(url),
        /<button type="submit" name="do" value="cancel" id="cancel" formnovalidate>Cancel<\/button>/,
      );
      const { location } = await post(url, { step: 'sign-in', do: 'cancel', person: 'avery' });
      assert.equal(location.href, `${RETURN_TO}?target=AppAuthReject&actionqs=state-1`);
    });

    it('on the authorization page returns AppAuthReject and authorizes nothing', async () => {
      sim.simulator.reset('new-user');
      const url = shellUrl('APPAUTH', { actionqs: 'a' });
      const person = personId(await get(url), 'Avery Quinn');
      const { html } = await post(url, { step: 'sign-in', person });
      assert.match(html, /id="cancel"/);
      const { location } = await post(url, { step: 'authorize', person, do: 'cancel' });
      assert.equal(location.search, '?target=AppAuthReject&actionqs=a');
      assert.equal(sim.simulator.shell.records(person, DEMO_APP_ID)[0].authAction, 'AuthorizationRequired');
    });

    it('on the CONNECT question returns AppAuthReject; on the code page, where no application is known yet, says to close the tab', async () => {
      sim.simulator.reset('connect-request');
      const connect = shellUrl('CONNECT', { packageid: REQUEST_CODE });
      const person = personId(await get(connect), 'Morgan Blake');
      const { html: question } = await post(connect, { step: 'sign-in', code: REQUEST_CODE, person });
      assert.equal(heading(question), 'Answer the question');
      assert.match(question, /id="cancel"/);
      const { location } = await post(connect, { step: 'answer', code: REQUEST_CODE, person, do: 'cancel' });
      assert.equal(location.href, 'http://localhost:5173/?target=AppAuthReject');
      assert.equal(sim.simulator.connectRequests()[0].status, 'pending');

      const typing = `${sim.url}/shell/redirect.aspx?target=CONNECT`;
      assert.match(await get(typing), /id="code-form"[\s\S]*id="cancel"/);
      const { html: cancelled } = await post(typing, { step: 'code', code: '', do: 'cancel' });
      assert.equal(heading(cancelled), 'Nothing was shared');
      assert.match(cancelled, /You can close this tab/);
    });
  });

  describe('culture', () => {
    it('es-MX: lang="es" and the Shell words in Spanish on every page', async () => {
      sim.simulator.reset('new-user');
      const url = shellUrl('AUTH', { culture: 'es-MX' });
      const signIn = await get(url);
      assert.match(signIn, /^<!doctype html>\n<html lang="es">/);
      assert.match(signIn, /<title>HealthVault \(Shell simulado\)<\/title>/);
      assert.equal(heading(signIn), 'Iniciar sesión en HealthVault');
      assert.match(signIn, />Cancelar<\/button>/);
      const { html } = await post(url, { step: 'sign-in', person: personId(signIn, 'Avery Quinn') });
      assert.equal(heading(html), 'Autorizar a hv-elements Demo Clinic');
      assert.match(html, /<label for="record-1">Avery Quinn \(Yo\)<\/label>/);
      assert.match(html, /<strong>Leer: Medicamentos, Alergias<\/strong> \(mientras tenga la sesión iniciada\)/);
      assert.match(html, />Aprobar y continuar<\/button>/);
    });

    it('lcid 3082 is Spanish too; another culture, or none, is English', async () => {
      assert.match(await get(shellUrl('AUTH', { lcid: '3082' })), /<html lang="es">/);
      for (const params of [{ culture: 'fr-FR' }, {}]) {
        const html = await get(shellUrl('AUTH', params));
        assert.match(html, /<html lang="en">/);
        assert.equal(heading(html), 'Sign in to HealthVault');
      }
    });

    it('the error page and the code page speak it too', async () => {
      const error = await get(shellUrl('AUTH', { appid: 'demo', culture: 'es-ES' }));
      assert.equal(heading(error), 'HealthVault no puede continuar');
      assert.match(error, /El identificador de aplicación &quot;demo&quot; no es un GUID\./);
      const code = await get(`${sim.url}/shell/redirect.aspx?target=CONNECT&targetqs=culture%3Des`);
      assert.equal(heading(code), 'Escriba su código de identidad');
    });
  });

  it("links to the application's privacy statement and terms from the authorization page, without the actionqs", async () => {
    sim.simulator.reset('new-user');
    const url = shellUrl('AUTH', { actionqs: 'hvstate=1' });
    const { html } = await post(url, { step: 'sign-in', person: personId(await get(url), 'Avery Quinn') });
    const link = (id) =>
      unescape(new RegExp(`<a id="${id}" href="([^"]+)" target="_blank" rel="noopener">`).exec(html)[1]);
    assert.equal(link('privacy-link'), `${RETURN_TO}?target=Privacy`);
    assert.equal(link('terms-link'), `${RETURN_TO}?target=ServiceAgreement`);
    assert.match(
      html,
      /Privacy statement of hv-elements Demo Clinic <span class="hint-inline">\(opens in a new tab\)<\/span>/,
    );
  });

  it('returns instanceId as the docs spell it', async () => {
    sim.simulator.reset('returning-user');
    const url = shellUrl('AUTH');
    const { location } = await post(url, { step: 'sign-in', person: personId(await get(url), 'Jordan Lee') });
    assert.deepEqual([...location.searchParams.keys()], ['target', 'wctoken', 'instanceId']);
    assert.equal(location.searchParams.get('instanceId'), '1');
  });

  describe('the error page', () => {
    it('leads back to a known application with AppAuthFailure and the actionqs', async () => {
      const html = await get(shellUrl('AUTH', { onopt1: 'no-such-rule', actionqs: 's' }));
      assert.equal(heading(html), 'HealthVault cannot continue');
      assert.match(
        html,
        /<p id="shell-error" class="error" role="alert">hv-elements Demo Clinic has no optional online rule named &quot;no-such-rule&quot;\.<\/p>/,
      );
      const back = /<a id="return" class="button primary" href="([^"]+)">Return to the application<\/a>/.exec(html);
      assert.equal(unescape(back[1]), `${RETURN_TO}?target=AppAuthFailure&actionqs=s`);
      assert.doesNotMatch(html, /id="close-tab"/);
    });

    it('for a redirect it does not allow, leads to the registered action URL instead', async () => {
      const html = await get(shellUrl('AUTH', { redirect: 'http://example.com/' }));
      assert.match(html, /is not allowed: it must be an https URL/);
      assert.match(
        html,
        /<a id="return" class="button primary" href="http:\/\/localhost:5173\/\?target=AppAuthFailure">/,
      );
    });

    it('says to close the tab when it knows no application to go back to', async () => {
      const html = await get(shellUrl('SHARERECORD', { appid: '00000000-0000-0000-0000-000000000000' }));
      assert.match(html, /got &quot;SHARERECORD&quot;/);
      assert.match(
        html,
        /<p id="close-tab">HealthVault cannot tell which application to take you back to\. You can close this tab\.<\/p>/,
      );
      assert.doesNotMatch(html, /id="return"/);
    });
  });
});
