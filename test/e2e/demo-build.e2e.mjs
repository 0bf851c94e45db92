// The static demo (`npm run build:demo`) as a partner hosts it: built with vite.demo.config.ts, served from a path
// of a plain static server (not the dev server): every story and page opens with no console error or warning, and
// a Shell round trip works through the built simulated Shell page.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../../scripts/lib/static-server.mjs';
import { signInOnTheShell, walkthroughSettled } from './demo-page.mjs';
import { showStory, storyRoutes } from './showcase-page.mjs';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const viteCli = join(repoRoot, 'node_modules/vite/bin/vite.js');
/** Any path will do: the build uses relative paths only. */
const HOSTED_AT = '/partner/hv-demo/';

/** Builds the demo into a folder of its own, serves it at HOSTED_AT and runs `use` with the site's URL. */
async function withBuiltDemo(use) {
  const outDir = mkdtempSync(join(tmpdir(), 'hv-demo-'));
  try {
    // As `npm run build:demo` does, in a process of its own: this one runs the dev server, whose development mode
    // a build here would inherit (Lit in dev mode, among others).
    execFileSync(
      process.execPath,
      [viteCli, 'build', '--config', 'vite.demo.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      { cwd: repoRoot, env: { ...process.env, NODE_ENV: 'production' }, stdio: 'inherit' },
    );
    const server = await serveStatic({ pages: {}, folders: { [HOSTED_AT]: outDir } });
    try {
      await use(`${server.origin}${HOSTED_AT}`);
    } finally {
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Console errors and warnings on `page`, every one of them. */
function consoleTrouble(page) {
  const trouble = [];
  page.on('console', (message) => {
    if (['error', 'warning'].includes(message.type())) trouble.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => trouble.push(`uncaught: ${error.message}`));
  return trouble;
}

export async function theBuiltDemoOpensEveryStoryWithoutAConsoleErrorOrWarning({ page }) {
  const trouble = consoleTrouble(page);
  await withBuiltDemo(async (site) => {
    await page.goto(site);
    await page.locator('#story-frame[data-story]').waitFor();
    const routes = await storyRoutes(page);
    assert.ok(routes.length > 30, `${routes.length} stories`);
    for (const route of routes) await showStory(page, route);
    for (const walkthrough of ['walkthrough.html', 'staff.html', 'pickup.html']) {
      await page.goto(`${site}${walkthrough}`);
      await page.locator('#scenario').waitFor();
      await walkthroughSettled(page);
    }
    assert.deepEqual(trouble, []);
  });
}
theBuiltDemoOpensEveryStoryWithoutAConsoleErrorOrWarning.timeoutMs = 90_000;

export async function theBuiltDemoConnectsThroughItsSimulatedShell({ page }) {
  const trouble = consoleTrouble(page);
  await withBuiltDemo(async (site) => {
    await page.goto(`${site}walkthrough.html`);
    await page.getByRole('link', { name: 'Connect to HealthVault' }).click();
    await page.waitForURL(`${site}shell/redirect.aspx/?target=AUTH**`);
    await signInOnTheShell(page, 'Avery Quinn');
    await page.getByRole('button', { name: 'Approve and continue' }).click();
    await page.locator('#person', { hasText: 'Connected: Avery Quinn' }).waitFor();
    assert.equal(page.url(), `${site}walkthrough.html`);
    assert.deepEqual(trouble, []);
  });
}
theBuiltDemoConnectsThroughItsSimulatedShell.timeoutMs = 60_000;
