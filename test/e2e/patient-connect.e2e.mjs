// Patient Connect through the demo, as a clinic and a patient do it: staff create a request at the desk, the patient
// types the printed code on the partner's page, answers on the simulated Shell and authorizes, and the staff list
// shows the new connection; a wrong answer three times locks a code; an expired code says so; a drop-off package
// is picked up with its code (PICKUP).
import assert from 'node:assert/strict';
import {
  CLINIC_PAGE,
  createConnectRequest,
  logEntries,
  openClinic as openDemo,
  PICKUP_PAGE,
  signInOnTheShell,
  STAFF_PAGE,
  walkthroughSettled,
} from './demo-page.mjs';

/** On the walk-through's pick-up page, types `code` into the patient's code field as a person would, and sends it. */
async function sendCode(page, baseUrl, code) {
  if (!page.url().endsWith(PICKUP_PAGE)) await page.goto(`${baseUrl}${PICKUP_PAGE}`);
  const field = page.locator('hv-pickup-code-entry input');
  await field.fill(code);
  await field.press('Enter');
  await page.waitForURL(/\/shell\/redirect\.aspx\?target=CONNECT&targetqs=packageid%3D/);
}

export async function staffCreateARequestThePatientConnectsAndTheListShowsIt({ page, baseUrl, problems }) {
  await openDemo(page, baseUrl, 'new-user');
  // At the desk (the walk-through's staff page, on the same simulated HealthVault).
  await page.goto(`${baseUrl}${STAFF_PAGE}`);
  const form = page.locator('hv-connect-request-form');
  const printed = await createConnectRequest(form, {
    name: 'Avery Quinn',
    externalId: 'MRN-42',
    question: 'Name of your first pet?',
    answer: 'Biscuit',
  });
  assert.match(printed, /^[A-Z]{4}(-[A-Z]{4}){4}$/);
  assert.ok(!(await form.textContent()).includes('Biscuit'), 'the answer is shown again');
  assert.ok(await form.locator('[part="qr"] path').count());
  const [created] = await logEntries(page, 'hv-connect-request-created');
  assert.ok(!created.includes(printed) && !created.includes(printed.replaceAll('-', '')), 'the code is in the log');

  // At home, on the clinic's pick-up page, the patient types it sloppily: lower case, spaces instead of dashes.
  await sendCode(page, baseUrl, ` ${printed.toLowerCase().replaceAll('-', ' ')} `);
  await signInOnTheShell(page, 'Avery Quinn');
  await page.getByLabel('Name of your first pet?').fill('biscuit');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Approve and continue' }).click();
  await page.getByRole('button', { name: /^Return to / }).click();
  // CONNECT comes back to the clinic's site (the application's action URL) with no token: nobody signed in there,
  // and the clinic learns of it by polling.
  await page.waitForURL((url) => url.pathname === CLINIC_PAGE);
  await page.locator('hv-connect-button a[href]').waitFor();
  assert.ok(!page.url().includes('wctoken'));
  await walkthroughSettled(page);

  // At the desk: the list shows the connection and tells the host once.
  await page.goto(`${baseUrl}${STAFF_PAGE}`);
  const [authorized] = await logEntries(page, 'hv-connect-request-authorized');
  assert.match(authorized, /MRN-42 → person [0-9a-f-]{36}, record [0-9a-f-]{36}$/);
  await page.locator('hv-connect-request-list [part~="row"]', { hasText: 'MRN-42' }).waitFor();
  assert.deepEqual(problems, []);
}

export async function threeWrongAnswersLockTheCode({ page, baseUrl, problems }) {
  await openDemo(page, baseUrl, 'connect-request');
  await sendCode(page, baseUrl, 'kztr mvnp qdwx hlbc jrsf');
  await signInOnTheShell(page, 'Morgan Blake');
  const answer = page.getByLabel('What was the name of your first pet?');
  for (const wrong of ['Rex', 'Fido']) {
    await answer.fill(wrong);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('#answer-error', { hasText: /left/ }).waitFor();
  }
  await answer.fill('Spot');
  await page.getByRole('button', { name: 'Continue' }).click();
  const locked = /can no longer be used: its question was answered wrongly three times/;
  await page.getByText(locked).waitFor();
  // Even the right answer no longer opens it.
  await page.getByRole('button', { name: 'Return to the application' }).click();
  await page.locator('hv-connect-button a[href]').waitFor();
  await walkthroughSettled(page);
  await sendCode(page, baseUrl, 'KZTR-MVNP-QDWX-HLBC-JRSF');
  await page.getByText(locked).waitFor();
  assert.deepEqual(problems, []);
}

export async function anExpiredCodeSaysSo({ page, baseUrl, problems }) {
  await openDemo(page, baseUrl, 'connect-request-expired');
  await sendCode(page, baseUrl, 'KZTR-MVNP-QDWX-HLBC-JRSF');
  await page
    .getByText(/expired/i)
    .first()
    .waitFor();
  assert.deepEqual(problems, []);
}

export async function aDropOffPackageIsPickedUpWithItsCode({ page, baseUrl, problems }) {
  await openDemo(page, baseUrl, 'pickup-package');
  // The patient says the code is for a package: the field's kind="pickup", the Shell's PICKUP.
  await page.goto(`${baseUrl}${PICKUP_PAGE}`);
  await page.getByLabel('a drop-off package').check();
  const field = page.locator('hv-pickup-code-entry input');
  await field.fill('pkgdwnrtxbqvmzlhcjsy');
  await field.press('Enter');
  await page.waitForURL(/\/shell\/redirect\.aspx\?target=PICKUP&targetqs=packageid%3DPKGDWNRTXBQVMZLHCJSY$/);
  await signInOnTheShell(page, 'Dana Whitfield');
  await page.getByLabel('In which city were you born?').fill('lisbon');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('#package-contents li').first().waitFor();
  await page.getByRole('button', { name: 'Add to the record' }).click();
  await page.getByRole('button', { name: /^Return to / }).click();
  await page.locator('hv-connect-button a[href]').waitFor();
  assert.ok(!page.url().includes('wctoken'));
  assert.deepEqual(problems, []);
}
