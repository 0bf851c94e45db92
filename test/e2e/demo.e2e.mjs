// The walk-through's clinic page as a person sees it: its panel and badge follow the page's session and the
// simulated platform's scenario, never a stale outcome.
import assert from 'node:assert/strict';
import { chooseScenario, openClinic as openDemo, panelSays, signInOnTheShell } from './demo-page.mjs';

/** The full Shell round trip of the new-user scenario: sign in as Avery Quinn and approve. */
async function connectAsAvery(page) {
  await page.getByRole('link', { name: 'Connect to HealthVault' }).click();
  await signInOnTheShell(page, 'Avery Quinn');
  await page.getByRole('button', { name: 'Approve and continue' }).click();
  await panelSays(page, 'Connected: Avery Quinn');
}

export async function choosingAScenarioAppliesAtOnce({ page, baseUrl, problems }) {
  await openDemo(page, baseUrl);
  await chooseScenario(page, 'new-user');
  await connectAsAvery(page);

  // No reset step: choosing the scenario starts it, and the panel says what the proxy now knows.
  await chooseScenario(page, 'returning-user');
  await panelSays(page, 'Not connected: nobody is signed in.');
  await page.getByRole('link', { name: 'Connect to HealthVault' }).waitFor();

  await chooseScenario(page, 'revoked');
  await panelSays(page, /^Not connected: access to every record was revoked/);
  assert.deepEqual(problems, []);
}

export async function aReloadAfterConnectingShowsConnected({ page, baseUrl, problems }) {
  await openDemo(page, baseUrl);
  await connectAsAvery(page);
  await page.reload();
  assert.match(await panelSays(page, 'Connected'), /^Connected: Avery Quinn authorized 1 record/);
  await page
    .locator('hv-connect-button [part="connected"]', { hasText: 'Connected to HealthVault as Avery Quinn' })
    .waitFor();
  assert.deepEqual(problems, []);
}

export async function twoTabsStayInStep({ page, context, baseUrl, problems }) {
  const other = await context.newPage();
  await openDemo(page, baseUrl);
  await openDemo(other, baseUrl);
  await panelSays(other, 'Not connected: nobody is signed in.');

  await connectAsAvery(page);
  // The other tab, never reloaded, hears of the sign-in from the session and asks its proxy.
  await panelSays(other, 'Connected: Avery Quinn');
  await other
    .locator('hv-connect-button [part="connected"]', { hasText: 'Connected to HealthVault as Avery Quinn' })
    .waitFor();
  assert.deepEqual(problems, []);
}

/** What the status badge shows once each scenario is chosen (its status, then other custom states it has). */
const BADGE_BY_SCENARIO = {
  'new-user': 'not-connected',
  'returning-user': 'not-connected',
  'multi-record': 'not-connected',
  'reauth-required': 'reauth-required',
  'reauth-not-possible': 'reauth-not-possible',
  revoked: 'revoked',
  'suspended-record': 'suspended',
  'deleted-record': 'deleted',
  'read-only-record': 'read-only',
  'token-expired': 'expired',
  'proxy-down': 'unreachable',
  'proxy-slow': 'connected',
  'authorization-required': 'authorization-required',
  'location-not-supported': 'location-not-supported',
  'offline-access': 'not-connected',
  'offline-granted': 'connected offline',
  'connect-request': 'not-connected',
  'connect-request-expired': 'not-connected',
  'pickup-package': 'not-connected',
};

export async function eachScenarioShowsItsOwnStateInTheBadge({ page, baseUrl, problems }) {
  await openDemo(page, baseUrl);
  const badge = page.locator('hv-auth-status');
  const scenarios = await page.locator('#scenario option').evaluateAll((options) => options.map((o) => o.value));
  // proxy-unresponsive shows "checking" until the proxy's 20-second timeout: too slow for this test.
  assert.deepEqual(
    scenarios.filter((name) => name !== 'proxy-unresponsive').sort(),
    Object.keys(BADGE_BY_SCENARIO).sort(),
  );
  for (const [scenario, states] of Object.entries(BADGE_BY_SCENARIO)) {
    const [status, ...alsoStates] = states.split(' ');
    await chooseScenario(page, scenario);
    await page.waitForFunction(
      ([expected]) => document.querySelector('hv-auth-status').matches(`:state(${expected})`),
      [status],
      { timeout: 8_000 },
    );
    assert.equal(await badge.evaluate((el) => el.status), status, scenario);
    for (const state of alsoStates) {
      assert.ok(await badge.evaluate((el, name) => el.matches(`:state(${name})`), state), `${scenario}: ${state}`);
    }
  }
  // proxy-down's failures are the scenario's point; the browser logs the 503s all the same.
  assert.deepEqual(
    problems.filter((problem) => !problem.includes('503')),
    [],
  );
}
