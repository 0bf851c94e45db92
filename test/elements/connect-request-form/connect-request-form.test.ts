import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/define/connect-request-form.js';
import type { HvConnectRequestForm } from '../../../src/elements/connect-request-form/connect-request-form.js';
import { readIdentityCode } from '../../../src/core/shell/identity-code.js';
import { createClock } from '../../../src/mock/clock.js';
import { DEMO_APP_ID } from '../../../src/mock/scenarios.js';
import { createSimulator, type Simulator } from '../../../src/mock/simulator.js';
import type { HvConnectRequestCreatedEvent, HvErrorEvent } from '../../../src/session/events.js';
import { expectNoEnglish } from '../../helpers/english-words.js';
import { simulatedProxy } from '../../helpers/simulated-proxy.js';
import { TEST_START } from '../../mock/helpers.js';

async function form(simulator: Simulator, lang = 'en'): Promise<HvConnectRequestForm> {
  const el = await fixture<HvConnectRequestForm>(
    html`<hv-connect-request-form app-id=${DEMO_APP_ID} shell="us" lang=${lang} .proxy=${simulatedProxy(simulator)}>
    </hv-connect-request-form>`,
  );
  return el;
}

const root = (el: HTMLElement) => el.shadowRoot!;
const field = (el: HTMLElement, name: string) => root(el).querySelector<HTMLInputElement>(`#${name}`)!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function fill(el: HvConnectRequestForm, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    const input = field(el, name);
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
  await el.updateComplete;
}

const submit = (el: HTMLElement) => root(el).querySelector<HTMLButtonElement>('[part="submit"]')!.click();

const MORGAN = { friendlyName: 'Morgan Blake', externalId: 'MRN-7', question: 'First pet?', answer: 'Biscuit' };

describe('hv-connect-request-form', () => {
  it('creates a request: the code with a copy button, the CONNECT link, a QR code and the deadline, never the answer', async () => {
    const simulator = createSimulator({ scenario: 'new-user', clock: createClock(TEST_START) });
    const el = await form(simulator);
    await fill(el, MORGAN);
    const created = oneEvent(el, 'hv-connect-request-created') as Promise<HvConnectRequestCreatedEvent>;
    submit(el);
    const { detail } = await created;
    await el.updateComplete;
    const [pending] = simulator.connectRequests();
    expect(pending).to.include({ externalId: 'MRN-7', friendlyName: 'Morgan Blake', question: 'First pet?' });
    // The code as the platform gives it (grouped by four), on screen, in the link and in the event.
    const code = pending!.identityCode;
    expect(readIdentityCode(code).code).to.have.length(20);
    expect(detail.identityCode).to.equal(code);
    expect(detail.url).to.equal(
      `https://account.healthvault.com/redirect.aspx?target=CONNECT&targetqs=packageid%3D${encodeURIComponent(code)}`,
    );
    expect(text(root(el).querySelector('[part="code"]'))).to.equal(pending!.identityCode);
    expect(root(el).querySelector('[part="handout"] a')!.getAttribute('href')).to.equal(detail.url);
    expect(root(el).querySelector('[part="qr"] path')!.getAttribute('d')).to.match(/^M\d+ \d+h1v1h-1z/);
    expect(text(root(el).querySelector('[part="handout"]'))).to.contain('Morgan Blake');
    expect(text(root(el).querySelector('[part="handout"]'))).to.match(/until .+ \(four weeks\)/);
    expect(root(el).textContent).to.not.contain('Biscuit');
    expect(el.matches(':state(created)')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('refuses what the platform refuses before asking it, and keeps what was typed', async () => {
    const simulator = createSimulator({ scenario: 'new-user', clock: createClock(TEST_START) });
    const el = await form(simulator);
    await fill(el, { ...MORGAN, question: '   ' });
    const failed = oneEvent(el, 'hv-error') as Promise<HvErrorEvent>;
    submit(el);
    expect((await failed).detail.error.code).to.equal('invalid-input');
    await el.updateComplete;
    expect(text(root(el).querySelector('[part="message"]'))).to.equal(
      'Secret question: please write more than spaces.',
    );
    expect(field(el, 'question').getAttribute('aria-invalid')).to.equal('true');
    expect(field(el, 'answer').value).to.equal('Biscuit');
    expect(simulator.connectRequests()).to.deep.equal([]);
  });

  it('advises a longer answer, and says the answer is case-insensitive but spaces count', async () => {
    const el = await form(createSimulator({ scenario: 'new-user', clock: createClock(TEST_START) }));
    expect(text(root(el).querySelector('#answer-hint'))).to.contain('Not case-sensitive, but spaces count');
    await fill(el, { answer: 'cat' });
    expect(text(root(el).querySelector('[part="message"]'))).to.equal(
      'A short answer is easy to guess: one word of six or more letters is best.',
    );
  });

  it('offers to withdraw a pending request for the same patient id and issue a new one', async () => {
    const simulator = createSimulator({ scenario: 'connect-request', clock: createClock(TEST_START) });
    const [before] = simulator.connectRequests();
    const el = await form(simulator);
    await fill(el, { ...MORGAN, externalId: 'MRN-1001' });
    const refused = oneEvent(el, 'hv-error') as Promise<HvErrorEvent>;
    submit(el);
    expect((await refused).detail.error.message).to.contain('DUPLICATE_CONNECT_REQUEST_FOUND');
    await el.updateComplete;
    expect(text(root(el).querySelector('[part="message"]'))).to.equal(
      'There is already a pending request for this patient id.',
    );
    expect(field(el, 'answer').value).to.equal('Biscuit');
    const created = oneEvent(el, 'hv-connect-request-created') as Promise<HvConnectRequestCreatedEvent>;
    root(el).querySelector<HTMLButtonElement>('[part="replace"]')!.click();
    await created;
    const after = simulator.connectRequests().filter((request) => request.externalId === 'MRN-1001');
    expect(after).to.have.length(1);
    expect(after[0]!.identityCode).to.not.equal(before!.identityCode);
  });

  it('says nothing in English under lang="es": the form, its messages, a refusal, the request and its hand-out', async () => {
    const simulator = createSimulator({ scenario: 'connect-request', clock: createClock(TEST_START) });
    const el = await form(simulator, 'es');
    await expectNoEnglish(el, 'empty form');
    const refused = (state: string) => {
      const failed = oneEvent(el, 'hv-error');
      submit(el);
      return failed.then(() => expectNoEnglish(el, state));
    };
    await refused('a field left empty');
    await fill(el, { ...MORGAN, question: '   ', answer: 'cat' });
    await refused('a blank question');
    await fill(el, { question: 'First pet?' });
    await expectNoEnglish(el, 'a short answer');
    await fill(el, { ...MORGAN, externalId: 'MRN-1001' });
    await refused('a duplicate, with its replace button');
    await fill(el, { externalId: 'MRN-8' });
    const created = oneEvent(el, 'hv-connect-request-created');
    submit(el);
    await el.updateComplete;
    await expectNoEnglish(el, 'creating');
    await created;
    await el.updateComplete;
    await expectNoEnglish(el, 'created, with its hand-out');
  });

  it('says plainly when the proxy cannot be reached, and the form can be sent again', async () => {
    const simulator = createSimulator({ scenario: 'new-user', clock: createClock(TEST_START) });
    simulator.setProxyCondition({ kind: 'down' });
    const el = await form(simulator);
    await fill(el, MORGAN);
    submit(el);
    await waitUntil(() => text(root(el).querySelector('[part="message"]')) !== '', 'no message', { timeout: 4000 });
    expect(text(root(el).querySelector('[part="message"]'))).to.match(/cannot be reached|try again/i);
    expect(field(el, 'friendlyName').value).to.equal('Morgan Blake');
    simulator.setProxyCondition({ kind: 'up' });
    const created = oneEvent(el, 'hv-connect-request-created');
    submit(el);
    await created;
  });
});
