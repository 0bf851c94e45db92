import { HvError } from '../../core/errors.js';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { dispatchHvEvent, type AuthStatus, type HvStatusChangeDetail } from '../../session/events.js';
import type { SessionState } from '../../session/session.js';
import { whileAnswerArrives } from '../../transport/while-answer-arrives.js';
import { HvElement } from '../internal/hv-element.js';
import { lazyModule } from '../internal/lazy-module.js';
import { SessionController } from '../internal/session-controller.js';
import { controlStyles } from '../internal/controls.styles.js';
import { tokenStyles } from '../internal/tokens.styles.js';
import type { recordWords } from '../../strings/en-records.js';
import { statusWords } from '../../strings/en-status.js';
import { authStatusStyles } from './auth-status.styles.js';
import type { RecordLines, ShownRecord } from './record-lines.js';

/** Where the sign-in itself decides what the badge says, whatever the records. */
const SIGN_IN_STATUS: Partial<Record<SessionState['status'], AuthStatus>> = {
  unknown: 'checking',
  connecting: 'checking',
  'signed-out': 'not-connected',
  expired: 'expired',
  revoked: 'revoked',
};

/** The code that shows records, loaded once per page for every badge. */
const recordLines = lazyModule(() => import('./record-lines.js'));

/** Started as the proxy's answer arrives; a failure is said by the badges that then need the lines. */
const loadRecordLinesEarly = () => void recordLines.load().catch(() => undefined);

const ICONS: Partial<Record<AuthStatus, string>> = { connected: '✓', 'read-only': '✓', checking: '…' };

interface ShownView {
  status: AuthStatus;
  records: ShownRecord[];
  /** The proxy cannot be reached: `records` are as last known. */
  stale: boolean;
}

/**
 * Shows whether the application can reach the person's HealthVault records, live, and what to do when it
 * cannot: connect, approve again (the Shell's APPAUTH for that record), sign in again, or try again when the
 * proxy cannot be reached. It follows the page's session, so every badge and button of a page share one request,
 * and other tabs' sign-ins and the tab coming back into view update it. It only reads; it never writes a record.
 *
 * @slot help - The host's own help, shown when a record cannot be authorized again (or is not supported).
 *
 * @event {HvStatusChangeEvent} hv-status-change - The badge shows another state: `detail.status`,
 * `detail.records` (each with its own status) and `detail.stale`.
 * @event {HvErrorEvent} hv-error - Configuration or proxy failure; `detail.error` is a typed `HvError`.
 *
 * @csspart status - The line that names the state (the whole badge when one record or none is shown).
 * @csspart icon - The state's sign before its name.
 * @csspart label - The state's name (with the record's name in a list).
 * @csspart records - The list of records, when the person has several and no `record-id` is set.
 * @csspart record - One record in that list.
 * @csspart detail - Why the state is what it is, and until when access lasts.
 * @csspart details - "Details" under a record: opens to show what the application may read and write in it.
 * @csspart action - The connect, approve or sign-in button (an `hv-connect-button`; style it through its parts).
 * @csspart retry - The "Try again" button shown when the proxy cannot be reached.
 * @csspart error - The message shown when the configuration is invalid.
 *
 * @cssprop [--hv-auth-status-ok=light-dark(#107c10, #54b054)] - Color of the sign of a usable connection.
 * @cssprop [--hv-auth-status-attention=light-dark(#8a5300, #e8a33d)] - Color of the sign of a state that needs the person.
 * @cssprop [--hv-color-danger=light-dark(#a4262c, #f1707b)] - Color of the sign of a lost connection, and of error messages.
 * @cssprop [--hv-color-accent=light-dark(#0063b1, #6cb8f6)] - The accent of the action button.
 * @cssprop [--hv-focus-ring=0.1875rem solid CanvasText] - Outline of the focused button.
 * @cssprop [--hv-color-text=CanvasText] - Text color.
 * @cssprop [--hv-radius=0.375rem] - Corner radius.
 * @cssprop [--hv-font-family=system-ui, sans-serif] - Font family.
 *
 * @cssState checking - Asking the proxy who is signed in.
 * @cssState not-connected - Nobody is signed in.
 * @cssState connected - Connected, the record(s) usable.
 * @cssState read-only - Connected; a record can be read, not written.
 * @cssState reauth-required - A record needs the person's approval again (the application's rules grew).
 * @cssState authorization-required - A record was never authorized, or its authorization ran out.
 * @cssState reauth-not-possible - A record cannot be authorized again by this person.
 * @cssState location-not-supported - The application cannot use a record kept where it is.
 * @cssState suspended - A record is suspended.
 * @cssState deleted - A record is deleted.
 * @cssState revoked - The person withdrew the application's access.
 * @cssState expired - The person's sign-in expired.
 * @cssState unreachable - The proxy cannot be reached; what is shown is the last known state.
 * @cssState stale - What is shown is the last known state.
 * @cssState offline - Connected, and the application may also use the record while the person is away.
 * @cssState translating - Hidden while the words of its language load (never shown in another language meanwhile).
 *
 * @tagname hv-auth-status
 */
export class HvAuthStatus extends HvElement {
  static override styles = [tokenStyles, controlStyles, authStatusStyles];

  static override properties: PropertyDeclarations = {
    recordId: { attribute: 'record-id' },
    compact: { type: Boolean, reflect: true },
    multiRecord: { type: Boolean, attribute: 'multi-record' },
    noConnect: { type: Boolean, attribute: 'no-connect' },
  };

  /** Shows this record only (its id for this application); without it, every authorized record of the person. */
  declare recordId?: string;

  /** Shows the state's sign and name only, without why and until when. */
  compact = false;

  /** The application authorizes several records (targetqs `ismra` when the person approves again). */
  multiRecord = false;

  /** Leaves out the connect and sign-in-again button, where the page shows its own `<hv-connect-button>`. */
  noConnect = false;

  readonly #session = new SessionController(this);
  /** One of the badge's own words, in the badge's language. */
  readonly #word = <K extends keyof typeof statusWords>(key: K) => this.localize.term(key) ?? statusWords[key];
  #announced?: string;
  /** The custom states set now: the status, and `stale`. */
  #states: string[] = [];
  /** What the badge shows and what keeps it from asking, worked out once per update (see `update`). */
  #shown: ShownView = { status: 'checking', records: [], stale: false };
  #problem?: HvError;
  #reportedProblem?: string;
  /** What shows the person's records, once its code has loaded. */
  #records?: RecordLines;

  constructor() {
    super();
    whileAnswerArrives.add(loadRecordLinesEarly);
  }

  /** What the badge shows as a whole. */
  get status(): AuthStatus {
    return this.#shown.status;
  }

  /** Asks the proxy again who is signed in, and resolves once the badge shows the answer. */
  async refresh(): Promise<void> {
    await this.#session.session?.refresh();
    await this.updateComplete;
  }

  /** The records shown, and the status of the whole. */
  #view(): ShownView {
    const state = this.#session.state;
    const stale = state.status === 'error';
    const signIn = SIGN_IN_STATUS[state.status];
    if (signIn) return { status: signIn, records: [], stale };
    this.#records ??=
      recordLines.loaded && new recordLines.loaded.RecordLines(this, this.localize, (error) => this.reportError(error));
    if (!this.#records) {
      this.#loadRecordLines();
      return { status: stale ? 'unreachable' : 'checking', records: [], stale };
    }
    const { status, records } = this.#records.shown(state);
    return { status: stale ? 'unreachable' : status, records, stale };
  }

  /** The code that shows records loads with the first answer that has any: a first visit has none. */
  #loadRecordLines(): void {
    recordLines.load().then(
      () => this.requestUpdate(),
      (error: HvError) => this.reportError(error),
    );
  }

  /** What keeps the badge from asking anyone, or undefined. */
  #setupProblem(): HvError | undefined {
    return (
      this.missingProxy() ??
      (this.config.appId ? undefined : new HvError('invalid-config', 'The app-id attribute is missing.'))
    );
  }

  // After the controllers' hostUpdate, so that the session a first update attaches is the one shown.
  protected override update(changed: PropertyValues): void {
    this.#problem = this.#setupProblem();
    this.#shown = this.#view();
    super.update(changed);
  }

  protected override updated(): void {
    const problem = this.#problem;
    // The same problem again (another attribute changed) is not reported twice.
    if (problem && problem.message !== this.#reportedProblem) this.reportError(problem);
    this.#reportedProblem = problem?.message;
    const view = this.#shown;
    const states: string[] = [view.status];
    if (view.stale && view.records.length > 0) states.push('stale');
    if (!view.stale && view.records.some((record) => record.offline && record.status === 'connected')) {
      states.push('offline');
    }
    for (const name of this.#states) if (!states.includes(name)) this.toggleState(name, false);
    for (const name of states) this.toggleState(name, true);
    this.#states = states;
    const detail: HvStatusChangeDetail = {
      status: view.status,
      records: view.records.map(({ id, name, status, offline }) => ({ id, name, status, offline })),
      stale: view.stale,
    };
    const said = JSON.stringify(detail);
    if (said !== this.#announced) {
      this.#announced = said;
      dispatchHvEvent(this, 'hv-status-change', detail);
    }
  }

  protected override render() {
    const problem = this.#problem;
    if (problem) return this.renderSetupError(problem);
    const term = this.#word;
    const { status, records, stale } = this.#shown;
    // Unreachable, the badge says so first and lists what was last known beneath.
    const list = records.length > 1 || (stale && records.length > 0);
    // A list's own line names the most pressing state; each record says why beneath it. "Showing what was last
    // known" is said once, beneath the list, and only when something was known.
    const summary = list
      ? this.#line(status, undefined, false)
      : records.length
        ? this.#recordLine(records[0]!)
        : this.#line(status, undefined, !this.compact && !stale);
    // The live region says the state in words only: the buttons and details beside it are not announced.
    return html`<span class="visually-hidden" role="status">${this.#label(status, list ? undefined : records[0])}</span>
      <div part="status" class=${status}>${summary}</div>
      ${
        list
          ? html`<ul part="records">
              ${records.map((record) => html`<li part="record" class=${record.status}>${this.#recordLine(record)}</li>`)}
            </ul>`
          : nothing
      }
      ${
        stale
          ? html`${this.compact || !records.length ? nothing : html`<p part="detail">${term('why.unreachable')}</p>`}
              <button part="retry" @click=${() => this.refresh()}>${term('retry')}</button>`
          : this.#signInAction(status)
      }`;
  }

  /** A state's name, after the record's name in a list of the person's records. */
  #label(status: AuthStatus, record?: ShownRecord): string {
    const words = this.#word(`status.${status}`);
    return record?.name && !this.recordId ? `${record.name}: ${words}` : words;
  }

  /**
   * The badge's line for a status of the whole, with its explanation when there is one, and a record's `extras`.
   * Every line is this one template, so a badge that changes state updates its text instead of rebuilding.
   */
  #line(
    status: AuthStatus,
    record?: ShownRecord,
    explained = !this.compact,
    extras: TemplateResult | typeof nothing = nothing,
  ): TemplateResult {
    const why = explained && this.#why(status);
    return html`<span part="icon" aria-hidden="true">${ICONS[status] ?? '!'}</span>
      <span part="label">${this.#label(status, record)}</span>
      ${why ? html`<span part="detail">${why}</span>` : nothing}${extras}`;
  }

  /** Why the badge says `status`, where its name alone does not say what to do; a record's why comes with its lines. */
  #why(status: AuthStatus): string | undefined {
    const key = `why.${status}`;
    const word =
      key in statusWords
        ? this.#word(key as keyof typeof statusWords)
        : this.#records?.word(key as keyof typeof recordWords);
    return typeof word === 'string' ? word : undefined;
  }

  /** One record's line: its status, until when access lasts, and what the person can do about it. */
  #recordLine(record: ShownRecord): TemplateResult {
    const extras = this.#records!.extras(record, this.#shown.stale, this.#session.state.records.length);
    return this.#line(record.status, record, undefined, extras);
  }

  /** Connect, or sign in again, where the sign-in is what is missing. */
  #signInAction(status: AuthStatus) {
    if (this.noConnect || (status !== 'not-connected' && status !== 'expired' && status !== 'revoked')) return nothing;
    return html`<hv-connect-button
      part="action"
      ?multi-record=${this.multiRecord}
      .appId=${this.config.appId}
      .shell=${this.config.shell}
      .language=${this.config.lang}
      .proxy=${this.config.proxy}
      .proxyUrl=${this.config.proxyUrl}
      .strings=${this.strings}
      >${status === 'expired' ? this.#word('signInAgain') : nothing}</hv-connect-button
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hv-auth-status': HvAuthStatus;
  }
}
