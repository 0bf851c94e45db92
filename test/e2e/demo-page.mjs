// What the end-to-end tests do and read on the demo's pages and on partner pages (Playwright `page`), in one place.

/** The pages of the walk-through, in the order it tells the story (see demo/walkthrough/steps.ts). */
export const CLINIC_PAGE = '/walkthrough.html';
export const STAFF_PAGE = '/staff.html';
export const PICKUP_PAGE = '/pickup.html';

/** The lines of the event log's entries of `type` (time, type, summary; not the detail), once there is one. */
export async function logEntries(page, type) {
  const entries = page.locator(`#log li[data-type="${type}"]`);
  await entries.first().waitFor();
  return entries.evaluateAll((items) => items.map((item) => (item.querySelector('summary') ?? item).textContent));
}

/** The platform controls once the page has asked the simulated platform again after a change. */
export const PLATFORM_SETTLED = '#platform:not([aria-busy])';

/**
 * Chooses `scenario` in a demo page's platform controls, which starts the simulated platform over, and waits until
 * the page has asked it again (the controls are `aria-busy` until then): a page left sooner has a request in flight.
 */
export async function chooseScenario(page, scenario) {
  await page.selectOption('#scenario', scenario);
  await page.locator(PLATFORM_SETTLED).waitFor();
}

/**
 * Waits until a walk-through page has its answers to what it asks the simulated platform on load: the clinic's
 * session (its panel follows it) and the staff desk's first poll. A page left sooner leaves a request in flight,
 * which MSW's worker, told that the page is closing, passes on to the web server: a 404 in the console.
 */
export async function walkthroughSettled(page) {
  await page.locator(PLATFORM_SETTLED).waitFor();
  await page.waitForFunction(() => {
    const status = document.getElementById('person')?.dataset.status;
    const list = document.querySelector('hv-connect-request-list');
    const sessionKnown = !document.getElementById('person') || !['unknown', 'connecting', undefined].includes(status);
    const listPolled =
      !list ||
      (customElements.get(list.localName) &&
        !list.matches(':state(polling)') &&
        (list.since || list.matches(':state(failed)')));
    return sessionKnown && listPolled;
  });
}

/** Opens the clinic's page of the walk-through on a fresh simulated platform set to `scenario`, if given. */
export async function openClinic(page, baseUrl, scenario) {
  await page.goto(`${baseUrl}${CLINIC_PAGE}`);
  await page.locator('hv-connect-button a[href]').waitFor();
  await walkthroughSettled(page);
  if (scenario) await chooseScenario(page, scenario);
}

/** Opens the showcase's story `route` (`tag/story`), once its element has rendered. */
export async function openStory(page, baseUrl, route) {
  await page.goto(`${baseUrl}/#/${route}`);
  await page.locator(`#story-frame[data-story="${route}"]`).waitFor();
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
 * Presses the page's connect button (mode popup), signs `person` in on the simulated Shell in the popup and approves;
 * resolves once the popup has closed itself.
 */
export async function authorizeInThePopup(page, context, person) {
  const [popup] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('link', { name: 'Connect to HealthVault' }).click(),
  ]);
  await signInOnTheShell(popup, person);
  await popup.getByRole('button', { name: 'Approve and continue' }).click();
  await popup.waitForEvent('close');
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
