// What the end-to-end tests do and read on the demo's pages and on partner pages (Playwright `page`), in one place.

/** The texts of the event log's entries of `type`, once there is one. */
export async function logEntries(page, type) {
  const entries = page.locator(`#log li[data-type="${type}"]`);
  await entries.first().waitFor();
  return entries.allTextContents();
}

/** What the panel says once it says `text` (it follows the session, which settles after the events). */
export async function panelSays(page, text) {
  const panel = page.locator('#person', { hasText: text });
  await panel.waitFor();
  return panel.textContent();
}

/** Every URL the page navigates to, to check what the Shell sent back. */
export function recordNavigations(page) {
  const urls = [];
  page.on('framenavigated', (frame) => frame === page.mainFrame() && urls.push(frame.url()));
  return urls;
}

/** Signs `person` in on the simulated Shell's page (`shell`: the page or the popup showing it). */
export async function signInOnTheShell(shell, person) {
  await shell.getByLabel(person).check();
  await shell.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Fills `<hv-connect-request-form>` (a Playwright locator) as staff do and creates the request: resolves to the
 * identity code it shows.
 */
export async function createConnectRequest(form, { name, externalId, question, answer }) {
  await form.getByLabel("Patient's name, as HealthVault will show it").fill(name);
  await form.getByLabel("Patient's id in your system").fill(externalId);
  await form.getByLabel('Secret question').fill(question);
  await form.getByLabel('Answer', { exact: true }).fill(answer);
  await form.getByRole('button', { name: 'Create the request' }).click();
  return form.locator('[part="code"]').textContent();
}

/** Opens the demo on a fresh simulated platform set to `scenario` (choosing a scenario starts it). */
export async function openDemo(page, baseUrl, scenario) {
  await page.goto(`${baseUrl}/`);
  await page.locator('hv-connect-button a[href]').waitFor();
  await page.selectOption('#scenario', scenario);
}
