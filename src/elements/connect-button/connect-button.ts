import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { HvError } from '../../core/errors.js';
import { buildAuthUrl, createRoundTripState } from '../../core/shell/index.js';
import { STATE_PARAM } from '../../core/shell/round-trip-ledger.js';
import { HvElement } from '../internal/hv-element.js';
import { dispatchHvEvent } from '../internal/events.js';
import { tokenStyles } from '../internal/tokens.styles.js';
import { connectButtonStyles } from './connect-button.styles.js';
import type { HvProxy } from '../../transport/proxy.js';
import { POPUP_WINDOW_NAME } from './popup-name.js';
import type { deliverShellReturn, ShellReturnOutcome } from './shell-return.js';
import { takeShellReturn } from './take-shell-return.js';

/** A round-trip state older than this is renewed at click time, well before it expires. */
const STATE_RENEW_AFTER_MS = 10 * 60 * 1000;

/**
 * Signs a person in to HealthVault and asks them to authorize the application, through the HealthVault Shell.
 * It renders a real link, so it works by keyboard, middle-click and before any script runs; on the page the
 * Shell returns to, it processes the return by itself and fires `hv-authorized`, `hv-denied` or `hv-error`.
 *
 * @slot - The label. Defaults to "Connect to HealthVault".
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
 * @csspart error - The message shown instead of the link when the configuration is invalid.
 *
 * @cssprop --hv-connect-button-background - Background of the button (default: `--hv-color-accent`).
 * @cssprop --hv-connect-button-color - Text color of the button (default: `--hv-color-on-accent`).
 * @cssprop --hv-connect-button-height - Minimum height of the button (default: 2.75rem).
 * @cssprop --hv-connect-button-padding-inline - Inline padding of the button (default: 1.25rem).
 * @cssprop --hv-color-accent - The kit's accent color.
 * @cssprop --hv-color-on-accent - Text on the accent color.
 * @cssprop --hv-color-danger - Color of error messages.
 * @cssprop --hv-radius - Corner radius.
 * @cssprop --hv-font-family - Font family.
 * @cssprop --hv-focus-ring - Outline of the focused button.
 *
 * @cssState pending - The person is on the way to the Shell (or the popup is open).
 * @cssState authorized - The Shell returned to this page with an authorized person.
 * @cssState invalid - The configuration is invalid; the error message is shown instead of the link.
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
    href: { state: true, attribute: false },
    configError: { state: true, attribute: false },
    pending: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
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

  declare private href?: string;
  declare private configError?: HvError;
  private pending = false;
  private announcement = '';

  private stateCreatedAt = 0;
  /** The round-trip state in the current link: the flow a popup's outcome must name. */
  private flow = '';
  private linkInputs?: string;
  /** Set while a Shell return waits for a proxy to be configured (it may come later, by context). */
  private proxyConfigured?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pageshow', this.onPageShow);
    if (this.manualReturn) return;
    // Off the address bar right away; the code that completes it loads only now that there is one.
    const query = takeShellReturn();
    if (query !== undefined) void this.processShellReturn(query);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pageshow', this.onPageShow);
  }

  protected override willUpdate(): void {
    // A new link (and round-trip state) only when something the link is made of changed.
    const { appId, shell, lang } = this.config;
    const inputs = JSON.stringify([
      appId,
      shell,
      lang,
      this.redirectUrl,
      this.allowedRedirectOrigins,
      this.action,
      this.multiRecord,
      this.forceAppAuth,
      this.optionalOnlineRules,
      this.optionalOfflineRules,
    ]);
    if (inputs !== this.linkInputs) {
      this.linkInputs = inputs;
      this.refreshHref();
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('configError') && this.configError) this.reportError(this.configError);
    this.toggleState('invalid', this.configError !== undefined);
    this.toggleState('pending', this.pending);
    if (this.proxyConfigured && !this.missingProxy()) {
      this.proxyConfigured();
      this.proxyConfigured = undefined;
    }
  }

  protected override render() {
    if (this.configError) {
      return html`<p part="error" role="alert">${this.configError.message}</p>`;
    }
    return html`<a
        part="button"
        href=${this.href ?? nothing}
        aria-busy=${this.pending ? 'true' : 'false'}
        @click=${this.onClick}
        ><span part="label"><slot>Connect to HealthVault</slot></span></a
      ><span class="visually-hidden" role="status">${this.announcement}</span>`;
  }

  /** Builds the Shell URL, with a fresh round-trip state, from the current configuration. */
  private refreshHref(): void {
    try {
      const { appId, shell, lang } = this.config;
      if (!appId) throw new HvError('invalid-config', 'HealthVault connect button: the app-id attribute is missing.');
      if (!shell) throw new HvError('invalid-config', 'HealthVault connect button: the shell attribute is missing.');
      const actionqs = createRoundTripState(this.action);
      this.href = buildAuthUrl(
        {
          shell,
          appId,
          redirect: this.redirectUrl || undefined,
          actionqs,
          multiRecord: this.multiRecord || undefined,
          forceAppAuth: this.forceAppAuth || undefined,
          onlineOptionalRules: splitWords(this.optionalOnlineRules),
          offlineOptionalRules: splitWords(this.optionalOfflineRules),
          culture: lang || undefined,
        },
        { allowedRedirectOrigins: [location.origin, ...(splitWords(this.allowedRedirectOrigins) ?? [])] },
      );
      this.flow = new URLSearchParams(actionqs).get(STATE_PARAM)!;
      this.stateCreatedAt = Date.now();
      this.configError = undefined;
    } catch (error) {
      if (!(error instanceof HvError)) throw error;
      this.href = undefined;
      if (this.configError?.message !== error.message) this.configError = error;
    }
  }

  private onClick(event: MouseEvent): void {
    if (!this.href) return;
    // One flow at a time: a second activation while the first is on its way would start a second one.
    if (this.pending) {
      event.preventDefault();
      return;
    }
    if (Date.now() - this.stateCreatedAt > STATE_RENEW_AFTER_MS) {
      this.refreshHref();
      (event.currentTarget as HTMLAnchorElement).href = this.href ?? '';
    }
    // A modified click opens a new tab; this page stays as it is.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const url = this.href;
    if (!dispatchHvEvent(this, 'hv-connect', { url, mode: this.mode }, { cancelable: true })) {
      event.preventDefault();
      return;
    }
    this.pending = true;
    this.announcement = 'Opening HealthVault…';
    if (this.mode === 'popup') {
      event.preventDefault();
      this.openPopup(url);
    }
  }

  /** Opens the Shell in a popup, in the click itself so no blocker objects; falls back to a redirect. */
  private openPopup(url: string): void {
    const popup = window.open(url, POPUP_WINDOW_NAME, 'popup,width=520,height=720');
    if (!popup) {
      this.leaveFor(url);
      return;
    }
    const { flow } = this;
    void this.loadShellReturn().then(async (returns) => {
      const outcome = returns && (await returns.awaitPopupOutcome(popup, flow, () => this.loadProxy()));
      this.pending = false;
      // That flow's state is used up: the next activation needs a link with a new one.
      this.refreshHref();
      if (outcome) {
        this.settle(outcome, returns.deliverShellReturn);
      } else if (returns) {
        this.announcement = 'HealthVault was closed before you finished.';
        dispatchHvEvent(this, 'hv-denied', { reason: 'popup-closed', action: this.action });
      }
    });
  }

  /** The lazily loaded return code; a failed load (network, stale deployment) is reported, not swallowed. */
  private async loadShellReturn(): Promise<typeof import('./shell-return.js') | undefined> {
    try {
      return await import('./shell-return.js');
    } catch (cause) {
      const error = new HvError('network', 'The HealthVault sign-in code could not be loaded; reload the page.', {
        retryable: true,
        cause,
      });
      this.announcement = error.message;
      this.reportError(error);
      return undefined;
    }
  }

  /** Leaves the page for `url`: the popup's fallback when a blocker refused it. */
  protected leaveFor(url: string): void {
    location.assign(url);
  }

  private async processShellReturn(query: string): Promise<void> {
    const returns = await this.loadShellReturn();
    let outcome = returns?.captureShellReturn(query);
    if (!returns || !outcome) return;
    if (outcome.kind === 'pending') {
      try {
        const proxy = await this.proxyOnceConfigured();
        // Busy only while the proxy works (its calls time out), not while the page lacks a configuration.
        this.pending = true;
        outcome = await returns.completeShellReturn(outcome, proxy);
      } catch (error) {
        outcome = { kind: 'error', error: returns.asHvError(error) };
      }
    }
    await pageScriptsRan();
    this.pending = false;
    this.settle(outcome, returns.deliverShellReturn, query);
  }

  /** The proxy, once there is one: the token waits in memory meanwhile, and the page hears why it waits. */
  private async proxyOnceConfigured(): Promise<HvProxy> {
    const missing = this.missingProxy();
    if (missing) {
      this.reportError(missing);
      await new Promise<void>((resolve) => (this.proxyConfigured = resolve));
    }
    return this.loadProxy();
  }

  private settle(outcome: ShellReturnOutcome, deliver: typeof deliverShellReturn, query?: string): void {
    deliver(outcome, this, query);
    this.toggleState('authorized', outcome.kind === 'authorized');
    if (outcome.kind === 'authorized') this.announcement = `Connected to HealthVault as ${outcome.detail.person.name}.`;
    else if (outcome.kind === 'denied') this.announcement = 'HealthVault access was not granted.';
    else if (outcome.kind === 'error') this.announcement = outcome.error.message;
  }

  /** Coming back through the back/forward cache: the person is no longer on the way out. */
  private readonly onPageShow = (event: PageTransitionEvent): void => {
    if (event.persisted) {
      this.pending = false;
      this.announcement = '';
    }
  };
}

/**
 * Resolves once the page's own scripts have run, so that the listeners they add hear the return's events:
 * the button upgrades, and could settle a return, before a partner script placed after the kit's has run.
 */
function pageScriptsRan(): Promise<void> {
  return new Promise((resolve) => {
    const afterTask = () => setTimeout(resolve);
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', afterTask, { once: true });
    else afterTask();
  });
}

/** The words of a space-separated attribute, undefined when there are none (or the attribute was removed). */
function splitWords(words: string | null | undefined): string[] | undefined {
  const list = words?.split(/\s+/).filter(Boolean);
  return list?.length ? list : undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'hv-connect-button': HvConnectButton;
  }
}
