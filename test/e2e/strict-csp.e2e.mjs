// Every element of the cdn module, and what each loads on first use, on a partner page under exactly the policy the
// kit promises to work with (README, Security):
//   default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'
// with the simulated proxy on the same origin. The page's own script (a file: no inline script is allowed) records
// every `securitypolicyviolation` on `window.cspViolations`; console errors land in `problems`. Uses dist/
// (`npm run build` first).
import assert from 'node:assert/strict';
import { DEMO_APP_ID } from 'hv-elements/mock';
import { chunksRequested, servePartner, strictPolicy } from './partner-server.mjs';
import { createConnectRequest } from './demo-page.mjs';

/**
 * The page's own script, a classic one in the head before the kit, so it listens before anything else runs. The
 * event is composed: violations inside the elements' shadow roots reach the document too.
 */
const pageScript = `window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push(
    event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') + ' at ' + event.sourceFile + ':' +
      event.lineNumber + (event.sample ? ' (' + event.sample + ')' : ''),
  );
});`;

/** A partner page: the recorder, the cdn module, then `body` inside an `<hv-config>` for the simulated proxy. */
const partnerPage = (body) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Partner page</title>
    <script src="/page.js"></script>
    <script type="module" src="/cdn/hv-elements.js"></script>
  </head>
  <body>
    <hv-config app-id="${DEMO_APP_ID}" shell="us" proxy-url="/hv-proxy">
      ${body}
    </hv-config>
  </body>
</html>`;

/** Serves `body` (see partnerPage) and the recorder under the policy, the simulated proxy playing `scenario`. */
const servePartnerPage = (body, scenario) => servePartner({ '/': partnerPage(body), '/page.js': pageScript }, scenario);

/** Opens the page of `server`, checking first that it really is served under the strict policy. */
async function open(page, server) {
  const response = await page.goto(`${server.origin}/`);
  assert.equal(response.headers()['content-security-policy'], strictPolicy);
  await page.waitForFunction(() => Array.isArray(window.cspViolations));
}

/** No violation recorded by the page, and nothing on the console (the runner's problems). */
async function expectNoViolations(page, problems) {
  // A violation's event is queued as a task: give the last ones time to arrive.
  await page.waitForTimeout(200);
  assert.deepEqual(await page.evaluate(() => window.cspViolations), [], 'the page recorded CSP violations');
  assert.deepEqual(problems, []);
}

export async function aSignedOutPatientPageWorksUnderStrictCspInSpanishToo({ page, problems }) {
  const server = await servePartnerPage(
    `<hv-connect-button>Connect</hv-connect-button>
    <hv-auth-status no-connect></hv-auth-status>
    <hv-pickup-code-entry kind="connect" lang="es"></hv-pickup-code-entry>`,
    'new-user',
  );
  try {
    await open(page, server);
    // The badge asks the proxy (the contract's 204: nobody is signed in) and says so.
    await page.locator('hv-auth-status', { hasText: 'Not connected' }).waitFor();

    // The connect button renders its link; intent loads the round-trip code, pressing puts its state on the link.
    const link = page.locator('hv-connect-button a[href]');
    assert.match(await link.getAttribute('href'), /^https:\/\/account\.healthvault\.com\/redirect\.aspx\?target=AUTH/);
    await link.hover();
    let href = '';
    for (let tries = 0; !href.includes('hvstate') && tries < 50; tries++) {
      await link.dispatchEvent('mousedown');
      href = await link.getAttribute('href');
      await page.waitForTimeout(20);
    }
    assert.ok(href.includes('hvstate'), `no round-trip state on ${href}`);

    // The code field, in Spanish: its words load on first use, as does the code's reading once it is entered.
    const field = page.locator('hv-pickup-code-entry');
    await field.locator('[part~="label"]', { hasText: 'Código de identidad' }).waitFor();
    const input = field.locator('input');
    await input.click();
    await input.pressSequentially('jkyz qnmn vhrx zgnr gznh');
    await field.locator('button').focus();
    await page.waitForFunction(
      () => document.querySelector('hv-pickup-code-entry').value === 'JKYZ-QNMN-VHRX-ZGNR-GZNH',
    );
    assert.equal(await input.inputValue(), 'JKYZ-QNMN-VHRX-ZGNR-GZNH');
    // A code four letters short: said precisely, in Spanish, and what was typed stays.
    await input.fill('jkyz qnmn vhrx zgnr');
    await field.locator('button').focus();
    await field
      .locator('[part~="message"]', { hasText: 'Son 16 de las 20 letras de un código de identidad.' })
      .waitFor();
    assert.ok(await field.evaluate((el) => el.matches(':state(invalid)')));

    const chunks = chunksRequested(server.log);
    for (const chunk of ['round-trip-state', 'code-reading', 'es'])
      assert.ok(chunks.includes(chunk), `${chunk} was not loaded: ${chunks.join(', ')}`);
    await expectNoViolations(page, problems);
  } finally {
    await server.close();
  }
}

export async function aSignedInPatientsBadgeDetailsAndRulePromptWorkUnderStrictCsp({ page, problems }) {
  const server = await servePartnerPage(
    `<hv-connect-button></hv-connect-button>
    <hv-auth-status no-connect></hv-auth-status>
    <hv-optional-rule-prompt rule="blood-pressure lab-results"></hv-optional-rule-prompt>`,
    'returning-user',
  );
  try {
    // Jordan signed in on the Shell earlier: the proxy holds the token (as after a Shell return, see partner-page).
    const [person] = server.simulator.shell.people();
    const wctoken = await server.simulator.shell.signIn(person.id, DEMO_APP_ID);
    await server.simulator.openProxySession(DEMO_APP_ID, wctoken, '1');
    await open(page, server);

    // The button says who is connected; the badge shows the record's line (loaded with the proxy's first answer).
    await page.locator('hv-connect-button', { hasText: `Connected to HealthVault as ${person.name}` }).waitFor();
    const badge = page.locator('hv-auth-status');
    await page.waitForFunction(() => document.querySelector('hv-auth-status').status === 'connected');
    await badge.locator('[part~="label"]', { hasText: `${person.name}: Connected to HealthVault` }).waitFor();

    // Opening the details loads hv-auth-details, which reads and shows what the application may use, and why.
    await badge.locator('summary', { hasText: 'What this app can use' }).first().click();
    const details = badge.locator('hv-auth-details').first();
    await details.getByText('While you are signed in').waitFor();
    await details.getByText(/Weight:\s+add, read/).waitFor();
    await details.getByText(/Charts your weight over time/).waitFor();

    // The rule prompt asks for both rules, in the person's words, with a checkbox each.
    const prompt = page.locator('hv-optional-rule-prompt');
    const pressure = prompt.getByLabel(/blood pressure readings/);
    const lab = prompt.getByLabel(/lab results overnight/);
    await pressure.waitFor();
    assert.deepEqual([await pressure.isChecked(), await lab.isChecked()], [false, true]);
    await pressure.check();
    const allow = prompt.getByRole('link', { name: 'Allow' });
    await allow.waitFor();
    assert.match(await allow.getAttribute('href'), /target=APPAUTH/);

    const chunks = chunksRequested(server.log);
    for (const chunk of ['auth-details', 'rule-prompt-view', 'record-lines'])
      assert.ok(chunks.includes(chunk), `${chunk} was not loaded: ${chunks.join(', ')}`);
    await expectNoViolations(page, problems);
  } finally {
    await server.close();
  }
}

export async function theStaffFormDrawsItsQrCodeAndTheListShowsRowsUnderStrictCsp({ page, problems }) {
  const server = await servePartnerPage(
    `<hv-connect-request-form></hv-connect-request-form>
    <hv-connect-request-list poll-seconds="60"></hv-connect-request-list>`,
    'connect-request',
  );
  try {
    // Morgan picked up the clinic's request on the Shell: the list has a connection to show.
    const [morgan] = server.simulator.shell.people();
    const [record] = server.simulator.shell.records(morgan.id, DEMO_APP_ID);
    const check = server.simulator.shell.acceptConnectRequest({
      identityCode: 'KZTR-MVNP-QDWX-HLBC-JRSF',
      answer: 'biscuit',
      personId: morgan.id,
      recordId: record.id,
    });
    assert.ok(check.ok, JSON.stringify(check));
    await open(page, server);

    // The list loads from the cdn entry as it is found in the page, polls, and shows the connection.
    const list = page.locator('hv-connect-request-list');
    await list.locator('[part~="row"]', { hasText: 'MRN-1001' }).waitFor();

    // The form: filled and sent, it shows the identity code and draws the link's QR code in the page.
    const form = page.locator('hv-connect-request-form');
    const printed = await createConnectRequest(form, {
      name: 'Avery Quinn',
      externalId: 'MRN-77',
      question: 'Name of your first pet?',
      answer: 'Biscuit',
    });
    assert.match(printed, /^[A-Z]{4}(-[A-Z]{4}){4}$/);
    const qr = form.locator('svg[part~="qr"] path');
    assert.ok((await qr.count()) > 0, 'no QR code drawn');
    assert.ok((await qr.first().getAttribute('d')).length > 100, 'the QR code is empty');
    const box = await form.locator('svg[part~="qr"]').boundingBox();
    assert.ok(box && box.width > 50 && box.height > 50, `the QR code is not shown: ${JSON.stringify(box)}`);

    const chunks = chunksRequested(server.log);
    for (const chunk of ['connect-request-form', 'connect-request-list', 'staff-words'])
      assert.ok(chunks.includes(chunk), `${chunk} was not loaded: ${chunks.join(', ')}`);
    await expectNoViolations(page, problems);
  } finally {
    await server.close();
  }
}
