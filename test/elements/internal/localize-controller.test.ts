// An element whose language has words of its own waits for them hidden: no English flashes on a Spanish page, and
// nothing moves when the words arrive. Its own page (each test file has one), so Spanish is not loaded yet.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define/connect-button.js';
import type { HvConnectButton } from '../../../src/elements/connect-button/connect-button.js';

const APP_ID = '8f3c7b1e-2a4d-4c5e-9f60-1a2b3c4d5e6f';
const label = (el: HvConnectButton) => el.shadowRoot!.querySelector('slot:not([name])')?.textContent;

describe('localized elements', () => {
  it('stay hidden in a language still loading, then show its words, never English', async () => {
    const el = await fixture<HvConnectButton>(
      html`<hv-connect-button lang="es" app-id=${APP_ID} shell="us"></hv-connect-button>`,
    );
    expect(label(el)).to.equal('Connect to HealthVault');
    expect(el.matches(':state(translating)')).to.equal(true);
    expect(getComputedStyle(el).visibility).to.equal('hidden');
    await waitUntil(() => label(el) === 'Conectar con HealthVault', 'the Spanish words never came');
    expect(el.matches(':state(translating)')).to.equal(false);
    expect(getComputedStyle(el).visibility).to.equal('visible');
  });

  it('show English at once: its words are in the first download', async () => {
    const el = await fixture<HvConnectButton>(
      html`<hv-connect-button lang="en-GB" app-id=${APP_ID} shell="us"></hv-connect-button>`,
    );
    expect(el.matches(':state(translating)')).to.equal(false);
    expect(getComputedStyle(el).visibility).to.equal('visible');
  });
});
