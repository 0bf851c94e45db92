// The walk-through's clinic site (walkthrough.html): the connect button, the status badge and the optional-rule
// prompt, a panel that follows the page's HealthVault session, and the clinic's privacy statement and terms, which
// the Shell's own links come back to (hv-shell-return).
// The simulated platform starts before the elements are defined, so that a Shell return finds its proxy answering.
import type { SessionState } from '../../src/index.js';
import { getSession } from '../../src/index.js';
import { DEMO_APP_ID } from '../../src/mock/index.js';
import { startWalkthroughPage } from './page.js';

const { proxyUrl } = await startWalkthroughPage('clinic');
const button = document.getElementById('connect')!;
button.setAttribute('redirect-url', `${location.origin}${location.pathname}`);

/** What the page tells the person about their connection. */
function describeSession({ status, person, records, error, declined }: SessionState): string {
  switch (status) {
    case 'connected':
      return `Connected: ${person?.name} authorized ${records.length} record(s): ${records.map((r) => r.name).join(', ')}.`;
    case 'connecting':
      return 'Connecting: completing the sign-in…';
    case 'signed-out':
      if (declined) return 'Not connected: access was declined on HealthVault.';
      return error ? `Not connected: ${error.message}` : 'Not connected: nobody is signed in.';
    case 'expired':
      return 'Not connected: the HealthVault sign-in expired; connect again.';
    case 'revoked':
      return 'Not connected: access to every record was revoked on HealthVault; connect again to authorize.';
    case 'error':
      return `The connection could not be checked: ${error?.message}`;
    default:
      return 'Checking the connection…';
  }
}

// The panel follows the session every element here follows: every state, whatever caused it (a Shell return, a
// reload, another tab, a scenario change).
const panel = document.getElementById('person')!;
getSession(DEMO_APP_ID, proxyUrl)!.subscribe((state) => {
  panel.dataset.status = state.status;
  panel.textContent = describeSession(state);
});

/** The clinic's own pages the Shell links to, shown here as the target names them. */
const CLINIC_PAGES: Readonly<Record<string, string>> = {
  Privacy:
    'Privacy statement of the demo clinic: we read only what you authorize in HealthVault, keep it to care for you, and never sell it. (A demonstration: no real data.)',
  ServiceAgreement:
    'Terms of use of the demo clinic: the connection is yours to end at any time, from this site or from HealthVault. (A demonstration.)',
};
const notice = document.getElementById('shell-return-notice')!;
document.addEventListener('hv-shell-return', ({ detail }) => {
  const text = CLINIC_PAGES[detail.target];
  if (!text) return;
  notice.querySelector('p')!.textContent = text;
  notice.hidden = false;
  notice.focus();
});
notice.querySelector('button')!.addEventListener('click', () => (notice.hidden = true));

// Defined last, so that the listeners above hear what the session reports about a Shell return.
await import('../../src/cdn.js');
