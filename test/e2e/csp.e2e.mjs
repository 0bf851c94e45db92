// The cdn bundles on a partner page under the strictest policy the kit promises to work with, each loaded twice
// (a second copy on a page must not throw). Served as they were built: run `npm run build` first.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { serveStatic } from '../../scripts/lib/static-server.mjs';
import { cdnDir, strictPolicy } from './partner-server.mjs';

/** Opens a partner page with `scripts` in its head and one connect button, served under the strict policy. */
async function onPartnerPage(page, scripts, check) {
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Partner page</title>
    ${scripts}
  </head>
  <body>
    <hv-connect-button
      app-id="9ca84d74-1473-471d-940f-2699cb7198df"
      shell="us"
      redirect-url="https://partner.example/return"
      allowed-redirect-origins="https://partner.example"
    >
      Connect to HealthVault
    </hv-connect-button>
  </body>
</html>`;
  const server = await serveStatic({
    pages: { '/': html },
    folders: { '/cdn/': cdnDir },
    headers: { 'Content-Security-Policy': strictPolicy },
  });
  try {
    await page.goto(`${server.origin}/`);
    await check();
  } finally {
    await server.close();
  }
}

async function expectAuthLinkWithoutProblems(page, problems, scriptUrls) {
  const href = await page.locator('hv-connect-button a[href]').getAttribute('href');
  assert.ok(href.startsWith('https://account.healthvault.com/redirect.aspx?target=AUTH'), href);
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
  for (const url of scriptUrls)
    assert.ok(
      loaded.some((name) => name.endsWith(url)),
      `${url} was not loaded`,
    );
  assert.deepEqual(problems, []);
}

export async function moduleBundleWorksUnderStrictCspLoadedTwice({ page, problems }) {
  // The same URL would be evaluated once (module map), so the second copy has its own URL.
  const urls = ['/cdn/hv-elements.js', '/cdn/hv-elements.js?again'];
  const scripts = urls.map((url) => `<script type="module" src="${url}"></script>`).join('');
  await onPartnerPage(page, scripts, () => expectAuthLinkWithoutProblems(page, problems, urls));
}

export async function classicBundleWorksUnderStrictCspLoadedTwice({ page, problems }) {
  const url = '/cdn/hv-elements.iife.js';
  const scripts = `<script src="${url}"></script>`.repeat(2);
  await onPartnerPage(page, scripts, () => expectAuthLinkWithoutProblems(page, problems, [url]));
}

/** The names the cdn module declares (dist/cdn.d.ts): its public API, whatever else the bundler adds to it. */
function publicCdnExports() {
  const declarations = fileURLToPath(new URL('../../dist/cdn.d.ts', import.meta.url));
  // Its own export statements are all that is needed: no import is resolved, which keeps this under a second.
  const program = ts.createProgram([declarations], { noEmit: true, noResolve: true, types: [] });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(declarations));
  return checker.getExportsOfModule(module).map((symbol) => symbol.name);
}

export async function classicBundleHandsOutOnlyPublicNames({ page }) {
  await onPartnerPage(page, '<script src="/cdn/hv-elements.iife.js"></script>', async () => {
    const { names, frozen } = await page.evaluate(async () => {
      const exports = await window.HvElements;
      return { names: Object.keys(exports), frozen: Object.isFrozen(exports) };
    });
    assert.deepEqual(names.sort(), publicCdnExports().sort());
    assert.ok(frozen, 'window.HvElements resolves to a frozen object');
  });
}

/** The tag `npm run cdn-tag` prints, pointed at `/cdn/` here instead of jsDelivr (no network in tests). */
function cdnTagServedHere() {
  const script = fileURLToPath(new URL('../../scripts/cdn-tag.mjs', import.meta.url));
  const tag = execFileSync(process.execPath, [script], { encoding: 'utf8' }).trim();
  assert.match(tag, /src="https:\/\/cdn\.jsdelivr\.net\/npm\/hv-elements@\d+\.\d+\.\d+\/dist\/cdn\/hv-elements\.js"/);
  return tag.replace(/src="[^"]+"/, 'src="/cdn/hv-elements.js"');
}

export async function theReadmeCdnTagLoadsWithItsIntegrityHash({ page, problems }) {
  await onPartnerPage(page, cdnTagServedHere(), () =>
    expectAuthLinkWithoutProblems(page, problems, ['/cdn/hv-elements.js']),
  );
}

export async function aCdnModuleThatDoesNotMatchItsHashIsNotRun({ page, problems }) {
  const tampered = cdnTagServedHere().replace(/integrity="sha384-[^"]+"/, `integrity="sha384-${'A'.repeat(64)}"`);
  await onPartnerPage(page, tampered, async () => {
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => customElements.get('hv-connect-button')), undefined);
    assert.ok(
      problems.some((problem) => /integrity/i.test(problem)),
      problems.join('\n'),
    );
    problems.length = 0; // the refusal is what this test expects
  });
}
