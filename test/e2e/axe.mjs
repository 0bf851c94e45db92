// axe-core on a Playwright page, for the e2e tests that check accessibility.
import { createRequire } from 'node:module';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe's violations on the page as it is now, one line each (axe is injected once per document). */
export async function violations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const found = await page.evaluate(async () => (await window.axe.run(document)).violations);
  return found.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** A page of its own, without the dev server's CSP, so that axe can be injected into it. */
export async function pageForAxe(browser) {
  const context = await browser.newContext({ bypassCSP: true });
  return { page: await context.newPage(), close: () => context.close() };
}
