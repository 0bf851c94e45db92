// axe on the pages a person meets in the walk-through (the clinic's page, the staff desk, the pick-up page) and the
// simulated Shell's pages; the clinic's page by keyboard.
import assert from 'node:assert/strict';
import { CLINIC_PAGE, PICKUP_PAGE, signInOnTheShell, STAFF_PAGE } from './demo-page.mjs';
import { pageForAxe, violations } from './axe.mjs';

export async function demoAndSimulatedShellPassAxe({ browser, baseUrl }) {
  const { page, close } = await pageForAxe(browser);
  try {
    await page.goto(`${baseUrl}${STAFF_PAGE}`);
    await page.locator('hv-connect-request-form [part="form"]').waitFor();
    assert.deepEqual(await violations(page), [], 'staff desk');
    await page.goto(`${baseUrl}${PICKUP_PAGE}`);
    await page.locator('hv-pickup-code-entry input').waitFor();
    assert.deepEqual(await violations(page), [], 'pick-up page');

    await page.goto(`${baseUrl}${CLINIC_PAGE}`);
    await page.locator('hv-connect-button a[href]').waitFor();
    assert.deepEqual(await violations(page), [], 'clinic page');

    await page.getByRole('link', { name: 'Connect to HealthVault' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    assert.deepEqual(await violations(page), [], 'simulated Shell, sign-in');

    await signInOnTheShell(page, 'Avery Quinn');
    await page.getByRole('button', { name: 'Approve and continue' }).waitFor();
    assert.deepEqual(await violations(page), [], 'simulated Shell, authorization');

    await page.getByRole('button', { name: 'Approve and continue' }).click();
    await page.locator('#person', { hasText: 'Connected: Avery Quinn' }).waitFor();
    assert.deepEqual(await violations(page), [], 'clinic page, connected');
  } finally {
    await close();
  }
}

export async function connectButtonWorksByKeyboard({ page, baseUrl }) {
  await page.goto(`${baseUrl}${CLINIC_PAGE}`);
  await page.locator('hv-connect-button a[href]').waitFor();
  // After the walk-through's steps, Tab reaches the button; Enter leaves for the Shell.
  const stepLinks = await page.locator('#steps a').count();
  for (let tab = 0; tab <= stepLinks; tab++) await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('part'));
  assert.equal(focused, 'button');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/shell\/redirect\.aspx\?target=AUTH/);
}

export async function aScenarioIsChosenByKeyboard({ page, baseUrl }) {
  await page.goto(`${baseUrl}${CLINIC_PAGE}`);
  await page.locator('hv-connect-button a[href]').waitFor();
  // Choosing is enough: the arrow key that changes the scenario starts it, with no button to reach.
  await page.locator('#scenario').focus();
  await page.keyboard.press('ArrowDown');
  await page.locator('#log li[data-type="demo"]', { hasText: 'reset to "returning-user"' }).waitFor();
}
