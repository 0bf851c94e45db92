import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { codeLoadFailure, HvError } from '../../core/errors.js';
import { appDataParam } from '../../core/shell/app-data.js';
import type { createRoundTripState } from '../../core/shell/round-trip-state.js';
import type { TargetRequest } from '../../core/shell/targets.js';
import { buildAuthUrl, type BuildShellUrlOptions } from '../../core/shell/url.js';
import { flowOf } from '../../core/shell/round-trip-params.js';
import { dispatchHvEvent } from '../../session/events.js';
import { POPUP_WINDOW_NAME } from '../../session/popup-name.js';
import { stripShellReturn } from '../../session/take-shell-return.js';
import { HvElement } from '../internal/hv-element.js';
import { PendingController } from '../internal/pending-controller.js';
import { SessionController } from '../internal/session-controller.js';
import { splitWords } from '../internal/split-words.js';
import { tokenStyles } from '../internal/tokens.styles.js';
import { connectButtonStyles } from './connect-button.styles.js';

/** How long a redirect may take before the button, still on its page, is usable again. */
const LEAVING_MS = 10_000;

let roundTrip: Promise<unknown> | undefined;
let createState: typeof createRoundTripState | undefined;

/**
 * Loads the code that makes round-trip states once the person shows intent (a pointer over a button, focus on it),
 * so that a page nobody touches never downloads it.
 */
function prepareRoundTrip(): Promise<unknown> {
  return (roundTrip ??= import('../../core/shell/round-trip-state.js').then((module) => {
    createState = module.createRoundTripState;
  }));
}

/**
 * Signs a person in to HealthVault and asks them to authorize the application, through the HealthVault Shell.
 * It renders a real link, so it works by keyboard, middle-click and before any script runs; on the page the
 * Shell returns to, it processes the return by itself and fires `hv-authorized`, `hv-denied` or `hv-error`.
 *
 * @slot - The label. Defaults to "Connect to HealthVault".
 * @slot connected - Replaces "Connected to HealthVault as {name}" (the name is in `session.state.person.name`).
 *
 * @event {HvConnectEvent} hv-connect - Cancelable. The person is leaving for the Shell; `detail.url` is where,
 * `detail.mode` how.
 * @event {HvAuthorizedEvent} hv-authorized - The Shell came back with an authorized person (`detail.person`,
 * `detail.action`).
 * @event {HvDeniedEvent} hv-denied - The person declined (`detail.reason` is `rejected`) or closed the popup
 * (`popup-closed`).
 * @event {HvShellReturnEvent} hv-shell-return - The Shell came back with a target the kit does not act on
 * (`detail.target`, e.g. `Privacy` or `SignOut`): show the page it names.
 * @event {HvErrorEvent} hv-error - Configuration, Shell return or proxy failure; `detail.error` is a typed `HvError`.
 *
 * @csspart button - The link that leads to the Shell.
 * @csspart label - The label inside the link.
 * @csspart connected - "Connected to HealthVault as {name}", shown instead of the link once connected.
 * @csspart message - Beside the link: the person declined, closed the popup, or the sign-in failed.
 * @csspart error - The message shown instead of the link when the configuration is invalid.
 *
 * @cssprop [--hv-connect-button-background=var(--hv-color-accent)] - Background of the button.
 * @cssprop [--hv-connect-button-color=var(--hv-color-on-accent)] - Text color of the button.
 * @cssprop [--hv-connect-button-height=2.75rem] - Minimum height of the button.
 * @cssprop [--hv-connect-button-padding-inline=1.25rem] - Inline padding of the button.
 * @cssprop [--hv-color-accent=light-dark(#0063b1, #6cb8f6)] - The kit's accent color.
 * @cssprop [--hv-color-on-accent=light-dark(#fff, #000)] - Text on the accent color.
 * @cssprop [--hv-color-danger=light-dark(#a4262c, #f1707b)] - Color of error messages.
 * @cssprop [--hv-radius=0.375rem] - Corner radius.
 * @cssprop [--hv-font-family=system-ui, sans-serif] - Font family.
 * @cssprop [--hv-focus-ring=0.1875rem solid CanvasText] - Outline of the focused button.
 * @cssprop [--hv-color-text=CanvasText] - Text color.
 *
 * @cssState pending - The person is on the way to the Shell (or the popup is open).
 * @cssState authorized - The person is connected (the page's session says so).
 * @cssState invalid - The configuration is invalid; the error message is shown instead of the link.
 * @cssState translating - Hidden while the words of its language load (never shown in another language meanwhile).
 *
 * @tagname hv-connect-button
 */
export class HvConnectButton extends HvElement {
  static override styles = [tokenStyles, connectButtonStyles];

  static override properties: PropertyDeclarations = {
    redirectUrl: { attribute: 'redirect-url' },
    allowedRedirectOrigins: { attribute: 'allowed-redirect-origins' },
    action: {},
    multiRecord: { type: Boolean, attribute: 'multi-record' },
    forceAppAuth: { type: Boolean, attribute: 'force-app-auth' },
    optionalOnlineRules: { attribute: 'optional-online-rules' },
    optionalOfflineRules: { attribute: 'optional-offline-rules' },
    mode: {},
    manualReturn: { type: Boolean, attribute: 'manual-return' },
    trm: {},
  };

  /**
   * Where the Shell returns to (targetqs `redirect`): an https URL, or http on localhost, on this page's origin or
   * one of `allowed-redirect-origins`. Non-production only.
   */
  declare redirectUrl?: string;

  /** Space-separated origins besides this page's own that `redirect-url` may point at. */
  declare allowedRedirectOrigins?: string;

  /** The app's own data, echoed back by the Shell and found in `detail.action` of the result events. */
  declare action?: string;

  /** Lets the person authorize several records (targetqs `ismra`). */
  multiRecord = false;

  /** Runs app authorization even when a record is already authorized (targetqs `forceappauth`). */
  forceAppAuth = false;

  /** Space-separated names of optional online rules to ask for (targetqs `onopt1..N`). */
  optionalOnlineRules = '';

  /** Space-separated names of optional offline rules to ask for (targetqs `offopt1..N`). */
  optionalOfflineRules = '';

  /** `redirect` leaves the page for the Shell; `popup` opens the Shell in a popup and stays. */
  mode: 'redirect' | 'popup' = 'redirect';

  /** Set to process the Shell return yourself with `handleShellReturn()` instead of automatically. */
  manualReturn = false;

  /**
   * How the Shell hands over the user token (targetqs `trm`): `Get` (the default) in the return URL's query, or
   * `Post` as a form field to the action URL your proxy serves (`redirect-url` `{proxy-url}/shell-return` outside
   * production), which sends the browser back to this page without the token (README, "The Shell return").
   */
  declare trm?: 'Get' | 'Post';

  /** The page's session for this button's application and proxy (undefined until both are configured). */
  get session() {
    return this.#sessionController.session;
  }

  readonly #sessionController = new SessionController(this);
  readonly #pending = new PendingController(this);
  /** Shown after the person closed the popup (pending's end re-renders). */
  #popupClosed = false;
  /** The link as rendered (no round-trip state yet), or why there is none. */
  #link: { href: string } | { error: HvError } = { href: '' };
  #linkInputs?: string;
  /** The round trip armed on the link by the last activation: a state is made only when the person acts. */
  #armed?: { flow: string; href: string };
  #reportedMissingProxy = false;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const { appId, shell, lang } = this.config;
    // Every attribute, a subclass's too: the link is built from them.
    const inputs = JSON.stringify([
      appId,
      shell,
      lang,
      ...[...(this.constructor as typeof HvConnectButton).elementProperties].map(
        ([name, { attribute }]) => attribute !== false && this[name as 'id'],
      ),
    ]);
    if (inputs !== this.#linkInputs) {
      this.#linkInputs = inputs;
      this.#armed = undefined;
      try {
        // Until the person acts, the link carries the app's data but no round-trip state.
        this.#link = { href: this.#buildHref(this.action === undefined ? undefined : appDataParam(this.action)) };
      } catch (error) {
        if (!(error instanceof HvError)) throw error;
        // The same problem again (another attribute changed) is not reported twice.
        if ((this.#link as { error?: HvError }).error?.message !== error.message) this.reportError(error);
        this.#link = { error };
      }
    }
    // The token leaves the address bar first (a single-page app's route may set it after the kit loaded); a return
    // that then waits in memory for a proxy to complete it says, once, what is missing.
    if (stripShellReturn() && !this.#reportedMissingProxy && !this.manualReturn) {
      const missing = this.missingProxy();
      if (missing) this.reportError(missing);
      this.#reportedMissingProxy = !!missing;
    }
  }

  protected override updated(): void {
    this.toggleState('invalid', 'error' in this.#link);
    this.toggleState('pending', this.#busy);
    this.toggleState('authorized', this.#sessionController.state.status === 'connected');
  }

  get #busy(): boolean {
    return this.#pending.active || this.#sessionController.state.status === 'connecting';
  }

  protected override render() {
    const term = this.localize.term.bind(this.localize);
    if ('error' in this.#link) return this.renderSetupError(this.#link.error);
    const { error, declined } = this.#sessionController.state;
    const connected = this.connectedWords();
    const message =
      this.#busy || connected
        ? undefined
        : this.#popupClosed
          ? term('popupClosed')
          : declined
            ? term('declined')
            : error && this.localize.errorText(error);
    return html`${
        connected
          ? html`<span part="connected"><slot name="connected">${connected}</slot></span>`
          : html`<a
              part="button"
              href=${this.#link.href}
              aria-busy=${this.#busy}
              @pointerenter=${prepareRoundTrip}
              @focus=${prepareRoundTrip}
              @mousedown=${(event: Event) => this.#arm(event.currentTarget as HTMLAnchorElement)}
              @click=${this.#onClick}
              ><span part="label"><slot>${term('connect')}</slot></span></a
            >`
      }${
        message
          ? html`<p part="message" role=${error && !declined && !this.#popupClosed ? 'alert' : 'status'}>${message}</p>`
          : nothing
      }<span class="visually-hidden" role="status"
        >${this.#pending.active ? term('opening') : this.#busy ? term('connecting') : connected || ''}</span
      >`;
  }

  /** The Shell's AUTH URL for this button, carrying `actionqs` (checked: a bad attribute throws an HvError). */
  #buildHref(actionqs: string | undefined): string {
    const { appId, shell, lang } = this.config;
    const missing = appId ? !shell && 'shell' : 'app-id';
    if (missing) throw new HvError('invalid-config', `The ${missing} attribute is missing.`);
    return this.shellUrl(
      {
        shell: shell!,
        appId: appId!,
        redirect: this.redirectUrl || undefined,
        actionqs,
        tokenRedirectMethod: this.trm,
        multiRecord: this.multiRecord || undefined,
        forceAppAuth: this.forceAppAuth || undefined,
        onlineOptionalRules: splitWords(this.optionalOnlineRules),
        offlineOptionalRules: splitWords(this.optionalOfflineRules),
        culture: lang || undefined,
      },
      { allowedRedirectOrigins: [location.origin, ...(splitWords(this.allowedRedirectOrigins) ?? [])] },
    );
  }

  /** What the button says instead of its link once the person is connected. */
  protected connectedWords(): string | undefined {
    const { status, person } = this.#sessionController.state;
    return status === 'connected' && person ? this.localize.term('connectedAs')(person.name) : undefined;
  }

  /** The Shell URL the link leads to: the sign-in (AUTH); a subclass may lead elsewhere with the same request. */
  protected shellUrl(request: TargetRequest<'AUTH'>, options: BuildShellUrlOptions): string {
    return buildAuthUrl(request, options);
  }

  /**
   * Puts a fresh round-trip state on the link as the person activates it (any mouse button, or Enter, which
   * clicks): the state of a button nobody uses is never made, so a page of many buttons evicts none.
   */
  #arm(anchor: HTMLAnchorElement): void {
    if (!createState) {
      void prepareRoundTrip();
      return;
    }
    if (!this.#armed) {
      try {
        const actionqs = createState(this.action);
        const flow = flowOf(actionqs)!;
        this.#armed = { flow, href: this.#buildHref(actionqs) };
      } catch (error) {
        if (!(error instanceof HvError)) throw error;
        // Session storage refused: the link still leads to the Shell; the return will say it cannot be checked.
        this.reportError(error);
        return;
      }
    }
    anchor.href = this.#armed.href;
  }

  #onClick(event: MouseEvent): void {
    const anchor = event.currentTarget as HTMLAnchorElement;
    // One flow at a time: a second activation while the first is on its way would start a second one.
    if (this.#pending.active) {
      event.preventDefault();
      return;
    }
    if (!createState) {
      // Quicker than the code (a script's click, a slow network): activate again once it is there.
      event.preventDefault();
      prepareRoundTrip().then(
        () => anchor.click(),
        (cause: unknown) => this.reportError(codeLoadFailure(cause)),
      );
      return;
    }
    this.#arm(anchor);
    // A modified click opens a new tab; this page stays as it is.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const armed = this.#armed;
    if (!armed) return;
    const { href: url, flow } = armed;
    if (!dispatchHvEvent(this, 'hv-connect', { url, mode: this.mode }, { cancelable: true })) {
      event.preventDefault();
      return;
    }
    // This state is on its way: coming back (Back, the back/forward cache) the link needs a new one.
    this.#armed = undefined;
    this.#pending.start();
    this.#popupClosed = false;
    if (this.mode === 'popup') {
      event.preventDefault();
      this.#openPopup(url, flow);
    } else {
      // A leave the page refused (a "Leave site?" prompt answered Stay) must not leave the button dead.
      setTimeout(() => this.#pending.end(), LEAVING_MS);
    }
  }

  /** Opens the Shell in a popup, in the click itself so no blocker objects; falls back to a redirect. */
  #openPopup(url: string, flow: string): void {
    const popup = window.open(url, POPUP_WINDOW_NAME, 'popup,width=520,height=720');
    if (!popup) {
      this.leaveFor(url);
      return;
    }
    void this.#awaitPopup(popup, flow);
  }

  async #awaitPopup(popup: Window, flow: string): Promise<void> {
    let returns: typeof import('../../session/shell-return.js') | undefined;
    try {
      returns = await import('../../session/shell-return.js');
    } catch (cause) {
      this.reportError(codeLoadFailure(cause));
    }
    const outcome = await returns?.awaitPopupOutcome(popup, flow, this.sessionSource());
    this.#pending.end();
    if (!returns) return;
    if (outcome) {
      this.session?.settle(outcome);
      returns.deliverShellReturn(outcome, this);
    } else {
      this.#popupClosed = true;
      dispatchHvEvent(this, 'hv-denied', { reason: 'popup-closed', action: this.action });
    }
  }

  /** Leaves the page for `url`: the popup's fallback when a blocker refused it. */
  protected leaveFor(url: string): void {
    location.assign(url);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hv-connect-button': HvConnectButton;
  }
}
