import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { codeLoadFailure, HvError } from '../../core/errors.js';
import { promptSignIn } from '../../strings/en-prompt-sign-in.js';
import { HvElement } from '../internal/hv-element.js';
import { SessionController } from '../internal/session-controller.js';
import { tokenStyles } from '../internal/tokens.styles.js';
import type { RulePromptView } from './rule-prompt-view.js';

/**
 * Asks a signed-in person for optional access, in their words and only when it is not granted yet: the rules'
 * why strings, permissions and thing types, with a choice of which to allow, then the Shell's APPAUTH with
 * `onopt#`/`offopt#` for exactly those. "Not now" is remembered per application, record and rule. Its code loads
 * when there is something to ask: a page whose visitors are not signed in downloads next to nothing for it.
 *
 * @slot - Shown above the rules, in place of the default heading.
 *
 * @event {HvRuleEvent} hv-rule-granted - Back from the Shell, these rules (`detail.rules`) are granted.
 * @event {HvRuleEvent} hv-rule-declined - Back from the Shell, these rules were not granted.
 * @event {HvRuleDismissedEvent} hv-rule-dismissed - The person chose "Not now" (`detail.rules`, `detail.until`).
 * @event {HvErrorEvent} hv-error - A rule that is unknown or required, a signed-out person, a proxy failure.
 *
 * @csspart message - What the prompt says instead of asking (signed out, unavailable, already granted).
 * @csspart prompt - The box around the question.
 * @csspart heading - The heading above the rules.
 * @csspart rules - The list of rules asked for.
 * @csspart rule - One rule: its checkbox, why it is asked, what it covers.
 * @csspart reason - The rule's why string.
 * @csspart access - What the rule covers: permissions, thing types, online or offline.
 * @csspart allow - "Allow": leads to the Shell (style it through its own `button` part).
 * @csspart hint - Said in place of "Allow" while no rule is checked.
 * @csspart dismiss - "Not now".
 * @csspart retry - "Try again" after a failure.
 * @csspart error - The message shown when the configuration is invalid.
 *
 * @cssprop [--hv-rule-prompt-border=1px solid #8a8886] - Border of the prompt.
 * @cssprop [--hv-rule-prompt-background=transparent] - Background of the prompt.
 * @cssprop [--hv-color-accent=light-dark(#0063b1, #6cb8f6)] - The kit's accent color.
 * @cssprop [--hv-color-danger=light-dark(#a4262c, #f1707b)] - Color of error messages.
 * @cssprop [--hv-radius=0.375rem] - Corner radius.
 * @cssprop [--hv-focus-ring=0.1875rem solid CanvasText] - Outline of the focused control.
 * @cssprop [--hv-color-text=CanvasText] - Text color.
 * @cssprop [--hv-font-family=system-ui, sans-serif] - Font family.
 *
 * @cssState asking - Rules are shown for the person to allow.
 * @cssState granted - Every rule asked for is granted (shown with `show-granted`).
 * @cssState dismissed - The person chose "Not now" for every rule still to ask.
 * @cssState signed-out - Nobody is signed in: nothing to ask yet.
 * @cssState invalid - The configuration or the rule names are invalid.
 * @cssState translating - Hidden while the words of its language load (never shown in another language meanwhile).
 *
 * @tagname hv-optional-rule-prompt
 */
export class HvOptionalRulePrompt extends HvElement {
  static override styles = [
    tokenStyles,
    css`
      :host {
        display: block;
      }
      [part~='message'] {
        display: block;
        min-block-size: 1.5rem;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    rule: {},
    recordId: { attribute: 'record-id' },
    multiRecord: { type: Boolean, attribute: 'multi-record' },
    dismissDays: { type: Number, attribute: 'dismiss-days' },
    showGranted: { type: Boolean, attribute: 'show-granted' },
  };

  /** Space-separated names of the optional rules to ask for, as the application's configuration names them. */
  rule = '';

  /** The record to ask for (its id for this application); the person's selected record by default. */
  declare recordId?: string;

  /** The application authorizes several records (targetqs `ismra`). */
  multiRecord = false;

  /** How many days "Not now" keeps a rule from being asked again. */
  dismissDays = 30;

  /** Says quietly that the access is granted, instead of showing nothing, once every rule is. */
  showGranted = false;

  /** @internal The page's session, for the view. */
  readonly sessionController = new SessionController(this);
  #view?: RulePromptView;
  #loading = false;
  /** What keeps the prompt from asking, reported once: a configuration problem, or nobody signed in. */
  #problem?: HvError;
  #reported?: string;

  protected override render(): TemplateResult | typeof nothing {
    const { status } = this.sessionController.state;
    const signedOut = status === 'signed-out' || status === 'expired' || status === 'revoked';
    this.#problem =
      this.missingProxy() ??
      (signedOut ? new HvError('signed-out', '<hv-optional-rule-prompt> asks a signed-in person only.') : undefined);
    if (this.#problem) {
      return signedOut
        ? html`<span part="message" role="status">${this.localize.term('promptSignIn') ?? promptSignIn}</span>`
        : this.renderSetupError(this.#problem);
    }
    // Until the sign-in is known, the line the sign-in message takes is held: the page does not move when it comes.
    if (status === 'unknown' || status === 'connecting') return html`<span part="message"></span>`;
    // A proxy that fails before anyone is known is said by the view too, with a way to try again.
    if (!this.#view && !this.#loading && (status === 'connected' || status === 'error')) {
      this.#loading = true;
      import('./rule-prompt-view.js').then(
        ({ RulePromptView }) => {
          this.#view = new RulePromptView(this, this.localize, (error) => this.reportError(error));
          this.requestUpdate();
        },
        (cause: unknown) => this.reportError(codeLoadFailure(cause)),
      );
    }
    return this.#view?.render() ?? nothing;
  }

  protected override updated(): void {
    const problem = this.#problem;
    const shown = problem ? (problem.code === 'signed-out' ? 'signed-out' : 'invalid') : this.#view?.shown;
    for (const state of ['asking', 'granted', 'dismissed', 'signed-out', 'invalid'])
      this.toggleState(state, state === shown);
    if (problem && problem.message !== this.#reported) this.reportError(problem);
    this.#reported = problem?.message;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hv-optional-rule-prompt': HvOptionalRulePrompt;
  }
}
