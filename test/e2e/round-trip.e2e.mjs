// The Shell round trip through the demo, as a person does it: Connect, sign in on the simulated Shell, decide,
// and land back on the page it started from (the walk-through's clinic page, or a story of the showcase).
import assert from 'node:assert/strict';
import {
  authorizeInThePopup,
  logEntries,
  openClinic as openDemo,
  openStory,
  panelSays,
  recordNavigations,
  signInOnTheShell,
} from './demo-page.mjs';

async function storedEverywhere(page) {
  return page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }) + document.cookie);
}

export async function newUserSignsInAuthorizesAndComesBackAuthorized({ page, baseUrl, problems }) {
  const navigations = recordNavigations(page);
  await openDemo(page, baseUrl, 'new-user');
  await page.getByRole('link', { name: 'Connect to HealthVault' }).click();

  await page.waitForURL(/\/shell\/redirect\.aspx\?target=AUTH/);
  await signInOnTheShell(page, 'Avery Quinn');
  await page.getByRole('heading', { name: /Authorize hv-elements Demo Clinic/ }).waitFor();
  await page.getByRole('button', { name: 'Approve and continue' }).click();

  const [authorized] = await logEntries(page, 'hv-authorized');
  assert.match(authorized, /AppAuthSuccess: Avery Quinn, records: .+; action=demo-return/);
  await panelSays(page, /Connected: Avery Quinn authorized 1 record/);

  // The Shell handed a token to the page; it left the address bar at once and went nowhere else.
  const returned = navigations.find((url) => url.includes('wctoken='));
  assert.ok(returned, 'the Shell returned with a wctoken');
  const wctoken = new URL(returned).searchParams.get('wctoken');
  assert.ok(!page.url().includes('wctoken'), `the address bar still shows the token: ${page.url()}`);
  assert.equal(new URL(page.url()).search, '');
  assert.ok(!(await storedEverywhere(page)).includes(wctoken), 'the token is in web storage or a cookie');
  assert.ok(!problems.some((problem) => problem.includes(wctoken)), 'the token was logged');
  assert.deepEqual(problems, []);
}

export async function declineOnTheShellFiresHvDenied({ page, baseUrl, problems }) {
  await openDemo(page, baseUrl, 'new-user');
  await page.getByRole('link', { name: 'Connect to HealthVault' }).click();
  await signInOnTheShell(page, 'Avery Quinn');
  await page.getByRole('button', { name: 'Cancel' }).click();

  const [denied] = await logEntries(page, 'hv-denied');
  assert.match(denied, /rejected; action=demo-return/);
  assert.equal(await panelSays(page, 'declined'), 'Not connected: access was declined on HealthVault.');
  assert.equal(await page.locator('#log li[data-type="hv-authorized"]').count(), 0);
  assert.equal(new URL(page.url()).search, '');
  assert.deepEqual(problems, []);
}

export async function returningUserComesStraightBack({ page, baseUrl, problems }) {
  await openDemo(page, baseUrl, 'returning-user');
  await page.getByRole('link', { name: 'Connect to HealthVault' }).click();
  await signInOnTheShell(page, 'Jordan Lee');
  // Already authorized: no authorization page, straight back to the demo.
  const [authorized] = await logEntries(page, 'hv-authorized');
  assert.match(authorized, /Jordan Lee/);
  assert.deepEqual(problems, []);
}

export async function multiRecordPersonAuthorizesSeveralRecords({ page, baseUrl, problems }) {
  await openStory(page, baseUrl, 'hv-connect-button/multi-record');
  assert.ok(await page.getByRole('checkbox', { name: 'multi-record' }).isChecked());
  await page.getByRole('link', { name: 'Connect to HealthVault' }).click();
  await signInOnTheShell(page, 'Sam Rivera');
  await page.locator('#record-1').check();
  await page.locator('#record-2').check();
  await page.getByRole('button', { name: 'Approve and continue' }).click();
  const [authorized] = await logEntries(page, 'hv-authorized');
  assert.match(authorized, /Sam Rivera, records: [^,]+, [^,;]+; action=demo-return$/);
  assert.deepEqual(problems, []);
}

export async function aReplayedReturnIsRefused({ page, baseUrl }) {
  const navigations = recordNavigations(page);
  await openDemo(page, baseUrl, 'returning-user');
  await page.getByRole('link', { name: 'Connect to HealthVault' }).click();
  await signInOnTheShell(page, 'Jordan Lee');
  await logEntries(page, 'hv-authorized');
  // Someone replays the return URL (from history, a log, a shoulder): the state was used once already.
  await page.goto(navigations.find((url) => url.includes('wctoken=')));
  await page.locator('#log li[data-type="hv-error"]', { hasText: 'invalid-state:' }).waitFor();
  const errors = await logEntries(page, 'hv-error');
  assert.match(
    errors.find((entry) => entry.includes('invalid-state:')),
    /invalid-state: .*already used/,
  );
  assert.equal(new URL(page.url()).search, '');
}

export async function popupModeKeepsThePageAndRelaysTheResult({ page, context, baseUrl, problems }) {
  await openStory(page, baseUrl, 'hv-connect-button/popup');
  assert.equal(await page.locator('#control-mode').inputValue(), 'popup');
  await authorizeInThePopup(page, context, 'Avery Quinn');
  const [authorized] = await logEntries(page, 'hv-authorized');
  assert.match(authorized, /Avery Quinn/);
  assert.equal(await page.locator('#log li[data-type="hv-connect"]').count(), 1);
  assert.deepEqual(problems, []);
}

export async function closingThePopupFiresHvDenied({ page, context, baseUrl }) {
  await openStory(page, baseUrl, 'hv-connect-button/popup');
  const [popup] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('link', { name: 'Connect to HealthVault' }).click(),
  ]);
  await popup.getByLabel('Avery Quinn').waitFor();
  await popup.close();
  const [denied] = await logEntries(page, 'hv-denied');
  assert.match(denied, /popup-closed/);
}

export async function theBadgeLeadsARecordThroughAuthorizationAndShowsItConnected({ page, baseUrl, problems }) {
  await openDemo(page, baseUrl, 'authorization-required');
  const badge = page.locator('hv-auth-status');
  const leo = page.locator('hv-auth-status [part="record"]', { hasText: 'Leo Hayes: ' });
  await leo.filter({ hasText: 'Needs your authorization' }).waitFor();
  assert.equal(await badge.evaluate((el) => el.status), 'authorization-required');

  await leo.getByRole('link', { name: 'Review access' }).click();
  await page.waitForURL(/\/shell\/redirect\.aspx\?target=APPAUTH/);
  await signInOnTheShell(page, 'Robin Hayes');
  await page.getByRole('button', { name: 'Approve and continue' }).click();

  await logEntries(page, 'hv-authorized');
  await leo.filter({ hasText: 'Connected to HealthVault' }).waitFor();
  assert.equal(await badge.evaluate((el) => el.status), 'connected');
  assert.equal(new URL(page.url()).search, '');
  assert.deepEqual(problems, []);
}

export async function optionalRulesAreGrantedOrDeclinedOnTheShellAndNotNowIsRemembered({ page, baseUrl, problems }) {
  await openDemo(page, baseUrl, 'returning-user');
  const prompt = page.locator('hv-optional-rule-prompt');
  const badge = page.locator('hv-auth-status');
  // Nobody signed in yet: the prompt says what to do first.
  await prompt.getByText('Connect to HealthVault to choose what this app may use.').waitFor();
  await page.getByRole('link', { name: 'Connect to HealthVault' }).click();
  await signInOnTheShell(page, 'Jordan Lee');
  await logEntries(page, 'hv-authorized');

  // Signed in: the prompt asks for both rules in the person's words; lab results is checked by default.
  const pressure = prompt.getByLabel(/blood pressure readings/);
  const lab = prompt.getByLabel(/lab results overnight/);
  await pressure.waitFor();
  assert.deepEqual([await pressure.isChecked(), await lab.isChecked()], [false, true]);
  await pressure.check();
  await prompt.getByRole('link', { name: 'Allow' }).click();

  // The Shell's APPAUTH offers exactly those two, with their why strings; the person allows one, not the other.
  await page.waitForURL(/\/shell\/redirect\.aspx\?target=APPAUTH/);
  await signInOnTheShell(page, 'Jordan Lee');
  const offered = page.locator('#optional-rules input');
  assert.deepEqual(await offered.evaluateAll((inputs) => inputs.map((input) => input.value)), [
    'blood-pressure',
    'lab-results',
  ]);
  await page.locator('#optional-rule-blood-pressure').uncheck();
  await page.locator('#optional-rule-lab-results').check();
  await page.getByRole('button', { name: 'Approve and continue' }).click();

  // Back: each rule's fate is announced, the prompt asks only for the declined one, the badge shows the new access.
  assert.deepEqual(await logEntries(page, 'hv-rule-granted'), [await logged('hv-rule-granted', 'lab-results')]);
  assert.deepEqual(await logEntries(page, 'hv-rule-declined'), [await logged('hv-rule-declined', 'blood-pressure')]);
  await lab.waitFor({ state: 'detached' });
  await pressure.waitFor();
  await badge.getByText(/Also while you are away/).waitFor();
  assert.ok(await badge.evaluate((el) => el.matches(':state(offline)')));

  // "Not now" is remembered across reloads.
  await prompt.getByRole('button', { name: 'Not now' }).click();
  await pressure.waitFor({ state: 'detached' });
  await page.reload();
  await badge.getByText(/Also while you are away/).waitFor();
  await page.waitForFunction(() => document.querySelector('hv-optional-rule-prompt').matches(':state(dismissed)'));
  assert.equal(await prompt.evaluate((el) => el.shadowRoot.textContent.trim()), '');
  assert.deepEqual(problems, []);

  /** The log's one entry of `type`, once it says `rules`. */
  async function logged(type, rules) {
    const [entry] = await logEntries(page, type);
    assert.match(entry, new RegExp(`${type} — ${rules}$`));
    return entry;
  }
}
