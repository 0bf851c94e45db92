// The whole chain over real HTTP on loopback, as a partner site runs it (`npm run demo:server`): the demo page →
// the Node proxy (hv-elements/proxy) → the simulated HealthVault over HTTP (hv-elements-sim), whose wire layer
// checks every signature, and its Shell pages. Each test starts its own demo server on free ports (they need
// dist/proxy and dist/sim-server: `npx tsc -p tsconfig.proxy.json`).
import assert from 'node:assert/strict';
import { startDemoServer } from '../../scripts/demo-server.mjs';
import {
  authorizeInThePopup,
  CLINIC_PAGE,
  createConnectRequest,
  logEntries,
  openClinic as openDemo,
  openStory,
  panelSays,
  PICKUP_PAGE,
  recordNavigations,
  signInOnTheShell,
  STAFF_PAGE,
} from './demo-page.mjs';

async function withDemoServer(scenario, run) {
  const demo = await startDemoServer({ port: 0, simPort: 0, scenario });
  try {
    await run(demo);
    const state = await (await fetch(`${demo.simOrigin}/sim/state`)).json();
    assert.deepEqual(state.problems, [], 'every answer of the simulator validates against its response schema');
  } finally {
    await demo.close();
  }
}

export async function httpChainConnectsAndTheBadgeFollows({ page, problems }) {
  await withDemoServer('new-user', async ({ origin, simOrigin }) => {
    const navigations = recordNavigations(page);
    await openDemo(page, origin);
    const badge = page.locator('hv-auth-status');
    await page.waitForFunction(() => document.querySelector('hv-auth-status').status === 'not-connected');
    await page.getByRole('link', { name: 'Connect to HealthVault' }).click();

    await page.waitForURL(`${simOrigin}/shell/redirect.aspx?target=AUTH**`);
    await signInOnTheShell(page, 'Avery Quinn');
    await page.getByRole('heading', { name: /Authorize hv-elements Demo Clinic/ }).waitFor();
    await page.getByRole('button', { name: 'Approve and continue' }).click();

    const [authorized] = await logEntries(page, 'hv-authorized');
    assert.match(authorized, /AppAuthSuccess: Avery Quinn, records: .+; action=demo-return/);
    await panelSays(page, /Connected: Avery Quinn authorized 1 record/);
    await page.waitForFunction(() => document.querySelector('hv-auth-status').status === 'connected');
    assert.ok(await badge.evaluate((el) => el.matches(':state(connected)')));

    const returned = navigations.find((url) => url.includes('wctoken='));
    assert.ok(
      returned?.startsWith(`${origin}${CLINIC_PAGE}?`),
      'the Shell returned to the clinic page with the token (trm=get)',
    );
    assert.equal(new URL(page.url()).search, '', 'the token left the address bar');
    // The session cookie is the proxy's, HttpOnly: the page cannot read it.
    assert.equal(await page.evaluate(() => document.cookie), '');
    const cookies = await page.context().cookies();
    assert.deepEqual(
      cookies.map(({ name, httpOnly, path }) => ({ name, httpOnly, path })),
      [{ name: 'hv-session', httpOnly: true, path: '/hv' }],
    );

    // A reload asks the proxy, which signs GetPersonInfo with the token it keeps.
    await page.reload();
    await page
      .locator('hv-connect-button [part="connected"]', { hasText: 'Connected to HealthVault as Avery Quinn' })
      .waitFor();
    assert.deepEqual(problems, []);
  });
}

export async function httpChainDeclineOnTheShell({ page, problems }) {
  await withDemoServer('new-user', async ({ origin }) => {
    await openDemo(page, origin);
    await page.getByRole('link', { name: 'Connect to HealthVault' }).click();
    await signInOnTheShell(page, 'Avery Quinn');
    await page.getByRole('button', { name: 'Cancel' }).click();
    const [denied] = await logEntries(page, 'hv-denied');
    assert.match(denied, /rejected; action=demo-return/);
    assert.equal(await panelSays(page, 'declined'), 'Not connected: access was declined on HealthVault.');
    assert.deepEqual(problems, []);
  });
}

export async function httpChainOptionalRules({ page, problems }) {
  await withDemoServer('returning-user', async ({ origin, simOrigin }) => {
    await openDemo(page, origin);
    const prompt = page.locator('hv-optional-rule-prompt');
    await page.getByRole('link', { name: 'Connect to HealthVault' }).click();
    await signInOnTheShell(page, 'Jordan Lee');
    await logEntries(page, 'hv-authorized');

    const pressure = prompt.getByLabel(/blood pressure readings/);
    await pressure.waitFor();
    await pressure.check();
    await prompt.getByRole('link', { name: 'Allow' }).click();
    await page.waitForURL(`${simOrigin}/shell/redirect.aspx?target=APPAUTH**`);
    await signInOnTheShell(page, 'Jordan Lee');
    await page.locator('#optional-rule-blood-pressure').uncheck();
    await page.locator('#optional-rule-lab-results').check();
    await page.getByRole('button', { name: 'Approve and continue' }).click();

    assert.match((await logEntries(page, 'hv-rule-granted'))[0], /hv-rule-granted — lab-results$/);
    assert.match((await logEntries(page, 'hv-rule-declined'))[0], /hv-rule-declined — blood-pressure$/);
    await page
      .locator('hv-auth-status')
      .getByText(/Also while you are away/)
      .waitFor();
    assert.deepEqual(problems, []);
  });
}

export async function httpChainPatientConnect({ page, problems }) {
  await withDemoServer('new-user', async ({ origin, simOrigin }) => {
    // At the desk: the staff elements call the staff proxy, which calls the platform as the application.
    await page.goto(`${origin}${STAFF_PAGE}`);
    const form = page.locator('hv-connect-request-form');
    const printed = await createConnectRequest(form, {
      name: 'Avery Quinn',
      externalId: 'MRN-77',
      question: 'Name of your first pet?',
      answer: 'Biscuit',
    });
    assert.match(printed, /^[A-Z]{4}(-[A-Z]{4}){4}$/);

    // The patient, on the clinic's pick-up page, types the code: the simulated Shell over HTTP plays CONNECT.
    await page.goto(`${origin}${PICKUP_PAGE}`);
    const field = page.locator('hv-pickup-code-entry input');
    await field.fill(printed.toLowerCase());
    await field.press('Enter');
    await page.waitForURL(`${simOrigin}/shell/redirect.aspx?target=CONNECT**`);
    await signInOnTheShell(page, 'Avery Quinn');
    await page.getByLabel('Name of your first pet?').fill('biscuit');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Approve and continue' }).click();
    await page.getByText(/can now use the record of/).waitFor();
    await page.getByRole('link', { name: /^Return to / }).click();
    await page.locator('hv-connect-button a[href]').waitFor();

    // Back at the desk, the list shows the connection.
    await page.goto(`${origin}${STAFF_PAGE}`);
    const [authorized] = await logEntries(page, 'hv-connect-request-authorized');
    assert.match(authorized, /MRN-77 → person [0-9a-f-]{36}, record [0-9a-f-]{36}$/);
    assert.deepEqual(problems, []);
  });
}

export async function httpChainPlatformFaultsShowAsUnreachable({ page, problems }) {
  await withDemoServer('returning-user', async ({ origin, sim }) => {
    await openDemo(page, origin);
    await page.getByRole('link', { name: 'Connect to HealthVault' }).click();
    await signInOnTheShell(page, 'Jordan Lee');
    await logEntries(page, 'hv-authorized');

    // HealthVault goes down (the demo's control): the proxy answers 502, the badge says it cannot reach HealthVault.
    await page.selectOption('#fault', 'down');
    await page.waitForFunction(() => document.querySelector('hv-auth-status').status === 'unreachable');
    assert.equal(sim.fault.kind, 'down');
    await page.selectOption('#fault', 'none');
    await page.locator('hv-auth-status').evaluate((badge) => badge.refresh());
    await page.waitForFunction(() => document.querySelector('hv-auth-status').status === 'connected');
    // A broken answer from the platform: the proxy passes it on, the kit says so and keeps going.
    sim.setFault({ kind: 'malformed', times: 1 });
    await page.locator('hv-auth-status').evaluate((badge) => badge.refresh());
    await page.waitForFunction(() => document.querySelector('hv-auth-status').status === 'unreachable');
    await page.locator('hv-auth-status').evaluate((badge) => badge.refresh());
    await page.waitForFunction(() => document.querySelector('hv-auth-status').status === 'connected');
    // The browser reports the 502s as failed loads; nothing else went wrong.
    assert.deepEqual(
      problems.filter((problem) => !/status of 502/.test(problem)),
      [],
    );
  });
}

/**
 * Opens the showcase's connect button (`story`) and sets it to trm=Post through its controls (redirect-url becomes
 * the proxy's action URL).
 */
async function choosePost(page, origin, story = 'redirect') {
  await openStory(page, origin, `hv-connect-button/${story}`);
  await page.selectOption('#control-trm', 'Post');
  assert.equal(await page.locator('#control-redirect-url').inputValue(), `${origin}/hv/shell-return`);
  await page.waitForFunction(() => document.querySelector('hv-connect-button').getAttribute('trm') === 'Post');
}

export async function httpChainTrmPostConnectsWithoutTheTokenInAnyUrl({ page, problems }) {
  await withDemoServer('new-user', async ({ origin, simOrigin }) => {
    const navigations = recordNavigations(page);
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    await choosePost(page, origin);
    await page.getByRole('link', { name: 'Connect to HealthVault' }).click();
    await page.waitForURL(`${simOrigin}/shell/redirect.aspx?target=AUTH**`);
    assert.match(decodeURIComponent(page.url()), /trm=Post/);
    await signInOnTheShell(page, 'Avery Quinn');
    await page.getByRole('button', { name: 'Approve and continue' }).click();

    const [authorized] = await logEntries(page, 'hv-authorized');
    assert.match(authorized, /AppAuthSuccess: Avery Quinn, records: .+; action=demo-return/);
    await page.locator('hv-connect-button [part="connected"]', { hasText: 'Avery Quinn' }).waitFor();
    // The Shell posted the token to the action URL; no URL the browser loaded ever carried it.
    assert.ok(requests.some((url) => url.startsWith(`${origin}/hv/shell-return?target=AppAuthSuccess`)));
    assert.ok(!requests.some((url) => /wctoken/i.test(url)), 'a URL carried the token');
    assert.ok(!navigations.some((url) => /wctoken/i.test(url)));
    assert.equal(new URL(page.url()).search, '');
    const cookies = await page.context().cookies();
    assert.deepEqual(
      cookies.map(({ name }) => name),
      ['hv-session'],
      'the parking cookie is gone once claimed',
    );
    assert.deepEqual(problems, []);
  });
}

export async function httpChainTrmPostDecline({ page, problems }) {
  await withDemoServer('new-user', async ({ origin }) => {
    await choosePost(page, origin);
    await page.getByRole('link', { name: 'Connect to HealthVault' }).click();
    await signInOnTheShell(page, 'Avery Quinn');
    await page.getByRole('button', { name: 'Cancel' }).click();
    const [denied] = await logEntries(page, 'hv-denied');
    assert.match(denied, /rejected; action=demo-return/);
    assert.deepEqual(problems, []);
  });
}

export async function httpChainForgedTokenPostNeverBecomesTheSession({ page, problems }) {
  await withDemoServer('returning-user', async ({ origin, simOrigin }) => {
    // The attacker signs in as themself on HealthVault and keeps the token (here: through the Shell's pages).
    const targetqs = `appid=1534e3fa-0476-4ba6-9585-be88ae6a4e6f&redirect=${encodeURIComponent(`${origin}/`)}`;
    const shellUrl = `${simOrigin}/shell/redirect.aspx?target=AUTH&targetqs=${encodeURIComponent(targetqs)}`;
    const signIn = await (await fetch(shellUrl)).text();
    const person = /id="person-([^"]+)"[^>]*>\s*<div><label[^>]*>Jordan Lee/.exec(signIn)[1];
    const back = await fetch(shellUrl, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ step: 'sign-in', person }),
    });
    const attackersToken = new URL(back.headers.get('location')).searchParams.get('wctoken');

    // The victim opens the partner site, then a page of another site auto-posts the token to its action URL.
    await openDemo(page, origin);
    const actionqs = `hvstate=the-attackers-own-state&action=demo-return&hvreturn=${encodeURIComponent(CLINIC_PAGE)}`;
    const action = `${origin}/hv/shell-return?target=AppAuthSuccess&actionqs=${encodeURIComponent(actionqs)}`;
    await page.goto(`${simOrigin}/`); // "another site"
    await page.evaluate(
      ([url, token]) => {
        const form = document.createElement('form');
        form.method = 'POST';
        form.action = url;
        const field = document.createElement('input');
        field.name = 'wctoken';
        field.value = token;
        form.append(field);
        document.body.append(form);
        form.submit();
      },
      [action, attackersToken],
    );
    await page.waitForURL(`${origin}${CLINIC_PAGE}?target=AppAuthSuccess**`);
    // The victim's tab never made that state: the return is refused and nothing is claimed.
    await page.locator('#log li[data-type="hv-error"]', { hasText: 'invalid-state' }).waitFor();
    await page.waitForFunction(() => document.querySelector('hv-auth-status').status === 'not-connected');
    assert.equal(await page.locator('#log li[data-type="hv-authorized"]').count(), 0);
    // Nor can the victim's page be made to claim it with another state.
    const claim = await page.evaluate(async () => {
      const response = await fetch('/hv/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'hv-elements' },
        body: JSON.stringify({ claim: 'some-other-state' }),
      });
      return response.status;
    });
    assert.equal(claim, 403);
    // The one failed load is that refused claim.
    assert.deepEqual(
      problems.filter((problem) => !/status of 403/.test(problem)),
      [],
    );
  });
}

export async function httpChainTrmPostInAPopup({ page, context, problems }) {
  await withDemoServer('new-user', async ({ origin }) => {
    await choosePost(page, origin, 'popup');
    // The popup posts the token to the proxy, comes back to this page's path, claims it and tells its opener.
    await authorizeInThePopup(page, context, 'Avery Quinn');
    const [authorized] = await logEntries(page, 'hv-authorized');
    assert.match(authorized, /AppAuthSuccess: Avery Quinn/);
    await page.locator('hv-connect-button [part="connected"]', { hasText: 'Avery Quinn' }).waitFor();
    assert.deepEqual(problems, []);
  });
}
