// `npm test`: every check of the project in one run, ending with the line "N passed, N failed".
//   1. Chromium, Firefox ESR and WebKitGTK (Debian's packages, installed via apt when running as root and missing)
//   2. typecheck, build and the size budgets (each counts as one failed test when it fails)
//   3. browser tests (web-test-runner, one group after the other: Chromium, Firefox, WebKit, Trusted Types)   4. Node tests against dist/ (node --test test/node/)   5. e2e (scripts/e2e.mjs)
// The final line sums the tests of 3–5 plus failed checks; the exit code is non-zero when anything failed.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureBrowsers } from './lib/ensure-browsers.mjs';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));

const totals = { passed: 0, failed: 0 };
const started = performance.now();

/** Runs a command with its output shown as it comes; resolves to its exit code and stdout+stderr. */
function run(command, args) {
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk;
        (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
      });
    }
    child.on('error', (error) => done({ code: 1, output: `${output}\n${error.message}` }));
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
}

function heading(title) {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\n=== ${title} (t=${seconds} s)`);
}

/** A step that is not itself a list of tests: passing adds nothing, failing counts as one failed test. */
async function check(title, command, args) {
  heading(title);
  const { code } = await run(command, args);
  if (code !== 0) {
    console.log(`${title}: FAILED (exit code ${code})`);
    totals.failed++;
  }
}

/**
 * A test runner step: its counts come from its own summary, read with `pattern` (groups: passed, failed).
 * A run that exits non-zero without failing tests, or prints no summary, crashed: one failed test.
 */
async function tests(title, command, args, pattern) {
  heading(title);
  const { code, output } = await run(command, args);
  const summary = [...output.matchAll(pattern)].at(-1);
  const passed = summary ? Number(summary.groups.passed) : 0;
  const failed = summary ? Number(summary.groups.failed) : 0;
  totals.passed += passed;
  totals.failed += failed || (code !== 0 ? 1 : 0);
  if (!summary || (code !== 0 && !failed)) console.log(`${title}: exited with code ${code} without a test summary`);
}

function finish() {
  console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
  process.exit(totals.failed ? 1 : 0);
}

heading('browsers');
try {
  for (const [engine, path] of Object.entries(ensureBrowsers())) console.log(`${engine}: ${path}`);
} catch (error) {
  console.error(error.message);
  totals.failed++;
  finish();
}

const bin = (name) => `node_modules/.bin/${name}`;
await check('typecheck', bin('tsc'), ['-p', '.']);
await check('build', 'npm', ['run', '-s', 'build']);
await check('size budgets (npm run bench -- --size)', 'node', ['scripts/bench.mjs', '--size']);
// One group after the other: run together, the trusted-types group's Firefox window takes the focus from the
// firefox group's page (its keyboard tests then see no :focus-visible), and its WebKit session finds WebKitDriver's
// only session taken.
for (const group of ['chromium', 'firefox', 'webkit', 'trusted-types']) {
  await tests(
    `browser tests (web-test-runner --group ${group})`,
    bin('wtr'),
    ['--group', group],
    /^wtr: (?<passed>\d+) passed, (?<failed>\d+) failed/gm,
  );
}
// Node's spec reporter ends with "ℹ pass N" … "ℹ fail N".
await tests(
  'Node tests (node --test test/node/)',
  process.execPath,
  ['--test', '--test-reporter=spec', 'test/node/'],
  /^ℹ pass (?<passed>\d+)\n(?:.*\n)*?ℹ fail (?<failed>\d+)/gm,
);
await tests(
  'end-to-end tests (scripts/e2e.mjs)',
  process.execPath,
  ['scripts/e2e.mjs'],
  /^e2e: (?<passed>\d+) passed, (?<failed>\d+) failed/gm,
);
finish();
