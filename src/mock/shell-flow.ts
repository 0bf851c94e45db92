import { checkedWhenOffered, offeredUnasked } from '../core/platform/optional-rules.js';
import { isGuid } from './ids.js';
import { SHELL_WORDS, shellLanguageOf, type ShellLanguage, type ShellWords } from './shell-words.js';
import type { ApplicationSummary, RecordChoice, ShellApi } from './simulator.js';
import type { AccessScope, SimAuthRule } from './state.js';

/**
 * What the simulated Shell does for AUTH and APPAUTH (reference §2–§4, seeds 001/002), without any DOM: read the
 * request, decide what to show after sign-in, and build the URL back to the application exactly as the real Shell
 * does (`target=AppAuthSuccess&wctoken=…&instanceId=1&actionqs=…`). The Shell page only renders and navigates.
 * CONNECT and PICKUP, read here too, go on in shell-code-flow.ts.
 */

/** The only instance the simulated platform has (US = 1, reference §1). */
export const INSTANCE_ID = '1';

/**
 * The return's instance parameter, spelled as the web connectivity docs show it
 * (`?target=AppAuthSuccess&wctoken=auth_token&instanceId=1`, reference §3); applications read it in any casing.
 */
export const INSTANCE_ID_PARAM = 'instanceId';

export type SimShellTarget = 'AUTH' | 'APPAUTH';

/** An AUTH or APPAUTH Shell request (`redirect.aspx?target=…&targetqs=…`), decoded. */
export interface SimShellRequest {
  target: SimShellTarget;
  /** The language of the Shell's words, from targetqs `culture` or `lcid`. */
  language: ShellLanguage;
  appId: string;
  multiRecord: boolean;
  forceAppAuth: boolean;
  onlineOptionalRules: string[];
  offlineOptionalRules: string[];
  /** `extrecordid`: the record (as the application knows it) APPAUTH should act on. */
  recordId?: string;
  actionqs?: string;
  /** `redirect`: overrides the registered action URL. */
  redirect?: string;
  /**
   * `trm=post` (in targetqs, as the SDKs send it, or at the top level, as the docs show it): the user token goes back
   * as a form field posted to the return URL ({@link tokenPost}), not in its query.
   */
  tokenByPost?: true;
}

/**
 * A CONNECT or PICKUP request: no application, only the identity code of a connect request or a drop-off package
 * (`packageid`, reference §2.2).
 */
export interface SimCodeRequest {
  target: 'CONNECT' | 'PICKUP';
  language: ShellLanguage;
  /** `packageid` as given; absent when the person is to type the code. */
  packageId?: string;
}

/**
 * A result, or what the Shell's error page says instead: the problem in plain words, and the way back to the
 * application when a safe one is known ({@link errorReturnUrl}).
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: string; returnUrl?: string };

/** True for the return addresses the simulated Shell accepts: https, or http on this machine. */
export function isAllowedReturnUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' ||
    (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname))
  );
}

/** Query parameters with their names lower-cased: the Shell reads `isMra` and `ismra` alike. */
function caseInsensitive(query: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(query)) {
    if (!params.has(name.toLowerCase())) params.set(name.toLowerCase(), value);
  }
  return params;
}

function numberedRules(params: Map<string, string>, prefix: string): string[] {
  const names: string[] = [];
  for (let n = 1; params.has(`${prefix}${n}`); n++) names.push(params.get(`${prefix}${n}`)!);
  return names;
}

/** A Shell request's query: the top-level parameters, and those of `targetqs`, both by lower-cased name. */
function requestParams(search: string): { outer: Map<string, string>; inner: Map<string, string> } {
  const outer = caseInsensitive(search.replace(/^\?/, ''));
  return { outer, inner: caseInsensitive((outer.get('targetqs') ?? '').replace(/^\?/, '')) };
}

/** The words of the Shell for a request's query, read even from a request it cannot serve (for its error page). */
export function shellWordsFor(search: string): ShellWords {
  const { inner } = requestParams(search);
  return SHELL_WORDS[shellLanguageOf(inner.get('culture'), inner.get('lcid'))];
}

/**
 * Decodes the query of a Shell request: `targetqs` is decoded once as a query value and once more as a query of
 * its own, with a leading `?` allowed (official clients send both forms).
 */
export function parseShellRequest(search: string): Outcome<SimShellRequest | SimCodeRequest> {
  const { outer, inner } = requestParams(search);
  const words = shellWordsFor(search);
  const language = words.lang;
  const target = outer.get('target')?.toUpperCase();
  if (target === 'CONNECT' || target === 'PICKUP') {
    const packageId = inner.get('packageid');
    return { ok: true, value: packageId === undefined ? { target, language } : { target, language, packageId } };
  }
  if (target !== 'AUTH' && target !== 'APPAUTH') {
    return { ok: false, problem: words.unknownTarget(outer.get('target') ?? '') };
  }
  const appId = inner.get('appid') ?? '';
  if (appId.includes(',')) return { ok: false, problem: words.severalApplications };
  if (!isGuid(appId)) return { ok: false, problem: words.notAGuid(appId) };
  const redirect = inner.get('redirect');
  if (redirect !== undefined && !isAllowedReturnUrl(redirect)) {
    return { ok: false, problem: words.redirectNotAllowed(redirect) };
  }
  const flag = (name: string) => inner.get(name)?.toLowerCase() === 'true';
  return {
    ok: true,
    value: {
      target,
      language,
      appId,
      multiRecord: flag('ismra'),
      forceAppAuth: flag('forceappauth'),
      onlineOptionalRules: numberedRules(inner, 'onopt'),
      offlineOptionalRules: numberedRules(inner, 'offopt'),
      ...(target === 'APPAUTH' && inner.has('extrecordid') ? { recordId: inner.get('extrecordid')! } : {}),
      ...(inner.has('actionqs') ? { actionqs: inner.get('actionqs')! } : {}),
      ...(redirect !== undefined ? { redirect } : {}),
      ...([outer.get('trm'), inner.get('trm')].some((trm) => trm?.toLowerCase() === 'post')
        ? { tokenByPost: true as const }
        : {}),
    },
  };
}

/** A form POST back to the application: where to, and its fields. */
export interface TokenPost {
  action: string;
  fields: Record<string, string>;
}

/**
 * With `trm=post`, a return URL that carries a user token as the form the Shell posts instead (wire-format.md §5):
 * `wctoken` and `instanceId` as fields, `target` and `actionqs` left in the action's query. Undefined for a return
 * without a token (a decline), which stays a redirect.
 */
export function tokenPost(url: string): TokenPost | undefined {
  const action = new URL(url);
  const wctoken = action.searchParams.get('wctoken');
  if (wctoken === null) return undefined;
  const instanceId = action.searchParams.get(INSTANCE_ID_PARAM);
  action.searchParams.delete('wctoken');
  action.searchParams.delete(INSTANCE_ID_PARAM);
  return {
    action: action.href,
    fields: { wctoken, ...(instanceId === null ? {} : { [INSTANCE_ID_PARAM]: instanceId }) },
  };
}

/** The request, checked against the registered applications and their rules. */
export interface OpenedRequest {
  request: SimShellRequest;
  app: ApplicationSummary;
}

/** Whether a Shell request is CONNECT or PICKUP. */
export function isCodeRequest(request: SimShellRequest | SimCodeRequest): request is SimCodeRequest {
  return request.target === 'CONNECT' || request.target === 'PICKUP';
}

/** `params` added to `base`, then the request's `actionqs` echoed (reference §3). */
function urlWith(base: string, params: [string, string][], actionqs: string | undefined): string {
  const url = new URL(base);
  for (const [name, value] of params) url.searchParams.append(name, value);
  if (actionqs !== undefined) url.searchParams.append('actionqs', actionqs);
  return url.href;
}

/**
 * Back to the application from the Shell's error page, for a request it could not serve: `target=AppAuthFailure`
 * (the failure target the SDKs handle, reference §3) with the `actionqs` echoed. Only to an address HealthVault
 * can trust: the registered action URL of an application it knows, or the request's `redirect` when that one is
 * allowed. Undefined when the request names no such application: the page can only say to close the tab.
 */
export function errorReturnUrl(shell: ShellApi, search: string): string | undefined {
  const { inner } = requestParams(search);
  const appId = inner.get('appid') ?? '';
  const app = isGuid(appId) ? shell.application(appId) : undefined;
  if (!app) return undefined;
  const redirect = inner.get('redirect');
  const base = redirect !== undefined && isAllowedReturnUrl(redirect) ? redirect : app.actionUrl;
  return urlWith(base, [['target', 'AppAuthFailure']], inner.get('actionqs'));
}

/**
 * Reads an AUTH or APPAUTH request and finds its application; a problem here is the Shell's own error page, with
 * the way back to the application when it is known. CONNECT and PICKUP name no application: the identity code
 * does (shell-code-flow.ts).
 */
export function openShellRequest(shell: ShellApi, search: string): Outcome<OpenedRequest> {
  const opened = openKnownApplication(shell, search);
  if (opened.ok) return opened;
  const returnUrl = errorReturnUrl(shell, search);
  return returnUrl === undefined ? opened : { ...opened, returnUrl };
}

function openKnownApplication(shell: ShellApi, search: string): Outcome<OpenedRequest> {
  const parsed = parseShellRequest(search);
  if (!parsed.ok) return parsed;
  const request = parsed.value;
  const words = SHELL_WORDS[request.language];
  if (isCodeRequest(request)) return { ok: false, problem: words.namesNoApplication(request.target) };
  const app = shell.application(request.appId);
  if (!app) return { ok: false, problem: words.unknownApplication(request.appId) };
  for (const [scope, names] of [
    ['online', request.onlineOptionalRules],
    ['offline', request.offlineOptionalRules],
  ] as const) {
    const unknown = names.find(
      (name) => !app.rules.some((rule) => rule.optional && rule.scope === scope && rule.name === name),
    );
    if (unknown !== undefined) return { ok: false, problem: words.unknownOptionalRule(app.name, scope, unknown) };
  }
  return { ok: true, value: { request, app } };
}

function returnUrl(opened: OpenedRequest, params: [string, string][]): string {
  return urlWith(opened.request.redirect ?? opened.app.actionUrl, params, opened.request.actionqs);
}

/** Back to the application, signed in: `target=AppAuthSuccess&wctoken=…&instanceId=1&actionqs=…`. */
export function successUrl(opened: OpenedRequest, wctoken: string): string {
  return signedInUrl(opened, 'AppAuthSuccess', wctoken);
}

/**
 * Back to a single-record application whose person chose another record, signed in on it:
 * `target=SelectedRecordChanged&wctoken=…&instanceId=1&actionqs=…` (reference §3: refresh cached record info).
 */
export function selectedRecordChangedUrl(opened: OpenedRequest, wctoken: string): string {
  return signedInUrl(opened, 'SelectedRecordChanged', wctoken);
}

function signedInUrl(opened: OpenedRequest, target: string, wctoken: string): string {
  return returnUrl(opened, [
    ['target', target],
    ['wctoken', wctoken],
    [INSTANCE_ID_PARAM, INSTANCE_ID],
  ]);
}

/**
 * Back to the application after the person cancelled, on the sign-in page or the authorization page:
 * `target=AppAuthReject&actionqs=…`. The docs give AppAuthReject for a cancelled "application auth request", and
 * say that for one the .NET SDK's RedirectToLogOn (an AUTH request) started, `actionqs` is echoed (SRI, "Return
 * application targets"); AUTH lists no other return for a person who backs out (reference §2.2).
 */
export function rejectUrl(opened: OpenedRequest): string {
  return returnUrl(opened, [['target', 'AppAuthReject']]);
}

/**
 * Back to the application from the Shell's error page once the request was opened (none of the person's records
 * can be authorized): `target=AppAuthFailure&actionqs=…`, as {@link errorReturnUrl} for a request it cannot open.
 */
export function failureUrl(opened: OpenedRequest): string {
  return returnUrl(opened, [['target', 'AppAuthFailure']]);
}

/** Back to the application when APPAUTH named a record it may not use: `target=AppAuthInvalidRecord&actionqs=…`. */
export function invalidRecordUrl(opened: OpenedRequest): string {
  return returnUrl(opened, [['target', 'AppAuthInvalidRecord']]);
}

/** Where the Shell's links to the application's privacy statement and terms lead. */
export interface AppPageLinks {
  privacy: string;
  serviceAgreement: string;
}

/**
 * The Shell's links to the application's own privacy statement and terms, shown with the application's details:
 * its action URL (or the request's `redirect`, which stands in for it) with `target=Privacy` or
 * `target=ServiceAgreement` (reference §3). No `actionqs`: they answer no request of the application's, and the
 * round-trip state in it must stay for the authorization's own return.
 */
export function appPageLinks(app: ApplicationSummary, redirect?: string): AppPageLinks {
  const base = redirect ?? app.actionUrl;
  return {
    privacy: urlWith(base, [['target', 'Privacy']], undefined),
    serviceAgreement: urlWith(base, [['target', 'ServiceAgreement']], undefined),
  };
}

/** A rule as the authorization page words it. */
export interface RuleView {
  name: string;
  scope: AccessScope;
  /** E.g. "Read: Medications, Allergies". */
  access: string;
  reason: string;
}

export interface OptionalRuleView extends RuleView {
  checked: boolean;
}

export interface RecordOption {
  id: string;
  name: string;
  relName: string;
  selectable: boolean;
  /** Why a record cannot be chosen. */
  note?: string;
  checked: boolean;
}

/** Everything the authorization page shows. */
export interface AuthorizationPage {
  appName: string;
  appDescription: string;
  appLinks: AppPageLinks;
  multiRecord: boolean;
  records: RecordOption[];
  requiredRules: RuleView[];
  optionalRules: OptionalRuleView[];
}

export type NextStep =
  | { kind: 'return'; url: string }
  | { kind: 'authorize'; page: AuthorizationPage }
  | { kind: 'error'; message: string; returnUrl: string };

function ruleView(rule: SimAuthRule, words: ShellWords): RuleView {
  return {
    name: rule.name,
    scope: rule.scope,
    access: words.access(rule.permissions, rule.thingTypeIds),
    reason: rule.translatedReasons?.[words.lang] ?? rule.reason,
  };
}

function recordNote(record: RecordChoice, words: ShellWords): string | undefined {
  if (record.authAction === 'RecordLocationNotSupported') return words.locationNotSupported;
  if (!record.custodian) return words.cannotAuthorizeForRecord;
  if (!record.canAuthorize) return words.recordUnavailable(record.state);
  // The required rules grew since this record's authorization (seed 002): say why the page is shown again.
  if (record.authAction === 'ReauthorizationRequired') return words.asksForMore;
  return undefined;
}

/** A record as the Shell's pages offer it: its relationship in the page's language, checked or not. */
export function recordOption(
  record: RecordChoice,
  words: ShellWords,
  choice: { selectable: boolean; checked: boolean; note: string | undefined },
): RecordOption {
  return {
    id: record.id,
    name: record.name,
    relName: words.relationship(record.relType, record.relName),
    selectable: choice.selectable,
    checked: choice.checked,
    ...(choice.note === undefined ? {} : { note: choice.note }),
  };
}

/**
 * What happens once `personId` signed in: AUTH without `forceappauth` goes straight back when the selected record
 * (any record, for a multi-record application) already fully authorizes the application; APPAUTH naming a record
 * the application may not use goes back with AppAuthInvalidRecord; otherwise the authorization page, or the error
 * page leading back with AppAuthFailure when none of the records can be authorized.
 */
export async function afterSignIn(shell: ShellApi, opened: OpenedRequest, personId: string): Promise<NextStep> {
  const { request, app } = opened;
  const everyRecord = shell.records(personId, app.id);
  let records = everyRecord;
  const selected = shell.selectedRecord(personId, app.id);
  const authorized = (record: RecordChoice | undefined) => record?.authAction === 'NoActionRequired';

  if (request.target === 'AUTH' && !request.forceAppAuth) {
    const ready = request.multiRecord ? records.some(authorized) : authorized(records.find((r) => r.id === selected));
    if (ready) return { kind: 'return', url: successUrl(opened, await shell.signIn(personId, app.id)) };
  }
  if (request.recordId !== undefined) {
    const named = shell.findRecord(app.id, request.recordId);
    records = records.filter((record) => record.id === named);
    if (records.length === 0) return { kind: 'return', url: invalidRecordUrl(opened) };
  }
  if (!records.some((record) => record.canAuthorize)) {
    const message = SHELL_WORDS[request.language].noRecordCanBeAuthorized(app.name);
    return { kind: 'error', message, returnUrl: failureUrl(opened) };
  }

  return { kind: 'authorize', page: authorizationPage(app, everyRecord, records, selected, request) };
}

/**
 * The authorization page offering `records` (some of `everyRecord`, the person's records; at least one can be
 * authorized): the selected record, or the first that can be authorized, checked; the required rules; the optional
 * rules the request names (`onopt#`/`offopt#`) or the Shell offers unasked, checked as their display flags say.
 */
export function authorizationPage(
  app: ApplicationSummary,
  everyRecord: readonly RecordChoice[],
  records: readonly RecordChoice[],
  selected: string | undefined,
  request: Pick<SimShellRequest, 'multiRecord' | 'onlineOptionalRules' | 'offlineOptionalRules' | 'language'> & {
    redirect?: string | undefined;
  },
): AuthorizationPage {
  const words = SHELL_WORDS[request.language];
  const firstTime = everyRecord.every((record) => record.authAction === 'AuthorizationRequired');
  const preselected = records.find((r) => r.id === selected && r.canAuthorize) ?? records.find((r) => r.canAuthorize)!;
  const requested = new Set([...request.onlineOptionalRules, ...request.offlineOptionalRules]);
  const optional = app.rules.filter(
    (rule) => rule.optional && (requested.has(rule.name) || offeredUnasked(rule, firstTime)),
  );
  const checked = (rule: SimAuthRule) =>
    checkedWhenOffered(rule, firstTime) || preselected.grantedOptionalRules.includes(rule.name);

  return {
    appName: app.name,
    appDescription: app.description,
    appLinks: appPageLinks(app, request.redirect),
    multiRecord: request.multiRecord,
    records: records.map((record) =>
      recordOption(record, words, {
        selectable: record.canAuthorize,
        checked:
          record === preselected ||
          (request.multiRecord && record.canAuthorize && record.authAction !== 'AuthorizationRequired'),
        note: recordNote(record, words),
      }),
    ),
    requiredRules: app.rules.filter((rule) => !rule.optional).map((rule) => ruleView(rule, words)),
    optionalRules: optional.map((rule) => ({ ...ruleView(rule, words), checked: checked(rule) })),
  };
}

/** What the person chose on the authorization page. */
export interface Approval {
  recordIds: string[];
  /** Every optional rule the page offered: checked or not. */
  optionalRules: Record<string, boolean>;
}

/**
 * Records the approval and returns the URL back to the application with the new user token: `AppAuthSuccess`, or
 * `SelectedRecordChanged` when a single-record application's person moved to another record.
 */
export async function approve(
  shell: ShellApi,
  opened: OpenedRequest,
  personId: string,
  approval: Approval,
): Promise<string> {
  const appId = opened.app.id;
  // Asked before authorizing, which makes the chosen record the selected one.
  const switched =
    !opened.request.multiRecord &&
    approval.recordIds.length > 0 &&
    shell.switchesRecord(personId, appId, approval.recordIds[0]!);
  const wctoken = await shell.authorize({ personId, appId, ...approval });
  return switched ? selectedRecordChangedUrl(opened, wctoken) : successUrl(opened, wctoken);
}
