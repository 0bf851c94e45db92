// Zero layout shift while the elements upgrade (CLS, measured by Chromium's layout-shift entries): a partner page with
// the four patient-facing elements and README's `:not(:defined)` rules, served as a partner would (the cdn module,
// strict policy, the simulated proxy), in English on a light page and in Spanish on a dark one, whose words load
// after the elements have first rendered. Uses dist/ (`npm run build` first).
import assert from 'node:assert/strict';
import { DEMO_APP_ID } from 'hv-elements/mock';
import { reserveBoxRules } from '../../scripts/lib/readme-snippets.mjs';
import { servePartner } from './partner-server.mjs';

const partnerPage = (lang) => `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <title>Partner page</title>
    <link rel="stylesheet" href="/partner.css" />
    <script src="/page.js"></script>
    <script type="module" src="/cdn/hv-elements.js"></script>
  </head>
  <body>
    <h1>Partner page</h1>
    <p>Connect your HealthVault record to share your readings with us.</p>
    <hv-config app-id="${DEMO_APP_ID}" shell="us" proxy-url="/hv-proxy">
      <hv-connect-button></hv-connect-button>
      <hv-auth-status no-connect></hv-auth-status>
      <hv-optional-rule-prompt rule="lab-results"></hv-optional-rule-prompt>
      <form action="/pick-up"><hv-pickup-code-entry name="code" kind="connect"></hv-pickup-code-entry></form>
    </hv-config>
    <p>Text below the elements moves if one changes size as it renders.</p>
  </body>
</html>`;

/** In the page before the kit: sums every layout shift from the start, and notes what moved (for the message). */
const pageScript = `window.layoutShift = 0;
window.shifted = [];
new PerformanceObserver((list) => {
  for (const shift of list.getEntries()) {
    if (shift.hadRecentInput) continue;
    window.layoutShift += shift.value;
    for (const { node, previousRect, currentRect } of shift.sources) {
      const from = [previousRect.x, previousRect.y, previousRect.width, previousRect.height].join(' ');
      const to = [currentRect.x, currentRect.y, currentRect.width, currentRect.height].join(' ');
      window.shifted.push((node?.nodeName ?? 'a node in a shadow root') + ': ' + from + ' to ' + to);
    }
  }
}).observe({ type: 'layout-shift', buffered: true });`;

/** The page's layout shift, and what moved, once every element has rendered in `lang` and nothing is left to load. */
async function layoutShiftOf(page, { lang, scheme, connectLabel }) {
  const server = await servePartner(
    {
      '/': partnerPage(lang),
      '/page.js': pageScript,
      '/partner.css': `:root { color-scheme: ${scheme}; }\n${reserveBoxRules()}`,
    },
    'new-user',
  );
  try {
    await page.goto(`${server.origin}/`);
    await page.waitForFunction(
      (label) =>
        ['hv-connect-button', 'hv-auth-status', 'hv-optional-rule-prompt', 'hv-pickup-code-entry'].every(
          (tag) => customElements.get(tag) && document.querySelector(tag).shadowRoot,
        ) && document.querySelector('hv-connect-button').shadowRoot.textContent.includes(label),
      connectLabel,
    );
    await page.waitForLoadState('networkidle');
    // Layout shift entries are reported after the frame that moved things.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 100))));
    return await page.evaluate(() => ({ shift: window.layoutShift, moved: window.shifted }));
  } finally {
    await server.close();
  }
}

export async function nothingMovesWhileTheElementsUpgradeOnALightPageInEnglish({ page, problems }) {
  const { shift, moved } = await layoutShiftOf(page, {
    lang: 'en',
    scheme: 'light',
    connectLabel: 'Connect to HealthVault',
  });
  assert.equal(shift, 0, moved.join('; '));
  assert.deepEqual(problems, []);
}

export async function nothingMovesWhenTheSpanishWordsArriveOnADarkPage({ page, problems }) {
  const { shift, moved } = await layoutShiftOf(page, {
    lang: 'es',
    scheme: 'dark',
    connectLabel: 'Conectar con HealthVault',
  });
  assert.equal(shift, 0, moved.join('; '));
  assert.deepEqual(problems, []);
}
