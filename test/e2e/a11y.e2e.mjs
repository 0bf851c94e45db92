// axe on the pages a person meets: the demo with the connect button, and the simulated Shell's pages.
import assert from 'node:assert/strict';
import { pageForAxe, violations } from './axe.mjs';
import { signInOnTheShell } from './demo-page.mjs';

export async function demoAndSimulatedShellPassAxe({ browser, baseUrl }) {
  const { page, close } = await pageForAxe(browser);
  try {
    await page.goto(`${baseUrl}/`);
    await page.locator('hv-connect-button a[href]').waitFor();
    assert.deepEqual(await violations(page), [], 'demo page');

    await page.getByRole('link', { name: 'Connect to HealthVault' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    assert.deepEqual(await violations(page), [], 'simulated Shell, sign-in');

    await signInOnTheShell(page, 'Avery Quinn');
    await page.getByRole('button', { name: 'Approve and continue' }).waitFor();
    assert.deepEqual(await violations(page), [], 'simulated Shell, authorization');

    await page.getByRole('button', { name: 'Approve and continue' }).click();
    await page.locator('#person', { hasText: 'Connected: Avery Quinn' }).waitFor();
    assert.deepEqual(await violations(page), [], 'demo page, connected');
  } finally {
    await close();
  }
}

export async function connectButtonWorksByKeyboard({ page, baseUrl }) {
  await page.goto(`${baseUrl}/`);
  await page.locator('hv-connect-button a[href]').waitFor();
  // The button is the first focusable thing on the demo page: Tab, then Enter leaves for the Shell.
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('part'));
  assert.equal(focused, 'button');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/shell\/redirect\.aspx\?target=AUTH/);
}

export async function aScenarioIsChosenByKeyboard({ page, baseUrl }) {
  await page.goto(`${baseUrl}/`);
  await page.locator('hv-connect-button a[href]').waitFor();
  // Choosing is enough: the arrow key that changes the scenario starts it, with no button to reach.
  await page.locator('#scenario').focus();
  await page.keyboard.press('ArrowDown');
  await page.locator('#log li[data-type="demo"]', { hasText: 'reset to "returning-user"' }).waitFor();
}
