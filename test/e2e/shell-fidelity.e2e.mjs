// The simulated Shell feels like the Shell, through the demo: Cancel on its sign-in page declines, its words follow
// the culture the button sends, the application's privacy statement opens beside the authorization, and its error
// page leads back to the application.
import assert from 'node:assert/strict';
import { pageForAxe, violations } from './axe.mjs';
import { CLINIC_PAGE, logEntries, openClinic, recordNavigations, signInOnTheShell } from './demo-page.mjs';

const connectLink = (page) => page.locator('hv-connect-button a[href]');

export async function cancelOnTheShellSignInComesBackDeclined({ page, baseUrl, problems }) {
  const navigations = recordNavigations(page);
  await openClinic(page, baseUrl, 'new-user');
  await connectLink(page).click();
  await page.getByRole('heading', { name: 'Sign in to HealthVault' }).waitFor();
  await page.getByRole('button', { name: 'Cancel' }).click();

  const [denied] = await logEntries(page, 'hv-denied');
  assert.match(denied, /rejected; action=demo-return/);
  await page.locator('hv-connect-button', { hasText: 'HealthVault access was not granted.' }).waitFor();
  const returned = new URL(navigations.find((url) => url.includes('target=AppAuthReject')));
  assert.ok(returned.searchParams.get('actionqs'), 'the actionqs came back');
  assert.deepEqual(problems, []);
}

export async function aSpanishButtonGetsTheShellInSpanish({ page, baseUrl, problems }) {
  await openClinic(page, baseUrl, 'new-user');
  // The button sends its language as targetqs culture.
  await page.locator('hv-connect-button').evaluate((button) => button.setAttribute('lang', 'es-MX'));
  await page.waitForFunction(() =>
    document
      .querySelector('hv-connect-button')
      .shadowRoot.querySelector('a[href]')
      ?.href.toLowerCase()
      .includes('culture%3des-mx'),
  );
  await connectLink(page).click();

  await page.getByRole('heading', { name: 'Iniciar sesión en HealthVault' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'es');
  assert.equal(await page.title(), 'HealthVault (Shell simulado)');
  assert.match(await page.locator('#shell-notice').textContent(), /^Shell simulado de HealthVault/);
  await page.getByLabel('Avery Quinn').check();
  await page.getByRole('button', { name: 'Iniciar sesión' }).click();
  await page.getByRole('heading', { name: 'Autorizar a hv-elements Demo Clinic' }).waitFor();
  await page.getByRole('button', { name: 'Aprobar y continuar' }).click();

  const [authorized] = await logEntries(page, 'hv-authorized');
  assert.match(authorized, /AppAuthSuccess: Avery Quinn/);
  assert.deepEqual(problems, []);
}

export async function thePrivacyStatementOpensBesideTheAuthorization({ page, context, baseUrl, problems }) {
  await openClinic(page, baseUrl, 'new-user');
  await connectLink(page).click();
  await signInOnTheShell(page, 'Avery Quinn');
  const [privacy] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('link', { name: /^Privacy statement of hv-elements Demo Clinic/ }).click(),
  ]);
  await privacy.waitForLoadState();
  const opened = new URL(privacy.url());
  assert.equal(`${opened.origin}${opened.pathname}`, `${baseUrl}${CLINIC_PAGE}`, 'the clinic, at its return address');
  assert.ok(!privacy.url().includes('actionqs'), 'no round-trip state: it stays for the authorization');
  await privacy.getByText('Privacy statement of the demo clinic', { exact: false }).waitFor();
  await privacy.close();

  // The authorization waited in its own tab.
  await page.getByRole('button', { name: 'Approve and continue' }).click();
  await logEntries(page, 'hv-authorized');
  assert.deepEqual(problems, []);
}

export async function theShellErrorPageLeadsBackToTheApplication({ page, baseUrl }) {
  const targetqs = new URLSearchParams({
    appid: await demoAppId(page, baseUrl),
    redirect: `${baseUrl}${CLINIC_PAGE}`,
    onopt1: 'no-such-rule',
  });
  await page.goto(`${baseUrl}/shell/redirect.aspx?target=AUTH&targetqs=${encodeURIComponent(targetqs)}`);
  await page.getByRole('heading', { name: 'HealthVault cannot continue' }).waitFor();
  assert.match(await page.locator('#shell-error').textContent(), /no optional online rule named "no-such-rule"/);
  await page.getByRole('button', { name: 'Return to the application' }).click();
  await connectLink(page).waitFor();
  assert.equal(new URL(page.url()).pathname, CLINIC_PAGE);
}

export async function theSpanishShellAndItsErrorPagePassAxe({ browser, baseUrl }) {
  const { page, close } = await pageForAxe(browser);
  try {
    const appid = await demoAppId(page, baseUrl);
    const shell = (params) =>
      `${baseUrl}/shell/redirect.aspx?target=AUTH&targetqs=${encodeURIComponent(new URLSearchParams(params))}`;
    await page.goto(shell({ appid, culture: 'es-ES' }));
    await page.getByRole('button', { name: 'Iniciar sesión' }).waitFor();
    assert.deepEqual(await violations(page), [], 'sign-in, in Spanish');
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.getByRole('button', { name: 'Aprobar y continuar' }).waitFor();
    assert.deepEqual(await violations(page), [], 'authorization, in Spanish');
    await page.goto(shell({ appid: 'not-a-guid' }));
    await page.locator('#close-tab').waitFor();
    assert.deepEqual(await violations(page), [], 'error page');
  } finally {
    await close();
  }
}

/** The demo application's id, as its connect button sends it. */
async function demoAppId(page, baseUrl) {
  await page.goto(`${baseUrl}${CLINIC_PAGE}`);
  const href = await connectLink(page).getAttribute('href');
  const targetqs = new URLSearchParams(new URL(href).searchParams.get('targetqs'));
  return targetqs.get('appid');
}
