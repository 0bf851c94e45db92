import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { HvError } from '../../core/errors.js';
import type { RecordInfo } from '../../core/platform/methods/get-authorized-records.js';
import {
  getApplicationInfo,
  type ApplicationInfo,
  type GetApplicationInfoOptions,
  textIn,
} from '../../core/platform/methods/get-application-info.js';
import { queryPermissions, type ThingTypePermission } from '../../core/platform/methods/query-permissions.js';
import {
  checkedWhenOffered,
  optionalRuleNames,
  requestedRules,
  ruleGranted,
  type OptionalRule,
} from '../../core/platform/optional-rules.js';
import { thingTypeName } from '../../core/platform/thing-types.js';
import { dispatchHvEvent } from '../../session/events.js';
import { promptWords } from '../../strings/en-prompt.js';
import { HvReauthorizeButton } from '../auth-status/reauthorize-button.js';
import { PlatformDataController } from '../internal/data-controller.js';
import { define } from '../internal/define.js';
import type { HvStringOverrides, LocalizeController } from '../internal/localize-controller.js';
import { splitWords } from '../internal/split-words.js';
import { dismiss, dismissedUntil } from './dismissals.js';
import type { HvConfig } from '../internal/config-context.js';
import type { SessionController } from '../internal/session-controller.js';
import type { HvProxy } from '../../transport/proxy.js';
import { controlStyles } from '../internal/controls.styles.js';
import { promptStyles } from './optional-rule-prompt.styles.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The `action` the prompt's round trip carries, then the rules it asked for: how its return is told apart. */
const PROMPT_ACTION = 'hv-optional-rule-prompt:';

/** Shell returns whose rules a prompt has reported on: a page's one return is reported once. */
const reported = new WeakSet<object>();

/** What the view reads off its element, `<hv-optional-rule-prompt>`. */
export interface PromptHost extends HTMLElement, ReactiveControllerHost {
  readonly rule: string;
  readonly recordId?: string;
  readonly multiRecord: boolean;
  readonly dismissDays: number;
  readonly showGranted: boolean;
  readonly config: HvConfig;
  readonly strings?: HvStringOverrides;
  readonly sessionController: SessionController;
  readonly renderRoot: HTMLElement | DocumentFragment;
  sessionSource(): { appId: string; proxy: HvProxy | string } | undefined;
}

/** What the prompt shows (its custom state, where it has one), worked out in `render`. */
export type PromptShown = 'asking' | 'granted' | 'dismissed' | 'invalid' | 'failed' | 'loading';

/**
 * Everything `<hv-optional-rule-prompt>` does once a person is signed in, loaded then: reads the application's
 * rules (GetApplicationInfo) and the record's grants for their thing types (QueryPermissions), shows what is still
 * to ask, sends the person to APPAUTH with the chosen rules, and says what became of them on return.
 */
export class RulePromptView implements ReactiveController {
  readonly #host: PromptHost;
  readonly #localize: LocalizeController;
  readonly #report: (error: HvError) => void;

  readonly #app: PlatformDataController<GetApplicationInfoOptions | undefined, ApplicationInfo>;
  readonly #permissions: PlatformDataController<readonly string[], ThingTypePermission[]>;

  /** The rules the person has checked, by name; set from the display flags when the rules are first known. */
  #chosen?: Set<string>;
  /** What the last render showed. */
  shown?: PromptShown;
  /** What keeps the prompt from asking (a failure, a misnamed rule), reported once. */
  #problem?: HvError;
  #reported?: string;
  /** The Shell return the grants were last read again for. */
  #readAfter?: object;
  /** Rules this render found granted and declined after a return from the Shell, for `hostUpdated` to announce. */
  #outcome?: { granted: string[]; declined: string[] };

  constructor(host: PromptHost, localize: LocalizeController, report: (error: HvError) => void) {
    this.#host = host;
    this.#localize = localize;
    this.#report = report;
    define('hv-reauthorize-button', HvReauthorizeButton);
    const root = host.renderRoot as ShadowRoot;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, controlStyles.styleSheet!, promptStyles.styleSheet!];
    this.#app = new PlatformDataController(host, () => {
      const source = host.sessionSource();
      return source && { proxy: source.proxy, method: getApplicationInfo, request: undefined };
    });
    this.#permissions = new PlatformDataController(host, () => {
      const source = host.sessionSource();
      const record = this.#record();
      const types = [...new Set(this.#requested()?.rules.flatMap(({ rule }) => rule.typeIds))].sort();
      if (!source || !record || !types.length) return undefined;
      return { proxy: source.proxy, method: queryPermissions, request: types, recordId: record.id };
    });
    host.addController(this);
  }

  /**
   * The page's last Shell return, when it came back from a prompt's APPAUTH (on this page load, or in its popup)
   * and has not been reported on: which rules were asked for, and whether the person declined outright.
   */
  #pendingReturn() {
    const outcome = this.#host.sessionController.session?.lastReturn;
    const action = outcome && 'detail' in outcome ? outcome.detail.action : undefined;
    if (!outcome || !action?.startsWith(PROMPT_ACTION) || reported.has(outcome)) return undefined;
    return { outcome, names: action.slice(PROMPT_ACTION.length).split(' '), declined: outcome.kind === 'denied' };
  }

  /** Back from the Shell: the grants are read again before the prompt says what became of the rules. */
  hostUpdate(): void {
    const back = this.#pendingReturn();
    if (back && this.#readAfter !== back.outcome) {
      this.#readAfter = back.outcome;
      this.#permissions.retry();
    }
  }

  /** One of the prompt's words, in its language. */
  readonly #word = <K extends keyof typeof promptWords>(key: K) => this.#localize.term(key) ?? promptWords[key];

  /** The record asked about: `record-id`, else the one the person chose at sign-in, else their first. */
  #record(): RecordInfo | undefined {
    const { records, person } = this.#host.sessionController.state;
    const wanted = (this.#host.recordId ?? person?.selectedRecordId)?.toLowerCase();
    return (
      records.find((record) => record.id.toLowerCase() === wanted) ?? (this.#host.recordId ? undefined : records[0])
    );
  }

  #requested() {
    const app = this.#app.value;
    return app && requestedRules(app, splitWords(this.#host.rule) ?? []);
  }

  /** Rule names that are no optional rule of the application: the developer's mistake, said precisely. */
  #misnamed(): HvError | undefined {
    const requested = this.#requested();
    if (!requested) return undefined;
    const { rules, unknown, required } = requested;
    const known = optionalRuleNames(this.#app.value!).join(', ') || 'none';
    if (!rules.length && !unknown.length && !required.length) {
      return new HvError('invalid-config', `The rule attribute is empty (optional rules: ${known}).`);
    }
    if (unknown.length) {
      return new HvError(
        'invalid-config',
        `No rule of the application is named ${unknown.join(', ')} (optional rules: ${known}).`,
      );
    }
    if (required.length) {
      return new HvError(
        'invalid-config',
        `${required.join(', ')}: a required rule, granted with every authorization; name optional rules (${known}).`,
      );
    }
    return undefined;
  }

  render(): TemplateResult | typeof nothing {
    const word = this.#word;
    const session = this.#host.sessionController.state;
    const record = this.#record();
    const failure =
      session.status === 'error' && !record ? session.error : (this.#app.error ?? this.#permissions.error);
    const failed =
      failure !== undefined && (!record || this.#app.status === 'error' || this.#permissions.status === 'error');
    const problem = failed ? failure : (this.#misnamed() ?? (record ? undefined : this.#noRecord()));
    this.#problem = problem;
    if (problem) {
      this.shown = failed ? 'failed' : 'invalid';
      return html`<p part="message" role="alert">${failed ? word('prompt.failed') : word('prompt.unavailable')}</p>
        ${failed ? html`<button part="retry" @click=${() => this.#retry()}>${word('prompt.retry')}</button>` : nothing}`;
    }
    const requested = this.#requested();
    const granted = this.#permissions.value;
    // While the grants are read again, what was read before stays on screen.
    if (!requested || !granted) {
      this.shown = 'loading';
      return nothing;
    }
    const { rules } = requested;
    const toAsk = rules.filter((rule) => !ruleGranted(rule, granted));
    const back = this.#pendingReturn();
    if (back && this.#readAfter === back.outcome && this.#permissions.status === 'complete') {
      reported.add(back.outcome);
      const grantedNow = back.names.filter((name) => !back.declined && !toAsk.some(({ rule }) => rule.name === name));
      this.#outcome = { granted: grantedNow, declined: back.names.filter((name) => !grantedNow.includes(name)) };
    }
    const { appId } = this.#host.sessionSource()!;
    const open = toAsk.filter(({ rule }) => dismissedUntil(appId, record!.id, rule.name) === undefined);
    if (!toAsk.length) {
      this.shown = 'granted';
      return this.#host.showGranted ? html`<p part="message" role="status">${word('prompt.granted')}</p>` : nothing;
    }
    if (!open.length) {
      this.shown = 'dismissed';
      return nothing;
    }
    this.shown = 'asking';
    const firstTime = record!.appRecordAuthAction === 'AuthorizationRequired';
    this.#chosen ??= new Set(
      open.filter(({ rule }) => checkedWhenOffered(rule, firstTime)).map(({ rule }) => rule.name),
    );
    const chosen = open.filter(({ rule }) => this.#chosen!.has(rule.name));
    return html`<section part="prompt" aria-labelledby="heading">
      <h2 part="heading" id="heading"><slot>${word('prompt.heading')(this.#app.value!.name)}</slot></h2>
      <fieldset>
        <legend>${word('prompt.choose')}</legend>
        <ul part="rules">
          ${open.map((rule) => this.#ruleItem(rule))}
        </ul>
      </fieldset>
      <p class="actions">
        ${
          chosen.length
            ? html`<hv-reauthorize-button
                part="allow"
                record-id=${record!.id}
                ?multi-record=${this.#host.multiRecord}
                action=${PROMPT_ACTION + chosen.map(({ rule }) => rule.name).join(' ')}
                optional-online-rules=${this.#names(chosen, 'online')}
                optional-offline-rules=${this.#names(chosen, 'offline')}
                .appId=${this.#host.config.appId}
                .shell=${this.#host.config.shell}
                .language=${this.#host.config.lang}
                .proxy=${this.#host.config.proxy}
                .proxyUrl=${this.#host.config.proxyUrl}
                .strings=${this.#host.strings}
                >${word('prompt.allow')}</hv-reauthorize-button
              >`
            : html`<span part="hint">${word('prompt.chooseOne')}</span>`
        }
        <button part="dismiss" @click=${() => this.#dismiss(open)}>${word('prompt.notNow')}</button>
      </p>
    </section>`;
  }

  #noRecord(): HvError {
    return new HvError(
      'invalid-config',
      this.#host.recordId
        ? `record-id ${this.#host.recordId} is none of the signed-in person's records for this application.`
        : 'The signed-in person has no record authorized for this application.',
    );
  }

  #ruleItem({ rule, scope }: OptionalRule): TemplateResult {
    const word = this.#word;
    const id = `rule-${rule.name}`;
    const permissions = rule.permissions.map((permission) => word(`permission.${permission}`)).join(', ');
    const types = rule.typeIds.map((typeId) => thingTypeName(typeId) ?? typeId).join(', ');
    return html`<li part="rule">
      <input
        type="checkbox"
        id=${id}
        aria-describedby=${`${id}-access`}
        .checked=${this.#chosen!.has(rule.name)}
        @change=${(event: Event) => this.#choose(rule.name, (event.target as HTMLInputElement).checked)}
      />
      <label for=${id} part="reason">${textIn(rule.reasons, this.#localize.language) ?? rule.name}</label>
      <span part="access" id=${`${id}-access`}
        >${types}: ${permissions}. ${scope === 'offline' ? word('prompt.offline') : word('prompt.online')}.</span
      >
    </li>`;
  }

  #names(rules: OptionalRule[], scope: OptionalRule['scope']): string {
    return rules
      .filter((rule) => rule.scope === scope)
      .map(({ rule }) => rule.name)
      .join(' ');
  }

  #choose(name: string, checked: boolean): void {
    if (checked) this.#chosen!.add(name);
    else this.#chosen!.delete(name);
    this.#host.requestUpdate();
  }

  #retry(): void {
    if (!this.#record()) void this.#host.sessionController.session?.refresh();
    else if (this.#app.status === 'error') this.#app.retry();
    else this.#permissions.retry();
  }

  /** "Not now": every rule shown is put off for `dismiss-days`, here and on later visits. */
  #dismiss(open: OptionalRule[]): void {
    const rules = open.map(({ rule }) => rule.name);
    const until = Date.now() + this.#host.dismissDays * DAY_MS;
    dismiss(this.#host.sessionSource()!.appId, this.#record()!.id, rules, until);
    dispatchHvEvent(this.#host, 'hv-rule-dismissed', { rules, until: new Date(until) });
    this.#host.requestUpdate();
  }

  hostUpdated(): void {
    const problem = this.#problem;
    if (problem && problem.message !== this.#reported) this.#report(problem);
    this.#reported = problem?.message;
    const outcome = this.#outcome;
    this.#outcome = undefined;
    if (outcome?.granted.length) dispatchHvEvent(this.#host, 'hv-rule-granted', { rules: outcome.granted });
    if (outcome?.declined.length) dispatchHvEvent(this.#host, 'hv-rule-declined', { rules: outcome.declined });
  }
}
