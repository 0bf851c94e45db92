import { html, type PropertyDeclarations } from 'lit';
import type { HvError } from '../../core/errors.js';
import { dispatchHvEvent } from '../../session/events.js';
import { pickupWords } from '../../strings/en-pickup.js';
import { FormControl, type FormControlCheck } from '../internal/form-control.js';
import { HvElement } from '../internal/hv-element.js';
import { lazyModule } from '../internal/lazy-module.js';
import { controlStyles } from '../internal/controls.styles.js';
import { fieldStyles } from '../internal/fields.styles.js';
import { tokenStyles } from '../internal/tokens.styles.js';
import { pickupCodeEntryStyles } from './pickup-code-entry.styles.js';

/** The code reading, loaded once someone starts entering a code, for every code field of the page. */
const codeReading = lazyModule(() => import('./code-reading.js'));

/**
 * Where a person enters the identity code of a Patient Connect request (`kind="connect"`, the Shell's CONNECT) or
 * of a drop-off package (`kind="pickup"`, PICKUP), as printed or e-mailed to them, and goes on to HealthVault with
 * it. It takes the code as people type or paste it (any case, spaces, dashes or none, the whole link), shows it
 * grouped by four, says precisely what is wrong, and never clears what was typed. A form control: `name`, `value`
 * (the code, canonical), `required`, `disabled`, reset and validity, inside a `<form>` and in `new FormData(form)`.
 * The code is a secret: it is in no log, storage or event but the cancelable `hv-code-submit`.
 *
 * @event {HvCodeSubmitEvent} hv-code-submit - Cancelable. The person sends the code to the Shell (`detail.code`,
 * `detail.kind`, `detail.url`); cancel it to take the code elsewhere.
 * @event {Event} input - The text changed (native, as it is typed).
 * @event {Event} change - The person committed a change (left the field, or pressed Enter).
 * @event {HvErrorEvent} hv-error - Sent with a code that cannot be used (`invalid-input`, saying what is wrong
 * without the code), or without a `shell` (`invalid-config`).
 *
 * @csspart label - The field's label.
 * @csspart hint - What the code looks like.
 * @csspart input - The field.
 * @csspart button - "Continue to HealthVault".
 * @csspart message - What is wrong with the code.
 *
 * @cssprop [--hv-color-accent=light-dark(#0063b1, #6cb8f6)] - The kit's accent color (the button).
 * @cssprop [--hv-color-on-accent=light-dark(#fff, #000)] - Text on the accent color.
 * @cssprop [--hv-color-danger=light-dark(#a4262c, #f1707b)] - Color of the message and of an invalid field's border.
 * @cssprop [--hv-radius=0.375rem] - Corner radius.
 * @cssprop [--hv-focus-ring=0.1875rem solid CanvasText] - Outline of the focused field and button.
 * @cssprop [--hv-color-text=CanvasText] - Text color.
 * @cssprop [--hv-font-family=system-ui, sans-serif] - Font family.
 *
 * @cssState invalid - The code cannot be used, and the person has changed it or tried to send it.
 * @cssState translating - Hidden while the words of its language load (never shown in another language meanwhile).
 *
 * @tagname hv-pickup-code-entry
 */
export class HvPickupCodeEntry extends FormControl(HvElement) {
  static override styles = [tokenStyles, controlStyles, fieldStyles, pickupCodeEntryStyles];

  static override properties: PropertyDeclarations = { kind: {} };

  /** `connect` for a Patient Connect request (Shell target CONNECT), `pickup` for a drop-off package (PICKUP). */
  kind: 'connect' | 'pickup' = 'connect';

  /** One of the element's words, in its language. */
  readonly #word = <K extends keyof typeof pickupWords>(key: K) => this.localize.term(key) ?? pickupWords[key];

  constructor() {
    super();
    // Whoever enters the field is about to type a code: its reading loads now, not with the page.
    this.addEventListener('focusin', () => this.#prepare());
  }

  protected override check(): FormControlCheck {
    const empty = this.#word('code.empty');
    const reading = codeReading.loaded;
    if (reading) return reading.checkCode(this.value, this.required, this.localize, empty);
    // Nobody has entered anything yet: an empty required field is all there is to say.
    return { problem: this.required && !this.value.trim() ? empty : undefined, formValue: this.value };
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    // A value the page sets needs reading too.
    if (this.value && !codeReading.loaded) this.#prepare();
  }

  #prepare(): Promise<void> {
    return codeReading.load().then(
      () => this.requestUpdate(),
      (error: HvError) => this.reportError(error),
    );
  }

  protected override focusTarget(): HTMLInputElement | null | undefined {
    return this.renderRoot?.querySelector('input');
  }

  override focus(options?: FocusOptions): void {
    this.focusTarget()?.focus(options);
  }

  // The field stays left to right on a right-to-left page: an identity code reads left to right, even in Arabic.
  protected override render() {
    const problem = this.touched ? this.check().problem : undefined;
    return html`<label part="label" for="code">${this.#word('code.label')}</label>
      <span part="hint" id="hint">${this.#word('code.hint')}</span>
      <div>
        <input
          part="input"
          id="code"
          dir="ltr"
          .value=${this.value}
          ?disabled=${this.isDisabled}
          ?required=${this.required}
          autocomplete="one-time-code"
          autocapitalize="characters"
          spellcheck="false"
          aria-describedby="hint message"
          aria-invalid=${problem ? 'true' : 'false'}
          @input=${(event: Event) => (this.value = (event.target as HTMLInputElement).value)}
          @change=${this.#commit}
          @keydown=${(event: KeyboardEvent) => event.key === 'Enter' && this.#send()}
        />
        <button part="button" type="button" ?disabled=${this.isDisabled} @click=${this.#send}>
          ${this.#word('code.continue')}
        </button>
      </div>
      <p part="message" id="message" role="alert">${problem ?? ''}</p>`;
  }

  /**
   * The person committed what they typed: a usable code is shown grouped as printed; anything else stays as is. The
   * code reading loaded as the field took focus, so this waits for nothing unless they were quicker.
   */
  async #commit(): Promise<void> {
    await this.#prepare();
    const reading = codeReading.loaded;
    if (reading) this.value = reading.asPrinted(this.value);
    this.touch();
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /** Enter or the button: on to the Shell with the code (`packageid` only), unless the host cancels. */
  async #send(): Promise<void> {
    await this.#commit();
    const reading = codeReading.loaded;
    if (!reading) return;
    const page = reading.shellPageFor(this.value, this.kind, this.config.shell);
    if ('error' in page) {
      this.reportError(page.error);
      this.focus();
      return;
    }
    const detail = { code: page.code, kind: this.kind, url: page.url };
    if (dispatchHvEvent(this, 'hv-code-submit', detail, { cancelable: true })) this.leaveFor(page.url);
  }

  /** Leaves the page for the Shell. */
  protected leaveFor(url: string): void {
    location.assign(url);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hv-pickup-code-entry': HvPickupCodeEntry;
  }
}
