import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { schemasAvailable, validateAgainstSchema, xsdDir } from './scripts/lib/xsd.mjs';
import { browserPath, chromiumArgs } from './scripts/lib/browsers.mjs';
import { startWebKitDriver } from './scripts/lib/webkit-driver.mjs';

/** Lets browser tests validate XML against the official schemas, in Node: `executeServerCommand('hv-xsd', …)`. */
function xsdPlugin() {
  return {
    name: 'hv-xsd',
    async executeCommand({ command, payload }) {
      if (command !== 'hv-xsd') return undefined;
      if (payload?.probe) return { available: schemasAvailable(), dir: xsdDir, ci: Boolean(process.env.CI) };
      return validateAgainstSchema(payload.schema, payload.xml);
    },
  };
}

/** Prints "wtr: N passed, N failed, N skipped", the plain closing line CI reads. */
function summaryLine() {
  const count = (suite, acc) => {
    for (const t of suite?.tests ?? []) {
      if (t.skipped) acc.skipped++;
      else if (t.passed) acc.passed++;
      else acc.failed++;
    }
    for (const s of suite?.suites ?? []) count(s, acc);
    return acc;
  };
  return {
    stop({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0 };
      for (const s of sessions) {
        count(s.testResults, acc);
        if (!s.passed && s.errors?.length) acc.failed += s.errors.length;
      }
      console.log(`\nwtr: ${acc.passed} passed, ${acc.failed} failed, ${acc.skipped} skipped`);
    },
  };
}

/**
 * The tests of everything that renders or uses a browser API run in all three engines; the pure core's (Shell URLs,
 * XML methods, status codes) and the simulator's platform logic run in Chromium only.
 */
const everyEngine = [
  'test/elements/**/*.test.ts',
  'test/session/**/*.test.ts',
  'test/transport/**/*.test.ts',
  'test/mock/browser.test.ts',
  'test/mock/handlers.test.ts',
  'test/mock/shell-page.test.ts',
];

/** `wtr --group chromium|firefox|webkit` runs one engine; plain `wtr` runs the three, one after the other. */
/** `HV_TEST_FILES=glob` narrows every group to those files (wtr's `--files` does not reach groups). */
const only = (files) => (process.env.HV_TEST_FILES ? [process.env.HV_TEST_FILES] : files);
const wanted = (name) => !process.argv.includes('--group') || process.argv.includes(name);

const webkit = wanted('webkit') ? await startWebKitDriver({ popupsWithoutGesture: true }) : undefined;

export default {
  nodeResolve: { exportConditions: ['browser', 'production'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), xsdPlugin()],
  groups: [
    {
      name: 'chromium',
      files: only(['test/**/*.test.ts', '!test/e2e/**']),
      browsers: [
        playwrightLauncher({
          product: 'chromium',
          launchOptions: { executablePath: browserPath('chromium'), headless: true, args: chromiumArgs },
        }),
      ],
    },
    {
      name: 'firefox',
      files: only(everyEngine),
      browsers: [
        puppeteerLauncher({
          launchOptions: { browser: 'firefox', executablePath: browserPath('firefox'), headless: true },
        }),
      ],
    },
    webkit && {
      name: 'webkit',
      files: only(everyEngine),
      browsers: [
        webdriverLauncher({
          automationProtocol: 'webdriver',
          hostname: '127.0.0.1',
          port: webkit.port,
          path: '/',
          logLevel: 'error',
          capabilities: webkit.capabilities,
        }),
      ],
    },
  ].filter(Boolean),
  concurrency: 1,
  middleware: [
    function mswWorkerAtRoot(ctx, next) {
      if (ctx.url === '/mockServiceWorker.js') ctx.url = '/public/mockServiceWorker.js';
      return next();
    },
  ],
  reporters: [defaultReporter(), summaryLine()],
  // `HV_GREP=text` runs only the tests whose names contain it.
  testFramework: { config: { timeout: 5000, grep: process.env.HV_GREP } },
};
