// axe on every story of the showcase, in both themes and both languages; and the main flow by keyboard alone.
import assert from 'node:assert/strict';
import { logEntries, openStory } from './demo-page.mjs';
import { pageForAxe, violations } from './axe.mjs';
import { showStory, storyRoutes } from './showcase-page.mjs';

/** A test that runs axe on every story in `theme` and `lang`. */
function axeOnEveryStory(theme, lang) {
  const test = async ({ browser, baseUrl }) => {
    const { page, close } = await pageForAxe(browser);
    try {
      await openStory(page, baseUrl, 'hv-connect-button/redirect');
      const found = [];
      for (const route of await storyRoutes(page)) {
        await showStory(page, `${route}?theme=${theme}&lang=${lang}`);
        for (const violation of await violations(page)) found.push(`${route}: ${violation}`);
      }
      assert.deepEqual(found, []);
    } finally {
      await close();
    }
  };
  test.timeoutMs = 180_000;
  return test;
}

export const everyStoryPassesAxeLightEnglish = axeOnEveryStory('light', 'en');
export const everyStoryPassesAxeDarkEnglish = axeOnEveryStory('dark', 'en');
export const everyStoryPassesAxeLightSpanish = axeOnEveryStory('light', 'es');
export const everyStoryPassesAxeDarkSpanish = axeOnEveryStory('dark', 'es');

/** Presses Tab until the focused element (looking into shadow roots) matches `test`; fails after `limit` presses. */
async function tabUntil(page, what, test, limit = 80) {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      let element = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      return {
        tag: element?.localName,
        id: element?.id,
        text: element?.textContent?.trim(),
        part: element?.getAttribute('part'),
      };
    });
    if (test(focused)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

export async function aKeyboardAloneTriesAStoryAndConnectsThroughTheShell({ page, baseUrl, problems }) {
  await page.goto(`${baseUrl}/`);
  await page.locator('#story-frame[data-story]').waitFor();
  // Pick a story in the sidebar.
  await tabUntil(page, 'the story "A returning user"', (focused) => focused.text === 'A returning user');
  await page.keyboard.press('Enter');
  await page.locator('#story-frame[data-story="hv-connect-button/returning-user"]').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'story-title');
  // Change a control: force-app-auth makes the Shell ask again although Jordan authorized before.
  await tabUntil(page, 'the force-app-auth control', (focused) => focused.id === 'control-force-app-auth');
  await page.keyboard.press('Space');
  await page.locator('#log li[data-type="demo"]', { hasText: 'force-app-auth set' }).waitFor();
  // Back to the top of the page, past the sidebar with the skip link, then on to the button in the story's frame.
  await page.evaluate(() => document.activeElement.blur());
  await tabUntil(page, 'the skip link', (focused) => focused.text === 'Skip to the story');
  await page.keyboard.press('Enter');
  await tabUntil(page, 'the connect button', (focused) => focused.part === 'button');
  await page.keyboard.press('Enter');

  // The simulated Shell, by keyboard: the first person is chosen; sign in, then approve.
  await page.waitForURL(/\/shell\/redirect\.aspx\?target=AUTH/);
  await tabUntil(page, 'Sign in', (focused) => focused.text === 'Sign in');
  await page.keyboard.press('Enter');
  await tabUntil(page, 'Approve and continue', (focused) => focused.text === 'Approve and continue');
  await page.keyboard.press('Enter');

  // Back on the same story, connected.
  await page.locator('#story-frame[data-story="hv-connect-button/returning-user"]').waitFor();
  const [authorized] = await logEntries(page, 'hv-authorized');
  assert.match(authorized, /AppAuthSuccess: Jordan Lee/);
  await page.locator('hv-connect-button [part="connected"]', { hasText: 'Jordan Lee' }).waitFor();
  assert.deepEqual(problems, []);
}
