// A partner's page as it would be deployed: the cdn bundle under the strictest policy the kit promises, a proxy on
// the same origin (the simulated platform's MSW handlers, run by a real Node server, so real browser headers such
// as Sec-Fetch-Site reach them), and a Shell return landing on it. Uses dist/ (`npm run build` first).
import assert from 'node:assert/strict';
import { DEMO_APP_ID } from 'hv-elements/mock';
import { chunksRequested, servePartner } from './partner-server.mjs';

/** The page's own script: shows the kit's outcome events, as a partner page would. */
const pageScript = `for (const type of ['hv-authorized', 'hv-denied', 'hv-error']) {
  document.addEventListener(type, ({ detail }) => {
    document.getElementById('outcome').textContent =
      type + ': ' + (detail.person ? detail.person.name : detail.error ? detail.error.message : detail.reason);
  });
}`;

/** A page with the kit, the page's script, then `body`. */
function partnerPage(body, head = '<script type="module" src="/cdn/hv-elements.js"></script>') {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Partner page</title>
    ${head}
    <script type="module" src="/page.js"></script>
  </head>
  <body>
    ${body}
    <output id="outcome"></output>
  </body>
</html>`;
}

const button = `<hv-connect-button app-id="${DEMO_APP_ID}" shell="us" proxy-url="/hv-proxy">Connect</hv-connect-button>`;

/** Serves `pages` and the page's script as a partner would (see partner-server.mjs). */
const servePartnerPages = (pages, scenario = 'returning-user') =>
  servePartner({ '/page.js': pageScript, ...pages }, scenario);

/** What the Shell would send back to `page` after the person signed in: the page's own state, a fresh token. */
async function shellReturnUrl(page, server) {
  // As a person does: the pointer over the button loads the code, pressing it puts a round-trip state on the link.
  const link = page.locator('hv-connect-button a[href]');
  await link.hover();
  let href = '';
  for (let tries = 0; !href.includes('hvstate') && tries < 50; tries++) {
    await link.dispatchEvent('mousedown');
    href = await link.getAttribute('href');
    await page.waitForTimeout(20);
  }
  const actionqs = new URLSearchParams(new URL(href).searchParams.get('targetqs')).get('actionqs');
  const [person] = server.simulator.shell.people();
  const wctoken = await server.simulator.shell.signIn(person.id, DEMO_APP_ID);
  const query = new URLSearchParams({ target: 'AppAuthSuccess', wctoken, instanceid: '1', actionqs });
  return { url: `${server.origin}/?${query}`, wctoken, person };
}

export async function aFullSignInCompletesUnderTrustedTypes({ page, problems }) {
  const server = await servePartnerPages({ '/': partnerPage(button) });
  try {
    await page.goto(`${server.origin}/`);
    const { url, wctoken, person } = await shellReturnUrl(page, server);
    await page.goto(url);
    await page.locator('#outcome', { hasText: 'hv-authorized' }).waitFor();
    assert.equal(await page.locator('#outcome').textContent(), `hv-authorized: ${person.name}`);
    assert.ok(!page.url().includes(wctoken), 'the token is still in the address bar');
    assert.deepEqual(problems, []);
  } finally {
    await server.close();
  }
}

export async function theTokenIsOffTheAddressBarBeforeThePageRequestsAnything({ page, problems }) {
  // A single-page app: its script calls its API at once, and renders the button only later.
  const spaPage = partnerPage('<div id="app"></div>').replace(
    '/page.js"></script>',
    `/page.js"></script>\n    <script type="module" src="/spa.js"></script>`,
  );
  const spa = `await fetch('/api/start');
const button = document.createElement('hv-connect-button');
for (const [name, value] of Object.entries({ 'app-id': '${DEMO_APP_ID}', shell: 'us', 'proxy-url': '/hv-proxy' })) {
  button.setAttribute(name, value);
}
setTimeout(() => document.getElementById('app').append(button));`;
  const server = await servePartnerPages({
    '/': partnerPage(button),
    '/spa': spaPage,
    '/spa.js': spa,
    '/api/start': 'ok',
  });
  try {
    await page.goto(`${server.origin}/`);
    const { url, wctoken } = await shellReturnUrl(page, server);
    await page.goto(url.replace('/?', '/spa?'));
    await page.locator('#outcome', { hasText: 'hv-authorized' }).waitFor();
    const apiCall = server.log.find((request) => request.path === '/api/start');
    assert.ok(apiCall, 'the page called its API');
    assert.ok(!String(apiCall.headers.referer).includes(wctoken), `the token leaked as ${apiCall.headers.referer}`);
    assert.deepEqual(problems, []);
  } finally {
    await server.close();
  }
}

export async function aForgedCrossSiteTokenHandOffIsRefused({ page, problems }) {
  const server = await servePartnerPages({
    '/': partnerPage(button),
    '/attacker': '<!doctype html><title>Another site</title>',
  });
  try {
    // The person signs in on the partner's page.
    await page.goto(`${server.origin}/`);
    const { url } = await shellReturnUrl(page, server);
    await page.goto(url);
    await page.locator('#outcome', { hasText: 'hv-authorized' }).waitFor();
    const sessions = server.simulator.snapshot().proxySessions;

    // Another site makes their browser post the attacker's token to the proxy, in each way a form can.
    const [person] = server.simulator.shell.people();
    const attackerToken = await server.simulator.shell.signIn(person.id, DEMO_APP_ID);
    const handOff = `${server.origin}/hv-proxy/session`;
    const attacker = new URL(server.origin.replace('127.0.0.1', 'localhost'));
    for (const [enctype, field, value] of [
      ['application/x-www-form-urlencoded', 'wctoken', attackerToken],
      ['text/plain', `{"wctoken":"${attackerToken}","x":"`, '"}'],
    ]) {
      await page.goto(`${attacker.origin}/attacker`);
      await page.evaluate(
        ([action, enctype, field, value]) => {
          const form = Object.assign(document.createElement('form'), { method: 'POST', action, enctype });
          form.append(Object.assign(document.createElement('input'), { name: field, value }));
          document.body.append(form);
          form.submit();
        },
        [handOff, enctype, field, value],
      );
      await page.waitForURL(handOff);
      const forged = server.log.findLast((request) => request.path === '/hv-proxy/session');
      assert.equal(forged.headers['sec-fetch-site'], 'cross-site');
    }
    assert.deepEqual(server.simulator.snapshot().proxySessions, sessions, 'a forged hand-off changed the sign-in');
    assert.deepEqual(
      problems.filter((problem) => !problem.includes('403')),
      [],
    );
  } finally {
    await server.close();
  }
}

const staffChunks = ['connect-request-form', 'connect-request-list', 'staff-words'];

export async function aPatientPageNeverDownloadsStaffCodeAndTheCodeFieldReadsOnlyOnceEntered({ page, problems }) {
  const field = `<hv-config app-id="${DEMO_APP_ID}" shell="us" proxy-url="/hv-proxy">
    ${button}<hv-auth-status></hv-auth-status><hv-pickup-code-entry kind="connect"></hv-pickup-code-entry>
  </hv-config>`;
  const server = await servePartnerPages({ '/': partnerPage(field) }, 'new-user');
  try {
    await page.goto(`${server.origin}/`);
    await page.locator('hv-auth-status', { hasText: 'Not connected' }).waitFor();
    await page.waitForTimeout(300);
    assert.deepEqual(
      chunksRequested(server.log).filter((name) => staffChunks.includes(name) || name === 'code-reading'),
      [],
    );
    // Not in the entry either: nothing on this page defines them.
    const staffDefined = () =>
      page.evaluate(() =>
        ['hv-connect-request-form', 'hv-connect-request-list'].some((name) => customElements.get(name)),
      );
    assert.equal(await staffDefined(), false);
    // A person enters the field and types a code their way: its reading loads now, and the code shows as printed.
    const input = page.locator('hv-pickup-code-entry input');
    await input.click();
    await input.pressSequentially('jkyz qnmn vhrx zgnr gznh');
    await page.locator('hv-pickup-code-entry button').focus();
    await page.waitForFunction(
      () => document.querySelector('hv-pickup-code-entry').value === 'JKYZ-QNMN-VHRX-ZGNR-GZNH',
    );
    assert.ok(chunksRequested(server.log).includes('code-reading'));
    assert.deepEqual(
      chunksRequested(server.log).filter((name) => staffChunks.includes(name)),
      [],
    );
    assert.equal(await staffDefined(), false);
    assert.deepEqual(problems, []);
  } finally {
    await server.close();
  }
}

export async function staffElementsLoadOnFirstUseFromTheCdnEntry({ page, problems }) {
  const desk = `<hv-config app-id="${DEMO_APP_ID}" shell="us" proxy-url="/hv-proxy">
    <div id="later"></div><div id="host"></div>
  </hv-config>`;
  const server = await servePartnerPages({ '/': partnerPage(desk) }, 'connect-request');
  const defined = (tagName) => page.evaluate((name) => customElements.get(name) !== undefined, tagName);
  try {
    await page.goto(`${server.origin}/`);
    await page.waitForTimeout(300);
    assert.deepEqual(
      chunksRequested(server.log).filter((name) => staffChunks.includes(name)),
      [],
    );
    // The page's script adds the list: it loads and is defined as it appears.
    await page.evaluate(() =>
      document.getElementById('later').append(document.createElement('hv-connect-request-list')),
    );
    await page.waitForFunction(() => customElements.get('hv-connect-request-list') !== undefined);
    assert.ok(chunksRequested(server.log).includes('connect-request-list'));
    // A form inside the page's own shadow root is not seen, until the page asks for it.
    await page.evaluate(() => {
      const root = document.getElementById('host').attachShadow({ mode: 'open' });
      root.append(document.createElement('hv-connect-request-form'));
    });
    await page.waitForTimeout(300);
    assert.equal(await defined('hv-connect-request-form'), false);
    await page.evaluate(async () => (await import('/cdn/hv-elements.js')).loadElement('hv-connect-request-form'));
    assert.equal(await defined('hv-connect-request-form'), true);
    await page.locator('#host hv-connect-request-form input').first().waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await server.close();
  }
}
