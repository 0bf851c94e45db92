import { html, nothing, svg, type PropertyDeclarations } from 'lit';
import { encode } from 'uqr';
import { HvError } from '../../core/errors.js';
import { createConnectRequest, type NewConnectRequest } from '../../core/platform/methods/create-connect-request.js';
import { deletePendingConnectRequest } from '../../core/platform/methods/delete-pending-connect-request.js';
import { PlatformError } from '../../core/platform/platform-error.js';
import { StatusCode } from '../../core/platform/status-codes.js';
import { groupIdentityCode, readIdentityCode } from '../../core/shell/identity-code.js';
import { CONNECT_TARGET } from '../../core/shell/targets.js';
import { buildUrlFor } from '../../core/shell/url.js';
import { dispatchHvEvent } from '../../session/events.js';
import { controlStyles } from '../internal/controls.styles.js';
import { fieldStyles } from '../internal/fields.styles.js';
import { callPlatform } from '../internal/data-controller.js';
import { HvElement } from '../internal/hv-element.js';
import { staffErrorText, staffWord } from '../internal/staff-words.js';
import { tokenStyles } from '../internal/tokens.styles.js';
import { connectRequestFormStyles, printOnlyTheHandout } from './connect-request-form.styles.js';

/** A pending request lasts about four weeks (reference §6.2). */
const PENDING_DAYS = 28;
const DAY_MS = 24 * 60 * 60 * 1000;
/** The answer the documentation recommends: one word of six or more characters (reference §6.2). */
const RECOMMENDED_ANSWER = /^\S{6,}$/u;

type Field = keyof NewConnectRequest;
const FIELDS: readonly Field[] = ['friendlyName', 'externalId', 'question', 'answer'];
const LABELS = {
  friendlyName: 'staff.friendlyName',
  externalId: 'staff.externalId',
  question: 'staff.question',
  answer: 'staff.answer',
} as const;

/** An identity code as printed, grouped by four, however the platform spelled it. */
const shownCode = (code: string) => groupIdentityCode(readIdentityCode(code).code ?? code);

interface Created {
  friendlyName: string;
  externalId: string;
  identityCode: string;
  url: string;
  expires: Date;
}

/**
 * For staff at a desk: creates a Patient Connect request (CreateConnectRequest) from the patient's name, the
 * patient's id in the clinic's system and a secret question and answer, then shows the identity code (with a copy
 * button), the CONNECT link and a printable hand-out with a QR code of the link, the name and the four-week
 * deadline. The answer is never shown or printed again. A pending request for the same patient id can be withdrawn
 * and issued anew; every refusal has its own words, and what staff typed is kept on any failure. Staff methods go
 * to the proxy the host protects (`proxy-url`).
 *
 * @event {HvConnectRequestCreatedEvent} hv-connect-request-created - A request exists (`detail.externalId`,
 * `detail.identityCode`, `detail.url`, `detail.expires`): send the code to the patient yourself if you like.
 * @event {HvErrorEvent} hv-error - A refusal or a failure; `detail.error` is a typed `HvError` (`PlatformError`).
 *
 * @csspart form - The form.
 * @csspart field - Each field's label, input and hint.
 * @csspart submit - "Create the request".
 * @csspart message - What went wrong, or a warning about a short answer.
 * @csspart replace - "Withdraw the pending request and issue a new one".
 * @csspart result - What is shown once the request exists.
 * @csspart code - The identity code, grouped by four.
 * @csspart copy - "Copy the code".
 * @csspart handout - The part that prints: title, name, QR code, link, code and deadline.
 * @csspart qr - The QR code of the link.
 * @csspart print - "Print the hand-out".
 * @csspart another - "Create another request".
 *
 * @cssprop [--hv-color-accent=light-dark(#0063b1, #6cb8f6)] - The kit's accent color.
 * @cssprop [--hv-color-danger=light-dark(#a4262c, #f1707b)] - Color of error messages.
 * @cssprop [--hv-radius=0.375rem] - Corner radius.
 * @cssprop [--hv-focus-ring=0.1875rem solid CanvasText] - Outline of the focused control.
 * @cssprop [--hv-color-on-accent=light-dark(#fff, #000)] - Text on the accent color.
 * @cssprop [--hv-color-text=CanvasText] - Text color.
 * @cssprop [--hv-font-family=system-ui, sans-serif] - Font family.
 *
 * @cssState busy - The request is being created.
 * @cssState created - The request exists; its code and hand-out are shown.
 * @cssState printing - The hand-out is being printed (the page's print rules show it alone).
 * @cssState translating - Hidden while the words of its language load (never shown in another language meanwhile).
 *
 * @tagname hv-connect-request-form
 */
export class HvConnectRequestForm extends HvElement {
  static override styles = [tokenStyles, controlStyles, fieldStyles, connectRequestFormStyles];

  static override properties: PropertyDeclarations = {
    _values: { state: true },
    _busy: { state: true },
    _failure: { state: true },
    _invalid: { state: true },
    _created: { state: true },
  };

  declare private _values: Record<Field, string>;
  declare private _busy: boolean;
  declare private _failure?: HvError;
  /** The first field that cannot be sent as it is, once staff tried to. */
  declare private _invalid?: Field;
  declare private _created?: Created;
  #copied = false;

  constructor() {
    super();
    this._values = { friendlyName: '', externalId: '', question: '', answer: '' };
    this._busy = false;
  }

  /** One of the staff elements' words, in this element's language. */
  readonly #word = <K extends Parameters<typeof staffWord>[1]>(key: K) => staffWord(this.localize, key);

  protected override render() {
    const created = this._created;
    return created ? this.#result(created) : this.#form();
  }

  /** Why a field cannot be sent as it is: what the platform refuses (empty; a blank question or answer). */
  #problem(field: Field): string | undefined {
    const value = this._values[field];
    const label = this.#word(LABELS[field]);
    if (!value) return this.#word('staff.required')(label);
    if ((field === 'question' || field === 'answer') && !value.trim()) return this.#word('staff.blank')(label);
    return undefined;
  }

  #form() {
    const failure = this._failure;
    const duplicate = failure instanceof PlatformError && failure.status === StatusCode.DUPLICATE_CONNECT_REQUEST_FOUND;
    const { answer } = this._values;
    const weak = answer.trim() !== '' && !RECOMMENDED_ANSWER.test(answer);
    return html`<form part="form" novalidate @submit=${this.#submit}>
      ${FIELDS.map((field) => {
        const hint = field === 'question' ? 'staff.questionHint' : field === 'answer' ? 'staff.answerHint' : undefined;
        return html`<p part="field">
          <label for=${field}>${this.#word(LABELS[field])}</label>
          <input
            id=${field}
            name=${field}
            autocomplete="off"
            spellcheck="false"
            required
            .value=${this._values[field]}
            aria-describedby=${hint ? `${field}-hint` : nothing}
            aria-invalid=${this._invalid === field ? 'true' : 'false'}
            ?disabled=${this._busy}
            @input=${(event: Event) => {
              this._values = { ...this._values, [field]: (event.target as HTMLInputElement).value };
            }}
          />
          ${hint ? html`<span class="hint" id=${`${field}-hint`}>${this.#word(hint)}</span>` : nothing}
        </p>`;
      })}
      <p part="message" role="alert">${this.#message(failure, weak)}</p>
      ${
        duplicate
          ? html`<button part="replace" type="button" ?disabled=${this._busy} @click=${() => this.#create(true)}>
              ${this.#word('staff.replace')}
            </button>`
          : nothing
      }
      <button part="submit" class="primary" type="submit" ?disabled=${this._busy} aria-busy=${this._busy}>
        ${this.#word(this._busy ? 'staff.creating' : 'staff.create')}
      </button>
    </form>`;
  }

  /** What staff see once the request exists; its code reads left to right on any page, as printed. */
  #result(created: Created) {
    const date = new Intl.DateTimeFormat(this.localize.language, { dateStyle: 'long' }).format(created.expires);
    return html`<section part="result">
      <p role="status">${this.#word('staff.created')(created.friendlyName)}</p>
      <div part="handout" class="handout">
        <h2>${this.#word('staff.handoutTitle')}</h2>
        <p class="name">${created.friendlyName}</p>
        ${this.#qr(created.url)}
        <p>${this.#word('staff.handoutSteps')}</p>
        <p>${this.#word('staff.link')}: <a href=${created.url}>${created.url}</a></p>
        <p>${this.#word('staff.code')}: <strong part="code" dir="ltr">${shownCode(created.identityCode)}</strong></p>
        <p>${this.#word('staff.deadline')(date)}</p>
      </div>
      <p class="actions">
        <button part="copy" type="button" @click=${() => this.#copy(created.identityCode)}>
          ${this.#word('staff.copy')}
        </button>
        <span role="status">${this.#copied ? this.#word('staff.copied') : ''}</span>
        <button part="print" type="button" @click=${this.#print}>${this.#word('staff.print')}</button>
        <button part="another" type="button" @click=${this.#another}>${this.#word('staff.another')}</button>
      </p>
    </section>`;
  }

  /** The link as a QR code, drawn here (no network, no markup from a string): one path of dark modules. */
  #qr(url: string) {
    const { data, size } = encode(url, { ecc: 'M', border: 2 });
    let path = '';
    data.forEach((row, y) => row.forEach((dark, x) => dark && (path += `M${x} ${y}h1v1h-1z`)));
    return svg`<svg part="qr" viewBox="0 0 ${size} ${size}" role="img" aria-label=${this.#word('staff.link')}>
      <rect width=${size} height=${size} fill="#fff"></rect><path d=${path} fill="#000"></path>
    </svg>`;
  }

  /** What the form says: a field to fix, a refusal or failure, or a word on a short answer. */
  #message(failure: HvError | undefined, weak: boolean): string {
    if (this._invalid) return this.#problem(this._invalid) ?? '';
    if (failure) return staffErrorText(this.localize, failure);
    return weak ? this.#word('staff.shortAnswer') : '';
  }

  #submit(event: Event): void {
    event.preventDefault();
    void this.#create(false);
  }

  /** Creates the request; `replacing` withdraws the pending one for this patient id first. */
  async #create(replacing: boolean): Promise<void> {
    this._invalid = FIELDS.find((field) => this.#problem(field));
    if (this._invalid) {
      this._failure = undefined;
      this.reportError(new HvError('invalid-input', `<hv-connect-request-form>: ${this._invalid} is empty or blank.`));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>(`#${this._invalid}`)?.focus();
      return;
    }
    const source = this.config.proxy ?? this.config.proxyUrl;
    const { shell } = this.config;
    const setup =
      this.missingProxy() ?? (shell ? undefined : new HvError('invalid-config', 'The shell attribute is missing.'));
    if (setup || !source || !shell) {
      this._failure = setup;
      if (setup) this.reportError(setup);
      return;
    }
    this._busy = true;
    this._failure = undefined;
    const request = { ...this._values };
    try {
      if (replacing) {
        await callPlatform({ proxy: source, method: deletePendingConnectRequest, request: request.externalId });
      }
      const { identityCode } = await callPlatform({ proxy: source, method: createConnectRequest, request });
      const url = buildUrlFor(CONNECT_TARGET, { shell, packageId: identityCode });
      const expires = new Date(Date.now() + PENDING_DAYS * DAY_MS);
      const { friendlyName, externalId } = request;
      this._created = { friendlyName, externalId, identityCode, url, expires };
      // The answer is not kept, shown or printed once the request exists.
      this._values = { friendlyName: '', externalId: '', question: '', answer: '' };
      dispatchHvEvent(this, 'hv-connect-request-created', { externalId, identityCode, url, expires });
    } catch (error) {
      if (!(error instanceof HvError)) throw error;
      this._failure = error;
      this.reportError(error);
    } finally {
      this._busy = false;
    }
  }

  async #copy(code: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(shownCode(code));
      this.#copied = true;
    } catch {
      // No clipboard here (an insecure origin, a refused permission): the code stays on screen to copy by hand.
      const selection = getSelection();
      const element = this.renderRoot.querySelector('[part="code"]');
      if (selection && element) selection.selectAllChildren(element);
    }
    this.requestUpdate();
  }

  /** Prints the hand-out alone: the page's other content is hidden while it prints. */
  #print(): void {
    const sheets = document.adoptedStyleSheets;
    const sheet = printOnlyTheHandout.styleSheet!;
    document.adoptedStyleSheets = [...sheets, sheet];
    this.toggleState('printing', true);
    addEventListener(
      'afterprint',
      () => {
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((added) => added !== sheet);
        this.toggleState('printing', false);
      },
      { once: true },
    );
    print();
  }

  #another(): void {
    this._created = undefined;
    this.#copied = false;
  }

  protected override updated(): void {
    this.toggleState('busy', this._busy);
    this.toggleState('created', !!this._created);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hv-connect-request-form': HvConnectRequestForm;
  }
}
