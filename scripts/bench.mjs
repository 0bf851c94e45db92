// `npm run bench`: prints the figures behind the budgets and exits non-zero when one is over.
//   - raw and gzip (level 9) sizes of both cdn bundles and of the connect button alone (Lit included);
//   - in headless Chromium, a partner page with the elements: requests before first paint, layout shift and the
//     time until the button has rendered (left out with `--size`, the part `npm test` runs).
// Builds first when dist/ is missing or older than src/.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { chromiumArgs, chromiumPath } from './lib/browsers.mjs';
import { minifyTemplatesPlugin } from './lib/minify-templates.mjs';
import { servedOutput } from './lib/served-output.mjs';
import { reserveBoxRules } from './lib/readme-snippets.mjs';
import { moduleGraph } from './lib/module-graph.mjs';
import { runLoadBench } from './lib/load-bench.mjs';
import { serveStatic } from './lib/static-server.mjs';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));

const kB = 1000;
const budgets = {
  pageScript: 20 * kB,
  connectButtonAlone: 12 * kB,
  requests: 0,
  layoutShift: 0,
  // A clinic list of a thousand badges for one person: requests shared, rendered soon after the answer.
  thousandBadgesProxyCalls: 2,
  thousandBadgesRenderMs: 100,
  // A clinic's backlog: GetAuthorizedConnectRequests with 10,000 requests, read (parsed and decoded) in the browser.
  backlogReadMs: 100,
};
const sizeOnly = process.argv.includes('--size');
/** `--load`: only the proxy under load (scripts/lib/load-bench.mjs). */
const loadOnly = process.argv.includes('--load');
/** The figures over their budget, for the exit code. */
const over = [];
const cdnDir = 'dist/cdn';
const esEntry = 'hv-elements.js';
const iifeEntry = 'hv-elements.iife.js';
const loads = 5;

function newestModification(dir) {
  return Math.max(
    ...readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs),
  );
}

function buildIfStale() {
  const built = join(cdnDir, esEntry);
  if (existsSync(built) && statSync(built).mtimeMs >= newestModification('src')) return;
  console.log('dist/ is missing or older than src/: npm run build');
  try {
    execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
  } catch {
    console.error('bench: the build failed (see above), nothing to measure');
    process.exit(1);
  }
}

const gzipSize = (code) => gzipSync(code, { level: 9 }).length;

/** An element as a page would get it from its define entry (`src/define/<name>.ts`), with Lit, minified. */
async function bundleAlone(name) {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      target: 'es2022',
      lib: { entry: `src/define/${name}.ts`, formats: ['es'], fileName: name },
      // As the cdn build (vite.config.ts) does.
      rolldownOptions: { preserveEntrySignatures: 'allow-extension', output: servedOutput },
    },
    plugins: [minifyTemplatesPlugin()],
  });
  const chunks = (Array.isArray(output) ? output[0] : output).output.filter((item) => item.type === 'chunk');
  const entry = chunks.find((chunk) => chunk.isEntry);
  const eager = [entry, ...chunks.filter((chunk) => entry.imports.includes(chunk.fileName))];
  return {
    files: eager.map((chunk) => ({ file: chunk.fileName, code: Buffer.from(chunk.code) })),
    modules: eager
      .flatMap((chunk) => Object.entries(chunk.modules))
      .map(([id, { renderedLength }]) => ({
        name: id.replace(/^.*\/node_modules\//, '').replace(`${process.cwd()}/`, ''),
        renderedLength,
      })),
  };
}

/** A table row; without a budget the figures are for information. */
function sizeRow(label, files, budget) {
  const raw = files.reduce((sum, { code }) => sum + code.length, 0);
  const gzip = files.reduce((sum, { code }) => sum + gzipSize(code), 0);
  if (budget !== undefined && gzip > budget) over.push(label);
  const verdict = budget === undefined ? [] : [`≤ ${formatKb(budget)}`, gzip <= budget ? 'OK' : 'OVER'];
  return [label, formatKb(raw), formatKb(gzip), ...verdict];
}

/** `--bytes`: sizes in bytes, to see what a change costs below the rounding of kB. */
const formatKb = (bytes) => (process.argv.includes('--bytes') ? `${bytes} B` : `${(bytes / kB).toFixed(1)} kB`);

/** The rules README.md gives partners to reserve the elements' boxes until the script has run. */
const reserveBoxRule = reserveBoxRules();

/** What a browser sees loading a partner page with the elements (cdn ES module), `loads` times, cold. */
async function measureInChromium({ partnerCss, handle = signedOut }) {
  const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>hv-elements bench</title>
    <style>${partnerCss}</style>
    <script type="module" src="/cdn/${esEntry}"></script>
  </head>
  <body>
    <h1>Partner page</h1>
    <p>Connect your HealthVault record to share your readings with us.</p>
    <hv-config app-id="9ca84d74-1473-471d-940f-2699cb7198df" shell="us" proxy-url="/hv-proxy">
      <hv-connect-button redirect-url="https://partner.example/return" allowed-redirect-origins="https://partner.example">
        Connect to HealthVault
      </hv-connect-button>
      <hv-auth-status no-connect></hv-auth-status>
      <hv-optional-rule-prompt rule="lab-results"></hv-optional-rule-prompt>
      <form action="/pick-up"><hv-pickup-code-entry name="code" kind="connect"></hv-pickup-code-entry></form>
    </hv-config>
    <p>Text below the button moves if the button changes size as it renders.</p>
  </body>
</html>`;
  return measureLoads({
    page,
    handle,
    initScript: recordFirstRender,
    ready: () => window.hvBenchFirstRender !== undefined,
    readyTimeoutMs: 10_000,
    settleMs: 1000, // let anything the elements start after load show up
    collect: (tab) => tab.evaluate(collectPageFigures, `/cdn/`),
  });
}

/** The proxy answers the session's on-load check as for a first visit: nobody signed in (HTTP 204, no content). */
const signedOut = async (request) =>
  new URL(request.url).pathname.startsWith('/hv-proxy/') ? new Response(null, { status: 204 }) : undefined;

/** The proxy answers as for a person who connected before: GetPersonInfo with one record (`proxyCalls` counts). */
let proxyCalls = 0;
const signedIn = async (request) => {
  if (!new URL(request.url).pathname.startsWith('/hv-proxy/')) return undefined;
  proxyCalls++;
  return new Response(personInfoResponse, { headers: { 'Content-Type': 'application/xml' } });
};

/**
 * Loads `page` (beside dist/cdn, the proxy answered by `handle`) `loads` times, cold, in Chromium: `initScript` runs
 * before the page's own scripts; each load waits until `ready()` holds in the page and `settleMs` more, then
 * `collect(tab)` gives its figures.
 */
async function measureLoads({ page, folders = {}, handle, initScript, ready, readyTimeoutMs, settleMs, collect }) {
  const server = await serveStatic({ pages: { '/': page }, folders: { '/cdn/': cdnDir, ...folders }, handle });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  const runs = [];
  try {
    for (let run = 0; run < loads; run++) {
      const context = await browser.newContext();
      await context.addInitScript(initScript);
      const tab = await context.newPage();
      await tab.goto(`${server.origin}/`, { waitUntil: 'load' });
      await tab.waitForFunction(ready, null, { timeout: readyTimeoutMs });
      await tab.waitForTimeout(settleMs);
      runs.push(await collect(tab));
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return runs;
}

const PERSON_ID = '6f2b0a44-1b7c-4e8a-9d61-2f3e4a5b6c7d';
const RECORD_ID = '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
/** The proxy's answer to GetPersonInfo for a signed-in person with one record, as the platform writes it. */
const personInfoResponse = `<?xml version="1.0" encoding="utf-8"?>
<response><status><code>0</code></status><wc:info xmlns:wc="urn:com.microsoft.wc.methods.response.GetPersonInfo">
<person-info><person-id>${PERSON_ID}</person-id><name>Jane Doe</name><selected-record-id>${RECORD_ID}</selected-record-id>
<record id="${RECORD_ID}" record-custodian="true" rel-type="1" rel-name="Self" auth-expires="9999-12-31T23:59:59.999Z"
 auth-expired="false" display-name="Jane" state="Active" app-record-auth-action="NoActionRequired">Jane Doe</record>
</person-info></wc:info></response>`;

/**
 * A page of a thousand badges for one signed-in person: how many proxy calls it makes, and how long after the
 * proxy's answer arrives every badge shows it (median of `loads` cold loads).
 */
async function measureThousandBadges() {
  const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>hv-elements bench: 1000 badges</title>
    <script type="module" src="/cdn/${esEntry}"></script>
  </head>
  <body>
    <hv-config app-id="9ca84d74-1473-471d-940f-2699cb7198df" shell="us" proxy-url="/hv-proxy">
      ${'<hv-auth-status compact></hv-auth-status>\n'.repeat(1000)}
    </hv-config>
  </body>
</html>`;
  proxyCalls = 0;
  return measureLoads({
    page,
    handle: signedIn,
    initScript: recordEveryBadgeConnected,
    ready: () => window.hvBenchAllConnected !== undefined,
    readyTimeoutMs: 20_000,
    settleMs: 500, // a later call would show up here
    async collect(tab) {
      const renderMs = await tab.evaluate(() => {
        const answer = performance.getEntriesByType('resource').find((entry) => entry.name.includes('/hv-proxy/'));
        return window.hvBenchAllConnected - answer.responseEnd;
      });
      const run = { proxyCalls, renderMs };
      proxyCalls = 0; // the next load counts its own
      return run;
    },
  });
}

/** The proxy's answer to GetAuthorizedConnectRequests with `count` requests, as the platform writes it. */
function connectRequestsResponse(count) {
  const guid = (kind, n) => `0000000${kind}-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const requests = Array.from(
    { length: count },
    (_, n) =>
      `<connect-request><person-id>${guid(1, n)}</person-id><record-id app-specific-record-id="${n}">${guid(2, n)}` +
      `</record-id><app-id>${guid(3, 0)}</app-id><external-id>MRN-${n}</external-id></connect-request>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?><response><status><code>0</code></status><wc:info xmlns:wc="urn:com.microsoft.wc.methods.response.GetAuthorizedConnectRequests">${requests.join('\n')}</wc:info></response>`;
}

/** How the backlog is read: by the kit (its DOMParser path, then the decoder), or by DOMParser alone, for scale. */
const BACKLOG_READERS = {
  kit: `import { parseXmlWithDom } from '/npm/transport/dom-xml.js';
  import { successInfo } from '/npm/core/platform/response.js';
  import { decodeAuthorizedConnectRequests } from '/npm/core/platform/methods/get-authorized-connect-requests.js';
  const read = (text) => decodeAuthorizedConnectRequests(successInfo(parseXmlWithDom(text))).length;`,
  parserAlone: `const read = (text) =>
    new DOMParser().parseFromString(text, 'application/xml').getElementsByTagName('connect-request').length;`,
};

/**
 * How long the browser takes to read a backlog of 10,000 connect requests with `reader` (see BACKLOG_READERS), in
 * ms: the median over `loads` cold pages, using the npm build's modules as they are.
 */
async function measureBacklogRead(reader) {
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8" /><title>hv-elements bench: backlog</title>
<script type="module">
  ${BACKLOG_READERS[reader]}
  const text = await (await fetch('/backlog.xml')).text();
  const start = performance.now();
  const count = read(text);
  window.hvBenchBacklog = { ms: performance.now() - start, count };
</script></head><body></body></html>`;
  const backlog = connectRequestsResponse(10_000);
  return measureLoads({
    page,
    folders: { '/npm/': 'dist' },
    handle: async (request) =>
      new URL(request.url).pathname === '/backlog.xml'
        ? new Response(backlog, { headers: { 'Content-Type': 'application/xml' } })
        : undefined,
    initScript: () => {},
    ready: () => window.hvBenchBacklog !== undefined,
    readyTimeoutMs: 20_000,
    settleMs: 0,
    collect: (tab) => tab.evaluate(() => window.hvBenchBacklog),
  });
}

/** In the page, before its scripts: notes when the thousandth badge says connected. */
function recordEveryBadgeConnected() {
  let connected = 0;
  document.addEventListener('hv-status-change', (event) => {
    if (event.detail.status === 'connected' && ++connected === 1000) window.hvBenchAllConnected = performance.now();
  });
}

/** In the page, before its scripts: notes when the first button has rendered. */
function recordFirstRender() {
  customElements
    .whenDefined('hv-connect-button')
    .then(() => document.querySelector('hv-connect-button').updateComplete)
    .then(() => (window.hvBenchFirstRender = performance.now()));
}

/** In the page: the figures of one load. */
async function collectPageFigures(scriptPrefix) {
  const layoutShift = await new Promise((done) => {
    let sum = 0;
    new PerformanceObserver((list) => {
      for (const shift of list.getEntries()) if (!shift.hadRecentInput) sum += shift.value;
    }).observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => done(sum), 100); // buffered entries arrive in the observer's first callback
  });
  const firstPaint = performance.getEntriesByName('first-paint')[0]?.startTime ?? Infinity;
  const resources = performance.getEntriesByType('resource');
  const script = resources.find((entry) => new URL(entry.name).pathname.startsWith(scriptPrefix));
  return {
    requestsBeforePaint: resources.filter(
      (entry) => entry.startTime < firstPaint && !new URL(entry.name).pathname.startsWith(scriptPrefix),
    ).length,
    fetchesBeforePaint: resources.filter(
      (entry) => entry.startTime < firstPaint && ['fetch', 'xmlhttprequest'].includes(entry.initiatorType),
    ).length,
    scripts: resources
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.startsWith(scriptPrefix))
      .map((path) => path.slice(scriptPrefix.length)),
    layoutShift,
    firstRender: window.hvBenchFirstRender,
    firstRenderAfterScript: window.hvBenchFirstRender - script.responseEnd,
  };
}

const median = (values) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];
const worst = (values) => Math.max(...values);

function printTable(title, header, rows) {
  const widths = header.map((_, column) =>
    Math.max(...[header, ...rows].map((row) => String(row[column] ?? '').length)),
  );
  const line = (row) =>
    row
      .map((cell, column) => String(cell).padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  console.log(`\n${title}\n${line(header)}\n${widths.map((width) => '-'.repeat(width)).join('  ')}`);
  for (const row of rows) console.log(line(row));
}

buildIfStale();
if (loadOnly) {
  await printLoad();
  finish();
}
const withCode = (files) => files.map((file) => ({ file, code: readFileSync(join(cdnDir, file)) }));
const esGraph = moduleGraph(cdnDir, esEntry);
const esFiles = withCode(esGraph.eager);
const lazyFiles = withCode(esGraph.lazy);
// The classic script is a loader: a page using it downloads it and then the ES module's first download.
const iifeFiles = withCode([iifeEntry, ...esGraph.eager]);
const connectButtonAlone = await bundleAlone('connect-button');
const authStatusAlone = await bundleAlone('auth-status');
const promptAlone = await bundleAlone('optional-rule-prompt');
// The prompt's view: what a page downloads once the prompt has something to ask a signed-in person.
const promptView = withCode(esGraph.lazy.filter((file) => /\/rule-prompt-view-/.test(file)));
printTable(
  'Script sizes (1 kB = 1000 bytes; gzip level 9, summed per file)',
  ['script', 'raw', 'gzip', 'budget', ''],
  [
    sizeRow(`cdn ES module: ${esFiles.map(({ file }) => file).join(' + ')}`, esFiles, budgets.pageScript),
    sizeRow(`cdn classic script: ${iifeEntry} + the ES module above`, iifeFiles, budgets.pageScript),
    sizeRow(`cdn ES module, loaded on first use: ${lazyFiles.length} chunks`, lazyFiles),
    sizeRow(
      'connect button alone (define/connect-button, with Lit)',
      connectButtonAlone.files,
      budgets.connectButtonAlone,
    ),
    sizeRow('status badge alone (define/auth-status, with the button and Lit)', authStatusAlone.files),
    sizeRow('optional-rule prompt alone (define/optional-rule-prompt, with Lit): until it asks', promptAlone.files),
    sizeRow(`  its view, loaded when it asks (${promptView.map(({ file }) => file).join(' + ')})`, promptView),
  ],
);
printTable(
  'Largest modules in the connect button alone (bytes after tree-shaking, before minification)',
  ['module', 'bytes'],
  connectButtonAlone.modules
    .toSorted((a, b) => b.renderedLength - a.renderedLength)
    .slice(0, 10)
    .map(({ name, renderedLength }) => [name, renderedLength]),
);

if (sizeOnly) finish();
const runs = await measureInChromium({ partnerCss: '' });
const runsWithReservedBox = await measureInChromium({ partnerCss: reserveBoxRule });
const runsSignedIn = await measureInChromium({ partnerCss: reserveBoxRule, handle: signedIn });
const figure = (name, pick, from = runs) => pick(from.map((run) => run[name]));
const against = (value, budget, label, format = String) => {
  if (value > budget) over.push(label);
  return [`≤ ${format(budget)}`, value <= budget ? 'OK' : 'OVER'];
};
const requestsBeforePaint = figure('requestsBeforePaint', worst);
const fetchesBeforePaint = figure('fetchesBeforePaint', worst);
// Every script the page fetched in the second after load, nobody having touched it: what it costs before interaction.
const scriptsBeforeInteraction = [...new Set(runs.flatMap((run) => run.scripts))];
const scriptBeforeInteraction = withCode(scriptsBeforeInteraction).reduce((sum, { code }) => sum + gzipSize(code), 0);
// A person who connected before: the answer's reader and decoder load with the answer (not a first visit).
const scriptsSignedIn = [...new Set(runsSignedIn.flatMap((run) => run.scripts))];
const scriptSignedIn = withCode(scriptsSignedIn).reduce((sum, { code }) => sum + gzipSize(code), 0);
const layoutShift = figure('layoutShift', worst);
const layoutShiftWithReservedBox = figure('layoutShift', worst, runsWithReservedBox);
printTable(
  `In Chromium: <hv-config> + <hv-connect-button> + <hv-auth-status> + <hv-optional-rule-prompt> + <hv-pickup-code-entry> on a partner page, cdn ES module, ${loads} cold loads`,
  ['figure', 'value', 'budget', ''],
  [
    [
      'requests before first paint, besides the script (worst)',
      requestsBeforePaint,
      ...against(requestsBeforePaint, budgets.requests, 'requests before first paint'),
    ],
    [
      'fetch/XHR before first paint (worst)',
      fetchesBeforePaint,
      ...against(fetchesBeforePaint, budgets.requests, 'fetch/XHR before first paint'),
    ],
    [
      `script before interaction, nobody signed in (first visit), gzip (${scriptsBeforeInteraction.join(' + ')})`,
      formatKb(scriptBeforeInteraction),
      ...against(scriptBeforeInteraction, budgets.pageScript, 'script before interaction', formatKb),
    ],
    [`  same, a person signed in before (${scriptsSignedIn.length} files)`, formatKb(scriptSignedIn), '', ''],
    [
      "cumulative layout shift, page with README's :not(:defined) rule (worst)",
      layoutShiftWithReservedBox.toFixed(4),
      ...against(layoutShiftWithReservedBox, budgets.layoutShift, 'layout shift'),
    ],
    // Without a reserved box, the button's line grows when it upgrades: why README gives the rule.
    ['  same, page without that rule', layoutShift.toFixed(4), '', ''],
    ['button rendered, ms after navigation start (median)', figure('firstRender', median).toFixed(1), '', ''],
    [
      'button rendered, ms after the script arrived (median)',
      figure('firstRenderAfterScript', median).toFixed(1),
      '',
      '',
    ],
  ],
);

const badgeRuns = await measureThousandBadges();
const badgeFigure = (name, pick) => pick(badgeRuns.map((run) => run[name]));
const thousandBadgesProxyCalls = badgeFigure('proxyCalls', worst);
const renderMs = badgeFigure('renderMs', median);
printTable(
  `In Chromium: 1000 <hv-auth-status> for one signed-in person, cdn ES module, ${loads} cold loads`,
  ['figure', 'value', 'budget', ''],
  [
    [
      'proxy calls (worst)',
      String(thousandBadgesProxyCalls),
      ...against(thousandBadgesProxyCalls, budgets.thousandBadgesProxyCalls, '1000 badges: proxy calls'),
    ],
    [
      "every badge shows the proxy's answer, ms after it arrived (median)",
      renderMs.toFixed(1),
      ...against(renderMs, budgets.thousandBadgesRenderMs, '1000 badges: render', (ms) => `${ms} ms`),
    ],
  ],
);
const backlogRuns = await measureBacklogRead('kit');
const backlogMs = median(backlogRuns.map((run) => run.ms));
const parserAloneMs = median((await measureBacklogRead('parserAlone')).map((run) => run.ms));
printTable(
  `In Chromium: GetAuthorizedConnectRequests with ${backlogRuns[0].count} requests, read in the page, ${loads} cold loads`,
  ['figure', 'value', 'budget', ''],
  [
    [
      'parsed (DOMParser path) and decoded, ms (median)',
      backlogMs.toFixed(1),
      ...against(backlogMs, budgets.backlogReadMs, 'backlog read', (ms) => `${ms} ms`),
    ],
    ['  DOMParser alone on the same text, ms (median)', parserAloneMs.toFixed(1)],
  ],
);
await printLoad();
finish();

/** The Node proxy under load (scripts/lib/load-bench.mjs): nothing lost or mixed up, and what the proxy adds. */
async function printLoad() {
  const load = await runLoadBench({ sessions: 200, calls: 10_000 });
  const ms = (value) => `${value.toFixed(1)} ms`;
  const mb = (value) => `${value.toFixed(0)} MB`;
  if (load.lost) over.push(`load: ${load.lost} calls lost`);
  if (load.mixed) over.push(`load: ${load.mixed} answers went to the wrong session`);
  printTable(
    `Node proxy under load: ${load.sessions} sessions (each its own cookie and person), ${load.calls} GetPersonInfo calls at once, through the proxy to hv-elements-sim over loopback`,
    ['figure', 'value', 'budget', ''],
    [
      [
        'calls answered, for the right person',
        String(load.right),
        `= ${load.calls}`,
        load.right === load.calls ? 'OK' : 'OVER',
      ],
      ['calls lost (an error or no answer)', String(load.lost), '= 0', load.lost ? 'OVER' : 'OK'],
      ["answers with another session's person", String(load.mixed), '= 0', load.mixed ? 'OVER' : 'OK'],
      ["time added by the proxy, p50 (its own work, without the platform's)", ms(load.addedP50), '', ''],
      ['time added by the proxy, p99', ms(load.addedP99), '', ''],
      ['a call as the client sees it, p50 / p99', `${ms(load.endToEndP50)} / ${ms(load.endToEndP99)}`, '', ''],
      ['all calls, wall time', ms(load.wallMs), '', ''],
      [
        'memory after the run: proxy heap (after GC); process RSS',
        `${mb(load.proxyHeapMb)}; ${mb(load.rssMb)}`,
        '',
        '',
      ],
    ],
  );
}

function finish() {
  if (over.length) console.error(`\nbench: over budget: ${over.join('; ')}`);
  else console.log('\nbench: every figure within its budget');
  process.exit(over.length ? 1 : 0);
}
