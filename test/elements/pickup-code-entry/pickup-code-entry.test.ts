import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/pickup-code-entry.js';
import { HvPickupCodeEntry } from '../../../src/elements/pickup-code-entry/pickup-code-entry.js';
import type { HvCodeSubmitEvent, HvErrorEvent } from '../../../src/session/events.js';
import { expectNoEnglish } from '../../helpers/english-words.js';

const CODE = 'JKYZQNMNVHRXZGNRGZNH';
const GROUPED = 'JKYZ-QNMN-VHRX-ZGNR-GZNH';

/** The element as a page would have it, except that leaving for the Shell is recorded instead of done. */
class StayingCodeEntry extends HvPickupCodeEntry {
  left: string[] = [];
  protected override leaveFor(url: string): void {
    this.left.push(url);
  }
}
customElements.define('staying-code-entry', StayingCodeEntry);

const input = (el: HTMLElement) => el.shadowRoot!.querySelector('input')!;
const message = (el: HTMLElement) => el.shadowRoot!.querySelector('[part="message"]')!.textContent!.trim();

/** Types `text` into the field as a person does, then leaves it: resolves once the element says it changed. */
async function type(el: HvPickupCodeEntry, text: string) {
  const field = input(el);
  field.focus();
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  const changed = oneEvent(el, 'change');
  field.dispatchEvent(new Event('change', { bubbles: true }));
  await changed;
  await el.updateComplete;
}

describe('hv-pickup-code-entry', () => {
  it('takes the code as people type or paste it, and shows it grouped as printed', async () => {
    const el = await fixture<HvPickupCodeEntry>(html`<hv-pickup-code-entry shell="us"></hv-pickup-code-entry>`);
    expect(input(el).getAttribute('autocomplete')).to.equal('one-time-code');
    for (const typed of [
      'jkyz qnmn vhrx zgnr gznh',
      'JKYZQNMN-VHRX--ZGNRGZNH',
      `https://account.healthvault.com/redirect.aspx?target=CONNECT&targetqs=packageid%3D${GROUPED}`,
    ]) {
      await type(el, typed);
      expect(input(el).value, typed).to.equal(GROUPED);
      expect(el.value).to.equal(GROUPED);
      expect(el.checkValidity()).to.equal(true);
      expect(message(el)).to.equal('');
    }
  });

  it('says precisely what is wrong, and never clears what was typed', async () => {
    const el = await fixture<HvPickupCodeEntry>(html`<hv-pickup-code-entry shell="us"></hv-pickup-code-entry>`);
    const cases: [string, string][] = [
      ['JKYZ-QNMN-VHRX-ZGNR', 'That is 16 of the 20 letters of an identity code.'],
      ['JKYZ-QNMN-VHRX-ZGNR-GZNHX', 'That is 21 letters: an identity code has 20.'],
      ['JKYZ-QNMN-VHRX-ZGNR-GZN0', 'An identity code has letters only: “0” is not one.'],
      [
        'https://account.healthvault.com/redirect.aspx?target=CONNECT',
        'This link has no identity code in it. Paste the whole link, or type the 20 letters.',
      ],
    ];
    for (const [typed, said] of cases) {
      await type(el, typed);
      expect(message(el), typed).to.equal(said);
      expect(input(el).value).to.equal(typed);
      expect(input(el).getAttribute('aria-invalid')).to.equal('true');
      expect(el.matches(':state(invalid)')).to.equal(true);
      expect(el.validity.customError).to.equal(true);
      expect(el.validationMessage).to.equal(said);
    }
    await type(el, GROUPED);
    expect(el.matches(':state(invalid)')).to.equal(false);
    expect(input(el).getAttribute('aria-invalid')).to.equal('false');
  });

  it('works in a form: its value in FormData, required, reset, and a disabled fieldset', async () => {
    const form = await fixture<HTMLFormElement>(html`
      <form>
        <fieldset>
          <hv-pickup-code-entry name="code" shell="us" required value="jkyz qnmn"></hv-pickup-code-entry>
        </fieldset>
      </form>
    `);
    const el = form.querySelector('hv-pickup-code-entry')!;
    await el.updateComplete;
    expect(input(el).value).to.equal('jkyz qnmn');
    expect(form.checkValidity()).to.equal(false);
    await type(el, '');
    expect(el.validity.valueMissing).to.equal(true);
    expect(message(el)).to.equal('Enter the identity code from your print-out or e-mail.');
    await type(el, 'jkyzqnmnvhrxzgnrgznh');
    expect(form.checkValidity()).to.equal(true);
    // The form submits the code itself: 20 letters, whatever was typed.
    expect(new FormData(form).get('code')).to.equal(CODE);
    form.reset();
    await el.updateComplete;
    expect(input(el).value).to.equal('jkyz qnmn');
    expect(el.matches(':state(invalid)')).to.equal(false);
    form.querySelector('fieldset')!.disabled = true;
    await el.updateComplete;
    expect(input(el).disabled).to.equal(true);
    expect(new FormData(form).has('code')).to.equal(false);
  });

  it('fires the native input and change events from the element', async () => {
    const el = await fixture<HvPickupCodeEntry>(html`<hv-pickup-code-entry shell="us"></hv-pickup-code-entry>`);
    const seen: string[] = [];
    el.addEventListener('input', (event) => seen.push(`${event.type}:${(event.target as Element).localName}`));
    el.addEventListener('change', (event) => seen.push(`${event.type}:${(event.target as Element).localName}`));
    await type(el, GROUPED);
    expect(seen).to.deep.equal(['input:hv-pickup-code-entry', 'change:hv-pickup-code-entry']);
  });

  it('Enter sends the person to the Shell with packageid only; hv-code-submit can keep them here', async () => {
    for (const [kind, target] of [
      ['connect', 'CONNECT'],
      ['pickup', 'PICKUP'],
    ] as const) {
      const el = await fixture<StayingCodeEntry>(
        html`<staying-code-entry shell="us" kind=${kind}></staying-code-entry>`,
      );
      input(el).focus();
      await sendKeys({ type: 'jkyz qnmn vhrx zgnr gznh' });
      const submitted = oneEvent(el, 'hv-code-submit') as Promise<HvCodeSubmitEvent>;
      await sendKeys({ press: 'Enter' });
      const { detail } = await submitted;
      const url = `https://account.healthvault.com/redirect.aspx?target=${target}&targetqs=packageid%3D${CODE}`;
      expect(detail).to.deep.equal({ code: CODE, kind, url });
      expect(el.left).to.deep.equal([url]);
    }
    const kept = await fixture<StayingCodeEntry>(html`<staying-code-entry shell="us"></staying-code-entry>`);
    await type(kept, GROUPED);
    kept.addEventListener('hv-code-submit', (event) => event.preventDefault());
    (kept.shadowRoot!.querySelector('button') as HTMLButtonElement).click();
    expect(kept.left).to.deep.equal([]);
  });

  it('refuses to send a bad code: the person is told why, the developer gets hv-error without the code', async () => {
    const el = await fixture<StayingCodeEntry>(html`<staying-code-entry shell="us"></staying-code-entry>`);
    await type(el, 'JKYZ-QNMN-VHRX-ZGNR-GZN0');
    const failed = oneEvent(el, 'hv-error') as Promise<HvErrorEvent>;
    (el.shadowRoot!.querySelector('button') as HTMLButtonElement).click();
    const { error } = (await failed).detail;
    expect(error.code).to.equal('invalid-input');
    expect(error.message).to.equal('<hv-pickup-code-entry>: the identity code has a character that is not a letter.');
    expect(error.message).to.not.match(/JKYZ|QNMN|0/);
    expect(el.left).to.deep.equal([]);
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
    expect(input(el).value).to.equal('JKYZ-QNMN-VHRX-ZGNR-GZN0');
  });

  it('is labelled, described, keyboard-complete and axe-clean, valid or not', async () => {
    const el = await fixture<HvPickupCodeEntry>(html`<hv-pickup-code-entry shell="us"></hv-pickup-code-entry>`);
    expect(input(el).labels![0]!.textContent).to.equal('Identity code');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
    expect(getComputedStyle(input(el)).outlineStyle).to.equal('solid');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('button'));
    await expect(el).to.be.accessible();
    await type(el, 'JKYZ');
    await expect(el).to.be.accessible();
  });

  it('keeps the code left to right on a right-to-left page, whose layout it mirrors', async () => {
    const page = await fixture(
      html`<div dir="rtl" lang="ar"><hv-pickup-code-entry shell="us"></hv-pickup-code-entry></div>`,
    );
    const el = page.querySelector('hv-pickup-code-entry')!;
    await type(el, 'jkyz qnmn vhrx zgnr gznh');
    expect(getComputedStyle(input(el)).direction).to.equal('ltr');
    expect(input(el).value).to.equal(GROUPED);
    const button = el.shadowRoot!.querySelector('[part="button"]')!.getBoundingClientRect();
    const field = input(el).getBoundingClientRect();
    // The row is mirrored (the button comes first, from the right, or wraps beneath): only the code is not.
    expect(button.top >= field.bottom || button.right <= field.left).to.equal(true);
    expect(getComputedStyle(el.shadowRoot!.querySelector('label')!).direction).to.equal('rtl');
  });

  it('says nothing in English under lang="es", whatever is typed', async () => {
    const el = await fixture<HvPickupCodeEntry>(
      html`<hv-pickup-code-entry shell="us" lang="es" required></hv-pickup-code-entry>`,
    );
    await expectNoEnglish(el, 'empty');
    for (const typed of [
      '',
      'JKYZ-QNMN',
      'JKYZ-QNMN-VHRX-ZGNR-GZNHX',
      'JKYZ-QNMN-VHRX-ZGNR-GZN0',
      'https://x.test/?a=1',
    ]) {
      await type(el, typed);
      await expectNoEnglish(el, `"${typed}" typed`);
    }
  });

  it('speaks Spanish with lang="es"', async () => {
    const el = await fixture<HvPickupCodeEntry>(
      html`<hv-pickup-code-entry shell="us" lang="es"></hv-pickup-code-entry>`,
    );
    await type(el, 'JKYZ');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('label')!.textContent).to.equal('Código de identidad');
    expect(message(el)).to.equal('Son 4 de las 20 letras de un código de identidad.');
  });
});
