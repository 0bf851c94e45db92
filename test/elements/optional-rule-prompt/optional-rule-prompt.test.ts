import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/config.js';
import '../../../src/define/auth-status.js';
import '../../../src/define/optional-rule-prompt.js';
import type { HvOptionalRulePrompt } from '../../../src/elements/optional-rule-prompt/optional-rule-prompt.js';
import { DEMO_APP_ID } from '../../../src/mock/scenarios.js';
import type { Simulator } from '../../../src/mock/simulator.js';
import type { HvErrorEvent, HvRuleDismissedEvent, HvRuleEvent } from '../../../src/session/events.js';
import { expectNoEnglish } from '../../helpers/english-words.js';
import { simulatedProxy } from '../../helpers/simulated-proxy.js';
import { scenarioPlatform } from '../../mock/helpers.js';

const NOT_NOW_PREFIX = 'hv-elements:not-now:';

/** A prompt with `attributes` on a page of its own (each test gets a new proxy object, so a new session). */
async function prompt(simulator: Simulator, attributes: Record<string, string>): Promise<HvOptionalRulePrompt> {
  const page = await fixture(html`<div></div>`);
  const el = document.createElement('hv-optional-rule-prompt');
  el.setAttribute('app-id', DEMO_APP_ID);
  el.setAttribute('shell', 'us');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.proxy = simulatedProxy(simulator);
  page.append(el);
  return el;
}

const shadow = (el: HTMLElement) => el.shadowRoot!;
const text = (node: Element | ShadowRoot | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const rules = (el: HTMLElement) => [...shadow(el).querySelectorAll('[part~="rule"]')];
const allowLink = async (el: HTMLElement) => {
  const allow = shadow(el).querySelector('[part~="allow"]') as HTMLElement & { updateComplete: Promise<unknown> };
  await allow.updateComplete;
  return allow.shadowRoot!.querySelector('a')!;
};
/** The Shell request the Allow link makes: its target and its decoded targetqs. */
async function shellRequest(el: HTMLElement) {
  const url = new URL((await allowLink(el)).href);
  return { target: url.searchParams.get('target'), params: new URLSearchParams(url.searchParams.get('targetqs')!) };
}

const until = (el: HvOptionalRulePrompt, state: string) =>
  waitUntil(() => el.matches(`:state(${state})`), `the prompt never reached :state(${state})`, { timeout: 2000 });

describe('hv-optional-rule-prompt', () => {
  afterEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith(NOT_NOW_PREFIX)) localStorage.removeItem(key);
  });

  it('asks a signed-in person for the rules not granted yet, in their words, checked as the display flags say', async () => {
    // Mei granted offline-sync already; blood-pressure (no flags) and lab-results (checked by default) are not.
    const el = await prompt(await scenarioPlatform('offline-granted'), {
      rule: 'offline-sync blood-pressure lab-results',
    });
    await until(el, 'asking');
    expect(text(shadow(el).querySelector('[part~="heading"]'))).to.equal(
      'hv-elements Demo Clinic can do more with your permission',
    );
    expect(rules(el).map((rule) => text(rule))).to.deep.equal([
      'Shows your blood pressure readings next to your medications when you ask for it. ' +
        'Blood pressure: read. While you are signed in.',
      'Reads your new lab results overnight so your doctor has them at your next visit. ' +
        'Lab results: read. Also while you are away: the app keeps this access when you are not signed in.',
    ]);
    const [pressure, lab] = rules(el).map((rule) => rule.querySelector('input')!);
    expect([pressure!.checked, lab!.checked]).to.deep.equal([false, true]);
    // Each checkbox is named by its why string and described by what it covers.
    expect(pressure!.labels![0]!.textContent).to.match(/^Shows your blood pressure/);
    expect(shadow(el).getElementById(pressure!.getAttribute('aria-describedby')!)!.textContent).to.match(/^Blood/);

    let request = await shellRequest(el);
    const record = el.sessionController.state.person!.selectedRecordId!;
    expect(request.target).to.equal('APPAUTH');
    expect(Object.fromEntries(request.params)).to.include({ offopt1: 'lab-results', extrecordid: record });
    expect(request.params.has('onopt1')).to.equal(false);

    pressure!.click();
    await el.updateComplete;
    request = await shellRequest(el);
    expect(Object.fromEntries(request.params)).to.include({ onopt1: 'blood-pressure', offopt1: 'lab-results' });
    await expect(el).shadowDom.to.be.accessible();
  });

  it('asks nothing when nothing is chosen, and says what to do', async () => {
    const el = await prompt(await scenarioPlatform('offline-granted'), { rule: 'blood-pressure' });
    await until(el, 'asking');
    expect(shadow(el).querySelector('[part~="allow"]')).to.equal(null);
    expect(text(shadow(el).querySelector('[part~="hint"]'))).to.equal(
      'Choose at least one to allow, or choose Not now.',
    );
  });

  it('stays out of the way once every rule is granted, or says so quietly with show-granted', async () => {
    const simulator = await scenarioPlatform('offline-granted');
    const hidden = await prompt(simulator, { rule: 'offline-sync' });
    await until(hidden, 'granted');
    expect(text(shadow(hidden))).to.equal('');
    expect(hidden.getBoundingClientRect().height).to.equal(0);
    const quiet = await prompt(simulator, { rule: 'offline-sync', 'show-granted': '' });
    await until(quiet, 'granted');
    expect(text(shadow(quiet).querySelector('[part~="message"]'))).to.equal('You have allowed this access.');
  });

  it('says when a rule name is wrong: plainly to the person, precisely to the developer', async () => {
    const simulator = await scenarioPlatform('offline-granted');
    for (const [rule, developer] of [
      ['blood-presure lab-results', /No rule of the application is named blood-presure \(optional rules: weight, /],
      ['health-summary', /health-summary: a required rule, granted with every authorization; name optional rules/],
    ] as const) {
      const el = await prompt(simulator, { rule });
      const { detail } = (await oneEvent(el, 'hv-error')) as HvErrorEvent;
      expect(detail.error.code).to.equal('invalid-config');
      expect(detail.error.message).to.match(developer);
      await until(el, 'invalid');
      expect(text(shadow(el).querySelector('[part~="message"]'))).to.equal(
        'This request for more access cannot be shown.',
      );
    }
  });

  it('"Not now" puts the rules off for dismiss-days, across reloads, remembering only ids and a time', async () => {
    const simulator = await scenarioPlatform('offline-granted');
    const el = await prompt(simulator, { rule: 'blood-pressure lab-results', 'dismiss-days': '7' });
    await until(el, 'asking');
    const before = Date.now();
    const dismissed = oneEvent(el, 'hv-rule-dismissed') as Promise<HvRuleDismissedEvent>;
    (shadow(el).querySelector('[part~="dismiss"]') as HTMLButtonElement).click();
    const { detail } = await dismissed;
    expect(detail.rules).to.deep.equal(['blood-pressure', 'lab-results']);
    expect(detail.until.getTime() - before).to.be.within(7 * 86_400_000 - 1000, 7 * 86_400_000 + 1000);
    await until(el, 'dismissed');
    expect(text(shadow(el))).to.equal('');

    const record = el.sessionController.state.person!.selectedRecordId!.toLowerCase();
    const stored = Object.keys(localStorage).filter((key) => key.startsWith(NOT_NOW_PREFIX));
    expect(stored.sort()).to.deep.equal([
      `${NOT_NOW_PREFIX}${DEMO_APP_ID}:${record}:blood-pressure`,
      `${NOT_NOW_PREFIX}${DEMO_APP_ID}:${record}:lab-results`,
    ]);
    expect(stored.map((key) => localStorage.getItem(key))).to.deep.equal(stored.map(() => `${+detail.until}`));

    // A later page load (a new element) remembers it.
    const reloaded = await prompt(simulator, { rule: 'blood-pressure lab-results' });
    await until(reloaded, 'dismissed');
    // Once the time is up, it asks again.
    for (const key of stored) localStorage.setItem(key, String(Date.now() - 1));
    const later = await prompt(simulator, { rule: 'blood-pressure lab-results' });
    await until(later, 'asking');
  });

  it('back from the Shell, announces which rules were granted and declined, and asks only for the rest', async () => {
    const simulator = await scenarioPlatform('offline-granted');
    const el = await prompt(simulator, { rule: 'blood-pressure lab-results' });
    await until(el, 'asking');
    // On the Shell's APPAUTH page the person allowed lab-results and not blood-pressure.
    const [mei] = simulator.shell.people();
    const recordIds = simulator.shell.records(mei!.id, DEMO_APP_ID).map((record) => record.id);
    const token = await simulator.shell.authorize({
      personId: mei!.id,
      appId: DEMO_APP_ID,
      recordIds,
      optionalRules: { 'lab-results': true, 'blood-pressure': false },
    });
    await simulator.openProxySession(DEMO_APP_ID, token, '1');
    const granted = oneEvent(el, 'hv-rule-granted') as Promise<HvRuleEvent>;
    const declined = oneEvent(el, 'hv-rule-declined') as Promise<HvRuleEvent>;
    const session = el.sessionController.session!;
    session.settle({
      kind: 'authorized',
      detail: {
        target: 'AppAuthSuccess',
        person: session.state.person!,
        action: 'hv-optional-rule-prompt:blood-pressure lab-results',
      },
    });
    expect((await granted).detail.rules).to.deep.equal(['lab-results']);
    expect((await declined).detail.rules).to.deep.equal(['blood-pressure']);
    await waitUntil(() => rules(el).length === 1);
    expect(text(rules(el)[0])).to.match(/^Shows your blood pressure/);
  });

  it('asks a signed-out person to connect first, reports it once, and reads nothing', async () => {
    const simulator = await scenarioPlatform('new-user', false);
    const el = await prompt(simulator, { rule: 'blood-pressure' });
    const { detail } = (await oneEvent(el, 'hv-error')) as HvErrorEvent;
    expect(detail.error.code).to.equal('signed-out');
    await until(el, 'signed-out');
    expect(text(shadow(el).querySelector('[part~="message"]'))).to.equal(
      'Connect to HealthVault to choose what this app may use.',
    );
  });

  it('says when the grants cannot be read, and tries again on request', async () => {
    // One of Casey's records is suspended: QueryPermissions on it is refused (INVALID_RECORD_STATE).
    const el = await prompt(await scenarioPlatform('suspended-record'), { rule: 'blood-pressure' });
    await until(el, 'asking');
    const suspended = el.sessionController.state.records.find((record) => record.state === 'Suspended')!;
    el.recordId = suspended.id;
    const { detail } = (await oneEvent(el, 'hv-error')) as HvErrorEvent;
    expect(detail.error.code, detail.error.message).to.equal('platform');
    await waitUntil(() => shadow(el).querySelector('[part~="retry"]'));
    expect(text(shadow(el).querySelector('[part~="message"]'))).to.equal('This cannot be shown right now.');
    expect(shadow(el).querySelector('[part~="message"]')!.getAttribute('role')).to.equal('alert');
  });

  it('is keyboard-complete: check a rule with Space, reach Allow and Not now, each with a visible focus ring', async () => {
    const el = await prompt(await scenarioPlatform('offline-granted'), { rule: 'blood-pressure lab-results' });
    await until(el, 'asking');
    const focused = () => {
      const inner = shadow(el).activeElement as HTMLElement | null;
      return inner?.shadowRoot?.activeElement ?? inner;
    };
    const ring = (element: Element) => getComputedStyle(element).outlineStyle;
    await sendKeys({ press: 'Tab' });
    const [pressure] = rules(el).map((rule) => rule.querySelector('input')!);
    expect(focused()).to.equal(pressure);
    expect(ring(pressure!)).to.equal('solid');
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(pressure!.checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    const link = await allowLink(el);
    expect(focused()).to.equal(link);
    expect(ring(link)).to.equal('solid');
    expect(new URL(link.href).searchParams.get('targetqs')).to.contain('onopt1=blood-pressure');
    await sendKeys({ press: 'Tab' });
    expect((focused() as HTMLElement).getAttribute('part')).to.equal('dismiss');
    expect(ring(focused()!)).to.equal('solid');
    const dismissed = oneEvent(el, 'hv-rule-dismissed');
    await sendKeys({ press: 'Enter' });
    await dismissed;
  });

  it('mirrors right to left: under dir="rtl", Allow is right of Not now and the checkbox right of its reason', async () => {
    const simulator = await scenarioPlatform('offline-granted');
    const ltr = await prompt(simulator, { rule: 'lab-results' });
    const rtl = await prompt(simulator, { rule: 'lab-results', dir: 'rtl', lang: 'ar' });
    await until(ltr, 'asking');
    await until(rtl, 'asking');
    const box = (el: HTMLElement, selector: string) => shadow(el).querySelector(selector)!.getBoundingClientRect();
    expect(box(ltr, '[part~="allow"]').right).to.be.at.most(box(ltr, '[part~="dismiss"]').left);
    expect(box(rtl, '[part~="allow"]').left).to.be.at.least(box(rtl, '[part~="dismiss"]').right);
    expect(box(ltr, 'input').right).to.be.at.most(box(ltr, '[part~="reason"]').left);
    expect(box(rtl, 'input').left).to.be.at.least(box(rtl, '[part~="reason"]').right);
  });

  it('says nothing in English under lang="es", in any state ("Allow" included)', async () => {
    const spanish = { lang: 'es' };
    const signedOut = await prompt(await scenarioPlatform('new-user', false), { rule: 'blood-pressure', ...spanish });
    await until(signedOut, 'signed-out');
    await expectNoEnglish(signedOut, 'signed-out');
    const simulator = await scenarioPlatform('offline-granted');
    const asking = await prompt(simulator, { rule: 'blood-pressure lab-results', ...spanish });
    await until(asking, 'asking');
    await expectNoEnglish(asking, 'asking');
    const noneChosen = await prompt(simulator, { rule: 'blood-pressure', ...spanish });
    await until(noneChosen, 'asking');
    await expectNoEnglish(noneChosen, 'asking, none chosen');
    const granted = await prompt(simulator, { rule: 'offline-sync', 'show-granted': '', ...spanish });
    await until(granted, 'granted');
    await expectNoEnglish(granted, 'granted');
    const misnamed = await prompt(simulator, { rule: 'blood-presure', ...spanish });
    await until(misnamed, 'invalid');
    await expectNoEnglish(misnamed, 'unavailable');
    const failing = await prompt(await scenarioPlatform('suspended-record'), { rule: 'blood-pressure', ...spanish });
    await until(failing, 'asking');
    failing.recordId = failing.sessionController.state.records.find((record) => record.state === 'Suspended')!.id;
    await waitUntil(() => shadow(failing).querySelector('[part~="retry"]'));
    await expectNoEnglish(failing, 'failed');
  });

  it('speaks Spanish with lang="es"', async () => {
    const el = await prompt(await scenarioPlatform('offline-granted'), { rule: 'lab-results', lang: 'es' });
    await waitUntil(() => text(shadow(el)).includes('Permitir'), 'no Spanish words');
    expect(text(shadow(el).querySelector('[part~="dismiss"]'))).to.equal('Ahora no');
    expect(text(rules(el)[0])).to.contain('También cuando no está');
    // The application's own reason, in the language the platform has it in.
    expect(text(shadow(el).querySelector('[part~="reason"]'))).to.equal(
      'Lee sus nuevos resultados de laboratorio durante la noche para que su médico los tenga en su próxima visita.',
    );
  });
});
