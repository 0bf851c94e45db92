/**
 * The HealthVault Shell's request targets (reference §2.2) and the targetqs parameters each one takes, as data and
 * as types. `url.ts` turns a request into a redirect URL; this module only says what a request may contain.
 * Each target is its own spec object, and each parameter its own constant, so that a bundle that builds only
 * AUTH URLs holds AUTH's parameters and nothing else.
 */
import * as kinds from './param-kinds.js';

export type { ParamContext, ParamKind } from './param-kinds.js';

export type ShellTarget =
  | 'AUTH'
  | 'APPAUTH'
  | 'APPSIGNOUT'
  | 'CREATEACCOUNT'
  | 'CREATERECORD'
  | 'CREATEAPPLICATION'
  | 'CONNECT'
  | 'PICKUP'
  | 'EDITRECORD'
  | 'SHARERECORD'
  | 'RECONCILE'
  | 'VIEWITEMS'
  | 'HELP'
  | 'MANAGEACCOUNT'
  | 'RECORDLIST'
  | 'SHAREDAPPDETAILS'
  | 'APPREDIRECT';

/** Every targetqs parameter, by its camelCase name. Which ones a target takes is in {@link SHELL_TARGETS}. */
export interface ShellParams {
  /** `appid`: the application GUID (APPREDIRECT: the destination application). */
  appId: string;
  /** `redirect`: overrides the registered action URL (non-production Shells only). https, or http on localhost. */
  redirect: string;
  /** `actionqs`: opaque value the Shell echoes back to the action URL (carries the round-trip state). */
  actionqs: string;
  /** `culture`: display language as an ISO culture, e.g. `en-US`. */
  culture: string;
  /** `lcid`: display language as a decimal Windows locale id, e.g. `1033`. */
  lcid: number;
  /** `aib`: allow instance bounce (the Shell's default is true; multi-instance apps must not send false). */
  allowInstanceBounce: boolean;
  /** `ismra`: the application handles several records at once. */
  multiRecord: boolean;
  /** `extrecordid`: GUID of the record the target acts on. */
  recordId: string;
  /** `forceappauth`: run app authorization even when a record is already authorized. */
  forceAppAuth: boolean;
  /** `onopt1..N`: optional online rules (as named in the app configuration) to offer, in this order. */
  onlineOptionalRules: readonly string[];
  /** `offopt1..N`: optional offline rules to offer, in this order. */
  offlineOptionalRules: readonly string[];
  /** `trm`: how the Shell hands over the user token, as query parameters (`Get`, the default) or a form POST. */
  tokenRedirectMethod: 'Get' | 'Post';
  /** `signupcode`: a code from the `NewSignupCode` method, for places where sign-up is restricted. */
  signupCode: string;
  /** `credtoken`: the user token to invalidate on sign-out (optional but recommended by the Shell docs). */
  credToken: string;
  /** `flow`: a specialised sign-up workflow (emergency preparedness or weight management). */
  flow: 'eprep' | 'WMgmt';
  /** `daddrec`: hide the "Add another family member" link. */
  hideAddRecord: boolean;
  /** `appCreationToken`: the `app-token` from `NewApplicationCreationInfo`. */
  appCreationToken: string;
  /** `instanceName`: names the device the new client instance runs on. */
  instanceName: string;
  /** `mobile`: sent by software-on-device clients. */
  mobile: boolean;
  /** `packageid`: the identity code of a Patient Connect request or a DOPU package. */
  packageId: string;
  /** `thingid`: GUID of the CCR/CCD item to reconcile. */
  thingId: string;
  /** `typeid`: GUIDs of the thing types to show (sent as a comma list). */
  typeIds: readonly string[];
  /** `additem`: open the Add Item dialog for the type. */
  addItem: boolean;
  /** `topicid`: the help topic; only `PrivacyPolicy` and `ServiceAgreement` are durable. */
  topicId: 'PrivacyPolicy' | 'ServiceAgreement' | (string & {});
  /** `refappid`: GUID of the referring application. */
  refAppId: string;
  /** `target`: the target the destination application receives. */
  innerTarget: string;
  /** `targetqs`: the targetqs the destination application receives. */
  innerTargetQs: string;
}

export type ShellParamName = keyof ShellParams;

/** One targetqs parameter: its wire name, where it goes in targetqs, and its kind. */
export interface ShellParamSpec {
  /** The name in targetqs; rule lists have no single name and expand to `onopt1..N` / `offopt1..N`. */
  readonly wire: string;
  /**
   * Position in targetqs, the same for every target: it reproduces the examples in the Shell documentation and
   * SDK tests (appid first, then target specifics, then the shared ones).
   */
  readonly order: number;
  readonly kind: kinds.ParamKind;
}

/** Parameters by their camelCase name. */
export type ShellParamGroup = { readonly [P in ShellParamName]?: ShellParamSpec };

/** What one target takes. Error messages list the parameters in this order: required, then optional. */
export interface TargetSpec<T extends ShellTarget = ShellTarget> {
  readonly target: T;
  readonly required: ShellParamGroup;
  /** Groups rather than one object so that shared groups are referenced, not spread (spreads defeat tree-shaking). */
  readonly optional: readonly ShellParamGroup[];
}

// One constant per parameter, named as the parameter, for shorthand in the specs below.
const appId: ShellParamSpec = { wire: 'appid', order: 0, kind: kinds.singleAppId };
/** APPAUTH alone accepts several application ids (sent as a comma list). */
const appIdOrList: ShellParamSpec = { wire: 'appid', order: 0, kind: kinds.guidOrGuidList };
const refAppId: ShellParamSpec = { wire: 'refappid', order: 1, kind: kinds.guid };
const innerTarget: ShellParamSpec = { wire: 'target', order: 2, kind: kinds.text };
const innerTargetQs: ShellParamSpec = { wire: 'targetqs', order: 3, kind: kinds.text };
const packageId: ShellParamSpec = { wire: 'packageid', order: 4, kind: kinds.text };
const appCreationToken: ShellParamSpec = { wire: 'appCreationToken', order: 5, kind: kinds.text };
const instanceName: ShellParamSpec = { wire: 'instanceName', order: 6, kind: kinds.text };
const typeIds: ShellParamSpec = { wire: 'typeid', order: 7, kind: kinds.guidList };
const addItem: ShellParamSpec = { wire: 'additem', order: 8, kind: kinds.flag };
const multiRecord: ShellParamSpec = { wire: 'ismra', order: 9, kind: kinds.flag };
const mobile: ShellParamSpec = { wire: 'mobile', order: 10, kind: kinds.flag };
const allowInstanceBounce: ShellParamSpec = { wire: 'aib', order: 11, kind: kinds.flag };
const recordId: ShellParamSpec = { wire: 'extrecordid', order: 12, kind: kinds.guid };
const thingId: ShellParamSpec = { wire: 'thingid', order: 13, kind: kinds.guid };
const forceAppAuth: ShellParamSpec = { wire: 'forceappauth', order: 14, kind: kinds.flag };
const credToken: ShellParamSpec = { wire: 'credtoken', order: 15, kind: kinds.text };
const flow: ShellParamSpec = { wire: 'flow', order: 16, kind: /* @__PURE__ */ kinds.oneOf('eprep', 'WMgmt') };
const hideAddRecord: ShellParamSpec = { wire: 'daddrec', order: 17, kind: kinds.flag };
const topicId: ShellParamSpec = { wire: 'topicid', order: 18, kind: kinds.text };
const signupCode: ShellParamSpec = { wire: 'signupcode', order: 19, kind: kinds.text };
const onlineOptionalRules: ShellParamSpec = { wire: 'onopt', order: 20, kind: kinds.rules };
const offlineOptionalRules: ShellParamSpec = { wire: 'offopt', order: 21, kind: kinds.rules };
const tokenRedirectMethod: ShellParamSpec = {
  wire: 'trm',
  order: 22,
  kind: /* @__PURE__ */ kinds.oneOf('Get', 'Post'),
};
const redirect: ShellParamSpec = { wire: 'redirect', order: 23, kind: kinds.redirect };
const actionqs: ShellParamSpec = { wire: 'actionqs', order: 24, kind: kinds.text };
const culture: ShellParamSpec = { wire: 'culture', order: 25, kind: kinds.culture };
const lcid: ShellParamSpec = { wire: 'lcid', order: 26, kind: kinds.lcid };

/** The parameters SRI lists as understood by every target that shows Shell pages. */
const SHELL_PAGE = {
  redirect,
  actionqs,
  culture,
  lcid,
  allowInstanceBounce,
} as const satisfies ShellParamGroup;

// The parameters each target takes (reference §2.1, §2.2). CONNECT and PICKUP send only `packageid` (§12).
export const AUTH_TARGET = {
  target: 'AUTH',
  required: { appId },
  optional: [
    { multiRecord, forceAppAuth, onlineOptionalRules, offlineOptionalRules, tokenRedirectMethod, signupCode },
    SHELL_PAGE,
  ],
} as const satisfies TargetSpec<'AUTH'>;
export const APPAUTH_TARGET = {
  target: 'APPAUTH',
  required: { appId: appIdOrList },
  optional: [
    { multiRecord, recordId, onlineOptionalRules, offlineOptionalRules, tokenRedirectMethod, signupCode },
    SHELL_PAGE,
  ],
} as const satisfies TargetSpec<'APPAUTH'>;
export const APPSIGNOUT_TARGET = {
  target: 'APPSIGNOUT',
  required: { appId },
  optional: [{ credToken }, SHELL_PAGE],
} as const satisfies TargetSpec<'APPSIGNOUT'>;
export const CREATEACCOUNT_TARGET = {
  target: 'CREATEACCOUNT',
  required: { appId },
  optional: [{ multiRecord, onlineOptionalRules, offlineOptionalRules, flow, hideAddRecord, signupCode }, SHELL_PAGE],
} as const satisfies TargetSpec<'CREATEACCOUNT'>;
export const CREATERECORD_TARGET = {
  target: 'CREATERECORD',
  required: { appId },
  optional: [{ multiRecord, onlineOptionalRules, offlineOptionalRules }, SHELL_PAGE],
} as const satisfies TargetSpec<'CREATERECORD'>;
export const CREATEAPPLICATION_TARGET = {
  target: 'CREATEAPPLICATION',
  required: { appId, appCreationToken, instanceName },
  optional: [{ multiRecord, mobile }, SHELL_PAGE],
} as const satisfies TargetSpec<'CREATEAPPLICATION'>;
export const CONNECT_TARGET = {
  target: 'CONNECT',
  required: { packageId },
  optional: [],
} as const satisfies TargetSpec<'CONNECT'>;
export const PICKUP_TARGET = {
  target: 'PICKUP',
  required: { packageId },
  optional: [],
} as const satisfies TargetSpec<'PICKUP'>;
export const EDITRECORD_TARGET = {
  target: 'EDITRECORD',
  required: { appId, recordId },
  optional: [SHELL_PAGE],
} as const satisfies TargetSpec<'EDITRECORD'>;
export const SHARERECORD_TARGET = {
  target: 'SHARERECORD',
  required: { appId },
  optional: [{ recordId }, SHELL_PAGE],
} as const satisfies TargetSpec<'SHARERECORD'>;
export const RECONCILE_TARGET = {
  target: 'RECONCILE',
  required: { appId, thingId },
  optional: [{ recordId }, SHELL_PAGE],
} as const satisfies TargetSpec<'RECONCILE'>;
export const VIEWITEMS_TARGET = {
  target: 'VIEWITEMS',
  required: { appId, typeIds },
  optional: [{ addItem, recordId }, SHELL_PAGE],
} as const satisfies TargetSpec<'VIEWITEMS'>;
export const HELP_TARGET = {
  target: 'HELP',
  required: {},
  optional: [{ topicId }, SHELL_PAGE],
} as const satisfies TargetSpec<'HELP'>;
export const MANAGEACCOUNT_TARGET = {
  target: 'MANAGEACCOUNT',
  required: { appId },
  optional: [SHELL_PAGE],
} as const satisfies TargetSpec<'MANAGEACCOUNT'>;
export const RECORDLIST_TARGET = {
  target: 'RECORDLIST',
  required: {},
  optional: [{ appId }, SHELL_PAGE],
} as const satisfies TargetSpec<'RECORDLIST'>;
export const SHAREDAPPDETAILS_TARGET = {
  target: 'SHAREDAPPDETAILS',
  required: { appId },
  optional: [{ recordId }, SHELL_PAGE],
} as const satisfies TargetSpec<'SHAREDAPPDETAILS'>;
export const APPREDIRECT_TARGET = {
  target: 'APPREDIRECT',
  required: { appId },
  optional: [{ refAppId, innerTarget, innerTargetQs }, SHELL_PAGE],
} as const satisfies TargetSpec<'APPREDIRECT'>;

/** Every target's spec by name: for {@link buildShellUrl}, which takes any target and so keeps them all. */
export const SHELL_TARGETS = {
  AUTH: AUTH_TARGET,
  APPAUTH: APPAUTH_TARGET,
  APPSIGNOUT: APPSIGNOUT_TARGET,
  CREATEACCOUNT: CREATEACCOUNT_TARGET,
  CREATERECORD: CREATERECORD_TARGET,
  CREATEAPPLICATION: CREATEAPPLICATION_TARGET,
  CONNECT: CONNECT_TARGET,
  PICKUP: PICKUP_TARGET,
  EDITRECORD: EDITRECORD_TARGET,
  SHARERECORD: SHARERECORD_TARGET,
  RECONCILE: RECONCILE_TARGET,
  VIEWITEMS: VIEWITEMS_TARGET,
  HELP: HELP_TARGET,
  MANAGEACCOUNT: MANAGEACCOUNT_TARGET,
  RECORDLIST: RECORDLIST_TARGET,
  SHAREDAPPDETAILS: SHAREDAPPDETAILS_TARGET,
  APPREDIRECT: APPREDIRECT_TARGET,
} as const satisfies { [T in ShellTarget]: TargetSpec<T> };

type Spec<T extends ShellTarget> = (typeof SHELL_TARGETS)[T];
/** The keys of every member of a union (plain `keyof` gives only the common ones). */
type KeysOfEach<U> = U extends unknown ? keyof U : never;

/** The fields of a request for target `T` without `target`: the shell, its required parameters, its optional ones. */
export type TargetRequest<T extends ShellTarget> = T extends 'APPAUTH'
  ? Omit<ParamFields<'APPAUTH'>, 'appId'> & { appId: string | readonly string[] }
  : ParamFields<T>;
type ParamFields<T extends ShellTarget> = {
  /** A preset (`us`, `us-ppe`, `eu`, `eu-ppe`) or the Shell's https URL. */
  shell: string;
} & Pick<ShellParams, keyof Spec<T>['required'] & ShellParamName> &
  Partial<Pick<ShellParams, KeysOfEach<Spec<T>['optional'][number]> & ShellParamName>>;

/** A request for target `T`: its required parameters, its optional ones, and nothing else. */
export type ShellRequestFor<T extends ShellTarget> = { target: T } & TargetRequest<T>;

export type AuthRequest = ShellRequestFor<'AUTH'>;
export type AppAuthRequest = ShellRequestFor<'APPAUTH'>;
export type AppSignOutRequest = ShellRequestFor<'APPSIGNOUT'>;
export type CreateAccountRequest = ShellRequestFor<'CREATEACCOUNT'>;
export type CreateRecordRequest = ShellRequestFor<'CREATERECORD'>;
export type CreateApplicationRequest = ShellRequestFor<'CREATEAPPLICATION'>;
export type ConnectRequest = ShellRequestFor<'CONNECT'>;
export type PickupRequest = ShellRequestFor<'PICKUP'>;
export type EditRecordRequest = ShellRequestFor<'EDITRECORD'>;
export type ShareRecordRequest = ShellRequestFor<'SHARERECORD'>;
export type ReconcileRequest = ShellRequestFor<'RECONCILE'>;
export type ViewItemsRequest = ShellRequestFor<'VIEWITEMS'>;
export type HelpRequest = ShellRequestFor<'HELP'>;
export type ManageAccountRequest = ShellRequestFor<'MANAGEACCOUNT'>;
export type RecordListRequest = ShellRequestFor<'RECORDLIST'>;
export type SharedAppDetailsRequest = ShellRequestFor<'SHAREDAPPDETAILS'>;
export type AppRedirectRequest = ShellRequestFor<'APPREDIRECT'>;

export type ShellRequest =
  | AuthRequest
  | AppAuthRequest
  | AppSignOutRequest
  | CreateAccountRequest
  | CreateRecordRequest
  | CreateApplicationRequest
  | ConnectRequest
  | PickupRequest
  | EditRecordRequest
  | ShareRecordRequest
  | ReconcileRequest
  | ViewItemsRequest
  | HelpRequest
  | ManageAccountRequest
  | RecordListRequest
  | SharedAppDetailsRequest
  | AppRedirectRequest;
