// What the demo's end-to-end tests read off the demo page (Playwright `page`), in one place.

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
