// Screenshots of the main stories for README (light, dark, Spanish, a phone), made from the showcase in headless
// Chromium: `npm run screenshots` writes docs/screenshots/*.png. The e2e test `screenshots` makes them into a
// temporary folder, so a story that stops rendering breaks the test, not only the pictures.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { showStory } from '../test/e2e/showcase-page.mjs';
import { chromiumArgs, chromiumPath } from './lib/browsers.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const screenshotsDir = fileURLToPath(new URL('../docs/screenshots', import.meta.url));

const desktop = { width: 1280, height: 760 };
const phone = { width: 360, height: 740 };

/** README's pictures: a story of the showcase (`tag/story?toggles`), at a viewport. */
export const SHOTS = [
  { file: 'showcase-light.png', route: 'hv-connect-button/redirect?theme=light', viewport: desktop },
  { file: 'badge-dark.png', route: 'hv-auth-status/reauth-required?theme=dark', viewport: desktop },
  { file: 'prompt-spanish.png', route: 'hv-optional-rule-prompt/asking?theme=light&lang=es', viewport: desktop },
  { file: 'code-field-phone.png', route: 'hv-pickup-code-entry/invalid?theme=light', viewport: phone },
];

/** Makes every shot of `shots` from the showcase at `baseUrl` into `outDir`; resolves to the files written. */
export async function takeScreenshots(browser, baseUrl, outDir, shots = SHOTS) {
  mkdirSync(outDir, { recursive: true });
  const written = [];
  for (const { file, route, viewport } of shots) {
    const context = await browser.newContext({ viewport, colorScheme: 'light' });
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/`);
      await showStory(page, route);
      // Let the last words (Spanish, the record lines) arrive and the focus-free page settle.
      await page.waitForLoadState('networkidle');
      // On a phone the sidebar comes first: show the story's element, with its heading.
      if (viewport === phone) {
        await page
          .locator('#story-frame')
          .evaluate((frame) => frame.ownerDocument.defaultView.scrollBy(0, frame.getBoundingClientRect().top - 240));
      }
      const path = `${outDir}/${file}`;
      await page.screenshot({ path });
      written.push(path);
    } finally {
      await context.close();
    }
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await createServer({ root: repoRoot, logLevel: 'error', server: { port: 0 } });
  await server.listen();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    const baseUrl = server.resolvedUrls.local[0].replace(/\/$/, '');
    for (const path of await takeScreenshots(browser, baseUrl, screenshotsDir)) console.log(path);
  } finally {
    await browser.close();
    await server.close();
  }
}
