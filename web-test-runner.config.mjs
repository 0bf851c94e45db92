import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { schemasAvailable, validateAgainstSchema, xsdDir } from './scripts/lib/xsd.mjs';
import { chromiumArgs, chromiumPath } from './scripts/lib/chromium.mjs';

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

export default {
  files: ['test/**/*.test.ts', '!test/e2e/**'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), xsdPlugin()],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: chromiumPath(), headless: true, args: chromiumArgs },
    }),
  ],
  middleware: [
    function mswWorkerAtRoot(ctx, next) {
      if (ctx.url === '/mockServiceWorker.js') ctx.url = '/public/mockServiceWorker.js';
      return next();
    },
  ],
  reporters: [defaultReporter(), summaryLine()],
  testFramework: { config: { timeout: 5000 } },
};
