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

/** Runs on a page that enforces Trusted Types, in every engine (see the group's `testRunnerHtml`). */
const trustedTypesTest = 'test/transport/trusted-types-enforced.test.ts';

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
  `!${trustedTypesTest}`,
];

/**
 * `wtr --group chromium|firefox|webkit|trusted-types` runs one group; plain `wtr` runs them all.
 * `HV_TEST_FILES=glob` narrows every group to those files (wtr's `--files` does not reach groups). */
const only = (files) => (process.env.HV_TEST_FILES ? [process.env.HV_TEST_FILES] : files);
const wanted = (name) => !process.argv.includes('--group') || process.argv.includes(name);

const chromium = () =>
  playwrightLauncher({
    product: 'chromium',
    launchOptions: { executablePath: browserPath('chromium'), headless: true, args: chromiumArgs },
  });
const firefox = () =>
  puppeteerLauncher({ launchOptions: { browser: 'firefox', executablePath: browserPath('firefox'), headless: true } });
const webKitDriver =
  wanted('webkit') || wanted('trusted-types') ? await startWebKitDriver({ popupsWithoutGesture: true }) : undefined;
const webkit =
  webKitDriver &&
  (() =>
    webdriverLauncher({
      automationProtocol: 'webdriver',
      hostname: '127.0.0.1',
      port: webKitDriver.port,
      path: '/',
      logLevel: 'error',
      capabilities: webKitDriver.capabilities,
    }));

export default {
  nodeResolve: { exportConditions: ['browser', 'production'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), xsdPlugin()],
  groups: [
    {
      name: 'chromium',
      files: only(['test/**/*.test.ts', '!test/e2e/**', `!${trustedTypesTest}`]),
      browsers: [chromium()],
    },
    { name: 'firefox', files: only(everyEngine), browsers: [firefox()] },
    webkit && { name: 'webkit', files: only(everyEngine), browsers: [webkit()] },
    {
      name: 'trusted-types',
      files: only([trustedTypesTest]),
      testRunnerHtml: (testFramework) =>
        `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" ` +
        `content="require-trusted-types-for 'script'"></head>` +
        `<body><script type="module" src="${testFramework}"></script></body></html>`,
      browsers: [chromium(), firefox(), webkit?.()].filter(Boolean),
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
  testFramework: { config: { timeout: 5000 } },
};
