// What the showcase's e2e tests do and read on the showcase (index.html): its stories, their elements and previews.
import { readFileSync } from 'node:fs';

/** custom-elements.json, which the showcase's controls are generated from. */
export const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'));

/** Every story the sidebar lists, as `tag/story`. */
export async function storyRoutes(page) {
  return page.locator('#stories a').evaluateAll((links) => links.map((link) => link.getAttribute('href').slice(2)));
}

/** Shows the story `route` (`tag/story?toggles` with the same page), once its element has rendered and settled. */
export async function showStory(page, route) {
  await page.evaluate((hash) => (location.hash = hash), `#/${route}`);
  const [path] = route.split('?');
  await page.locator(`#story-frame[data-story="${path}"]`).waitFor();
  await untilThePreviewShowsItsState(page);
}

/** For a preview, waits until its element shows the state the preview names; resolves with it (undefined if live). */
export async function untilThePreviewShowsItsState(page) {
  const note = page.locator('#preview-note');
  if (!(await note.count())) return undefined;
  const state = await note.getAttribute('data-state');
  if (!state) return undefined;
  const tag = (await page.locator('#story-frame').getAttribute('data-story')).split('/')[0];
  await page
    .waitForFunction(
      ([tagName, name]) => document.querySelector(`#story-frame ${tagName}`)?.matches(`:state(${name})`),
      [tag, state],
      { timeout: 8_000 },
    )
    .catch((error) => {
      throw new Error(`<${tag}> never showed :state(${state}): ${error.message}`);
    });
  return state;
}

/** Types `text` key by key over what `control` holds, as a person does, without committing it. */
export async function typeOver(page, control, text) {
  await page.locator(control).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.locator(control).pressSequentially(text);
}
