// End-to-end tests: `node scripts/e2e.mjs [name filter]`.
//
// Every test/e2e/*.e2e.mjs exports async functions; each export is one test (files and exports in alphabetical
// order, one after the other), on a fresh browser context:
//   export async function demoLoads({ page, context, browser, baseUrl, problems }) { … }
// `page` is a Playwright page in headless Chromium. A file that exports `engines` (e.g. ['chromium', 'firefox',
// 'webkit']) runs each test once per engine instead, with `page` an EnginePage (scripts/lib/engine-page.mjs) driven
// by that engine's own driver; such tests are named "file › test [engine]".
// `baseUrl`: the demo's Vite dev server, no trailing slash. `problems`: what went wrong on `page` so far, as text
// (console errors, uncaught exceptions, Content-Security-Policy violations); `assert.deepEqual(problems, [])`.
// A test has 30 s; one that does more names its own limit (`myTest.timeoutMs = 90_000`).
// A test fails by throwing (node:assert/strict). On failure: a screenshot in .ci-artifacts/ and the page's problems.
// Ends with the line "e2e: N passed, N failed"; exit code 1 when any test failed.
import { mkdirSync, readdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { chromiumArgs, chromiumPath } from './lib/browsers.mjs';
import { launchEngine, reportProblems } from './lib/engine-page.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const testDir = resolve(repoRoot, 'test/e2e');
const artifactsDir = resolve(repoRoot, '.ci-artifacts');
const testTimeoutMs = 30_000;

/** @returns {Promise<Array<{ name: string, run: Function, engine?: string }>>} */
async function collectTests(filter) {
  const files = readdirSync(testDir)
    .filter((file) => file.endsWith('.e2e.mjs'))
    .sort();
  const tests = [];
  for (const file of files) {
    const module = await import(pathToFileURL(resolve(testDir, file)).href);
    for (const [exportName, run] of Object.entries(module)) {
      if (typeof run !== 'function') continue;
      const name = `${basename(file, '.e2e.mjs')} › ${exportName}`;
      for (const engine of module.engines ?? [undefined]) {
        const test = engine ? { name: `${name} [${engine}]`, run, engine } : { name, run };
        if (!filter || test.name.includes(filter)) tests.push(test);
      }
    }
  }
  return tests;
}

async function runOne(test, browser, baseUrl) {
  const context = await browser.newContext();
  await context.addInitScript(reportCspViolations);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems = [];
  reportProblems(page, problems);
  return timed(
    test,
    { page, context, browser, baseUrl, problems },
    () => screenshot(page, test.name),
    () => context.close(),
  );
}

/** Runs a test of a file that names its engines, on a fresh page of `engine` (see scripts/lib/engine-page.mjs). */
async function runInEngine(test, engine, baseUrl) {
  const problems = [];
  const { page, close } = await engine.open(problems);
  return timed(test, { page, baseUrl, problems, engine: test.engine }, () => screenshot(page, test.name), close);
}

/** Runs `test` with `args` within the time limit; reports it; on failure shows the problems and calls `onFailure`. */
async function timed(test, args, onFailure, cleanUp) {
  const started = performance.now();
  try {
    let timer;
    const timeout = new Promise((_, reject) => {
      // A test that does more (every story of the showcase, say) names its own limit: `test.timeoutMs = …`.
      const limitMs = test.run.timeoutMs ?? testTimeoutMs;
      timer = setTimeout(() => reject(new Error(`timed out after ${limitMs} ms`)), limitMs);
    });
    await Promise.race([test.run(args), timeout]).finally(() => clearTimeout(timer));
    console.log(`  ✓ ${test.name} (${elapsed(started)})`);
    return true;
  } catch (error) {
    console.log(`  ✗ ${test.name} (${elapsed(started)})\n${indent(error?.stack ?? String(error))}`);
    if (args.problems.length) console.log(indent(`the page reported:\n${args.problems.join('\n')}`));
    await onFailure();
    return false;
  } finally {
    await cleanUp();
  }
}

async function screenshot(page, testName) {
  mkdirSync(artifactsDir, { recursive: true });
  const path = resolve(artifactsDir, `e2e-${testName.replace(/\W+/g, '-')}.png`);
  try {
    await page.screenshot({ path, fullPage: true, timeout: 5_000 });
    console.log(indent(`screenshot: ${path}`));
  } catch (error) {
    console.log(indent(`(no screenshot: ${error.message})`));
  }
}

/** Runs in every page before its own scripts (injected by the browser, so the page's CSP does not block it). */
function reportCspViolations() {
  document.addEventListener('securitypolicyviolation', (event) =>
    console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`),
  );
}

const elapsed = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const indent = (text) => text.replace(/^/gm, '      ');

const tests = await collectTests(process.argv[2]);
const server = await createServer({ root: repoRoot, server: { port: 0 }, logLevel: 'warn', clearScreen: false });
await server.listen();
const baseUrl = server.resolvedUrls.local[0].replace(/\/$/, '');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const engines = new Map();
const counts = { passed: 0, failed: 0 };
try {
  console.log(`e2e: ${tests.length} tests against ${baseUrl}`);
  for (const test of tests) {
    let passed;
    if (test.engine) {
      if (!engines.has(test.engine)) engines.set(test.engine, await launchEngine(test.engine));
      passed = await runInEngine(test, engines.get(test.engine), baseUrl);
    } else {
      passed = await runOne(test, browser, baseUrl);
    }
    counts[passed ? 'passed' : 'failed']++;
  }
} finally {
  for (const engine of engines.values()) await engine.close();
  await browser.close();
  await server.close();
}
console.log(`e2e: ${counts.passed} passed, ${counts.failed} failed`);
process.exitCode = counts.failed ? 1 : 0;
