import { html, nothing, type PropertyDeclarations } from 'lit';
import { HvError } from '../../core/errors.js';
import { deletePendingConnectRequest } from '../../core/platform/methods/delete-pending-connect-request.js';
import {
  getAuthorizedConnectRequests,
  type AuthorizedConnectRequest,
} from '../../core/platform/methods/get-authorized-connect-requests.js';
import { updateExternalId } from '../../core/platform/methods/update-external-id.js';
import { dispatchHvEvent } from '../../session/events.js';
import type { HvProxy } from '../../transport/proxy.js';
import { controlStyles } from '../internal/controls.styles.js';
import { fieldStyles } from '../internal/fields.styles.js';
import { callPlatform } from '../internal/data-controller.js';
import { HvElement } from '../internal/hv-element.js';
import { staffErrorText, staffWord } from '../internal/staff-words.js';
import { tokenStyles } from '../internal/tokens.styles.js';
import { connectRequestListStyles } from './connect-request-list.styles.js';

/**
 * Each poll asks from a little before the last one began: a request authorized while that poll was on its way, or
 * stamped by a platform clock a little behind this one, is not missed (and what comes twice is shown once).
 */
const OVERLAP_MS = 2 * 60 * 1000;
/** Rows rendered beyond the visible ones, above and below, so that scrolling never shows a gap. */
const SPARE_ROWS = 8;

/** A connection as the list shows it: the platform's ids against the clinic's own. */
type Connection = AuthorizedConnectRequest;

/** One connection per person, record and external id: the platform returns a request again after a later pick-up. */
const keyOf = ({ personId, recordId, externalId }: Connection) =>
  `${personId.toLowerCase()} ${recordId.toLowerCase()} ${externalId}`;

/**
 * For staff: the patients who picked up a connect request, newest first, polled from GetAuthorizedConnectRequests
 * since the last successful poll (every `poll-seconds`). Each connection shows the clinic's external id against
 * HealthVault's person id, record id and app-specific record id, and `hv-connect-request-authorized` fires once per
 * new one so the host can store the ids. Staff can correct an external id (UpdateExternalId) and withdraw a pending
 * request (DeletePendingConnectRequest). A backlog of thousands stays smooth: only the rows in view are rendered.
 *
 * @event {HvConnectRequestAuthorizedEvent} hv-connect-request-authorized - A new connection (`detail.externalId`,
 * `detail.personId`, `detail.recordId`, `detail.appSpecificRecordId`, `detail.appId`), once each.
 * @event {HvErrorEvent} hv-error - A refusal or a failure of a poll or a change.
 *
 * @csspart table - The list of connections (a scrolling region).
 * @csspart row - One connection.
 * @csspart edit - "Correct" on a row.
 * @csspart withdraw - The form that withdraws a pending request.
 * @csspart message - What went wrong, or what was done.
 * @csspart retry - "Try again" after a failed poll.
 *
 * @cssprop [--hv-connect-request-list-height=24rem] - Height of the scrolling list.
 * @cssprop [--hv-color-accent=light-dark(#0063b1, #6cb8f6)] - The kit's accent color.
 * @cssprop [--hv-color-danger=light-dark(#a4262c, #f1707b)] - Color of error messages.
 * @cssprop [--hv-color-text=CanvasText] - Text color.
 * @cssprop [--hv-focus-ring=0.1875rem solid CanvasText] - Outline of the focused control.
 * @cssprop [--hv-radius=0.375rem] - Corner radius.
 * @cssprop [--hv-font-family=system-ui, sans-serif] - Font family.
 *
 * @cssState polling - A poll is on its way.
 * @cssState failed - The last poll failed.
 * @cssState translating - Hidden while the words of its language load (never shown in another language meanwhile).
 *
 * @tagname hv-connect-request-list
 */
export class HvConnectRequestList extends HvElement {
  static override styles = [tokenStyles, controlStyles, fieldStyles, connectRequestListStyles];

  static override properties: PropertyDeclarations = {
    pollSeconds: { type: Number, attribute: 'poll-seconds' },
    since: { attribute: false },
    _connections: { state: true },
    _failure: { state: true },
    _said: { state: true },
    _editing: { state: true },
    _first: { state: true },
  };

  /** How often to ask for new connections, in seconds. */
  pollSeconds = 60;

  /**
   * Where the next poll starts from: set it to the last value you kept to miss nothing across page loads; it moves
   * on after each successful poll. Undefined asks for every request the platform still holds (90 days).
   */
  declare since?: Date;

  /** Every connection seen on this page, newest first. */
  declare private _connections: Connection[];
  declare private _failure?: HvError;
  /** What the last change did, for the live region. */
  declare private _said?: string;
  /** The connection whose external id is being corrected. */
  declare private _editing?: Connection;
  /** The first row in view. */
  declare private _first: number;

  readonly #seen = new Set<string>();
  #timer?: ReturnType<typeof setTimeout>;
  #polling = false;
  /** A poll found no proxy: the next configuration that has one polls (an `<hv-config>` may come later). */
  #awaitingProxy = false;
  /** The rendered height of one row, measured: rows follow the text size. */
  #rowHeight = 0;

  constructor() {
    super();
    this._connections = [];
    this._first = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.poll();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  /** Asks for new connections now (and then every `poll-seconds`); resolves when the answer is shown. */
  async poll(): Promise<void> {
    clearTimeout(this.#timer);
    const proxy = this.#proxy();
    if (!proxy || this.#polling) return;
    this.#polling = true;
    this.toggleState('polling', true);
    const startedAt = Date.now();
    try {
      const answer = await callPlatform(
        { proxy, method: getAuthorizedConnectRequests, request: this.since ? { since: this.since } : undefined },
        { fresh: true },
      );
      const added = answer.filter((connection) => {
        const key = keyOf(connection);
        if (this.#seen.has(key)) return false;
        this.#seen.add(key);
        return true;
      });
      // The platform lists them oldest first; the list shows the newest on top.
      this._connections = [...[...added].reverse(), ...this._connections];
      this.since = new Date(startedAt - OVERLAP_MS);
      this._failure = undefined;
      for (const connection of added) {
        dispatchHvEvent(this, 'hv-connect-request-authorized', { ...connection });
      }
    } catch (error) {
      if (!(error instanceof HvError)) throw error;
      this._failure = error;
      this.reportError(error);
    } finally {
      this.#polling = false;
      this.toggleState('polling', false);
      this.toggleState('failed', !!this._failure);
      if (this.isConnected) this.#timer = setTimeout(() => void this.poll(), this.pollSeconds * 1000);
    }
    await this.updateComplete;
  }

  #proxy(): HvProxy | string | undefined {
    const problem = this.missingProxy();
    this.#awaitingProxy = !!problem;
    if (problem) {
      this._failure = problem;
      this.reportError(problem);
      return undefined;
    }
    return this.config.proxy ?? this.config.proxyUrl;
  }

  /** One of the staff elements' words, in this element's language. */
  readonly #word = <K extends Parameters<typeof staffWord>[1]>(key: K) => staffWord(this.localize, key);

  protected override render() {
    const total = this._connections.length;
    const visible = this.#visibleRows();
    const last = Math.min(total, this._first + visible + SPARE_ROWS);
    const first = Math.max(0, this._first - SPARE_ROWS);
    return html`<form part="withdraw" @submit=${this.#withdraw}>
        <label for="withdraw-id">${this.#word('staff.withdrawLabel')}</label>
        <input id="withdraw-id" name="externalId" autocomplete="off" required />
        <button type="submit">${this.#word('staff.withdraw')}</button>
      </form>
      <p part="message" role="status">
        ${this._failure ? staffErrorText(this.localize, this._failure) : (this._said ?? '')}
      </p>
      ${this._failure ? html`<button part="retry" @click=${() => this.poll()}>${this.#word('staff.retry')}</button>` : nothing}
      <div
        part="table"
        role="table"
        aria-label=${this.#word('staff.connections')}
        aria-rowcount=${total + 1}
        tabindex="0"
        @scroll=${this.#onScroll}
      >
        <div role="row" aria-rowindex="1" class="head">
          <span role="columnheader">${this.#word('staff.externalId')}</span>
          <span role="columnheader">${this.#word('staff.personId')}</span>
          <span role="columnheader">${this.#word('staff.recordId')}</span>
          <span role="columnheader">${this.#word('staff.appRecordId')}</span>
          <span role="columnheader"><span class="visually-hidden">${this.#word('staff.actions')}</span></span>
        </div>
        <div class="rows" role="rowgroup">
          ${
            total === 0
              ? html`<div role="row" class="empty"><span role="cell">${this.#word('staff.noConnections')}</span></div>`
              : nothing
          }
          ${this._connections.slice(first, last).map((connection, index) => this.#row(connection, first + index))}
        </div>
      </div>`;
  }

  #row(connection: Connection, index: number) {
    const editing = this._editing === connection;
    return html`<div part="row" role="row" aria-rowindex=${index + 2} class="row" data-index=${index}>
      <span role="cell">
        ${
          editing
            ? html`<form class="edit" @submit=${(event: Event) => this.#rename(event, connection)}>
                <label class="visually-hidden" for="new-id">${this.#word('staff.newExternalId')}</label>
                <input id="new-id" name="newExternalId" .value=${connection.externalId} required autocomplete="off" />
                <button type="submit">${this.#word('staff.save')}</button>
                <button type="button" @click=${() => (this._editing = undefined)}>${this.#word('staff.cancel')}</button>
              </form>`
            : connection.externalId
        }
      </span>
      <span role="cell">${connection.personId}</span>
      <span role="cell">${connection.recordId}</span>
      <span role="cell">${connection.appSpecificRecordId ?? ''}</span>
      <span role="cell">
        ${
          editing
            ? nothing
            : html`<button part="edit" @click=${() => this.#edit(connection)}>
                ${this.#word('staff.correct')}<span class="visually-hidden"> ${connection.externalId}</span>
              </button>`
        }
      </span>
    </div>`;
  }

  /** How many rows fit in the scrolling region. */
  #visibleRows(): number {
    const table = this.renderRoot?.querySelector?.('[part="table"]');
    const height = table?.clientHeight || 600;
    return Math.ceil(height / (this.#rowHeight || 44));
  }

  #onScroll(event: Event): void {
    const table = event.currentTarget as HTMLElement;
    const first = Math.floor(table.scrollTop / (this.#rowHeight || 44));
    if (first !== this._first) this._first = first;
  }

  protected override updated(): void {
    if (this.#awaitingProxy && !this.missingProxy()) void this.poll();
    const table = this.renderRoot.querySelector<HTMLElement>('[part="table"]')!;
    const row = table.querySelector<HTMLElement>('.row');
    if (row && !this.#rowHeight) this.#rowHeight = row.getBoundingClientRect().height || 44;
    // The rows not rendered keep their room: the scroll bar is the whole list's, set through the CSSOM (no markup).
    const height = this.#rowHeight || 44;
    const rendered = Math.max(0, this._first - SPARE_ROWS);
    const after = Math.max(0, this._connections.length - (this._first + this.#visibleRows() + SPARE_ROWS));
    table.style.setProperty('--_before', `${rendered * height}px`);
    table.style.setProperty('--_after', `${after * height}px`);
  }

  async #edit(connection: Connection): Promise<void> {
    this._editing = connection;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#new-id')?.select();
  }

  async #rename(event: Event, connection: Connection): Promise<void> {
    event.preventDefault();
    const newExternalId = new FormData(event.target as HTMLFormElement).get('newExternalId') as string;
    const proxy = this.#proxy();
    if (!proxy || !newExternalId || newExternalId === connection.externalId) return;
    try {
      await callPlatform({
        proxy,
        method: updateExternalId,
        request: { oldExternalId: connection.externalId, newExternalId },
      });
      const renamed = { ...connection, externalId: newExternalId };
      this.#seen.add(keyOf(renamed));
      this._connections = this._connections.map((each) => (each === connection ? renamed : each));
      this._editing = undefined;
      this._failure = undefined;
      this._said = this.#word('staff.renamed')(connection.externalId, newExternalId);
    } catch (error) {
      if (!(error instanceof HvError)) throw error;
      this._failure = error;
      this.reportError(error);
    }
  }

  async #withdraw(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const externalId = new FormData(form).get('externalId') as string;
    const proxy = this.#proxy();
    if (!proxy || !externalId) return;
    try {
      await callPlatform({ proxy, method: deletePendingConnectRequest, request: externalId });
      form.reset();
      this._failure = undefined;
      this._said = this.#word('staff.withdrawn')(externalId);
    } catch (error) {
      if (!(error instanceof HvError)) throw error;
      this._failure = error;
      this.reportError(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hv-connect-request-list': HvConnectRequestList;
  }
}
