/**
 * The HealthVault Shell's request targets (reference §2.2) and the targetqs parameters each one takes, as data and
 * as types. `url.ts` turns a request into a redirect URL; this module only says what a request may contain.
 */

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

/** Every targetqs parameter, by its camelCase name. Which ones a target takes is in {@link TARGET_PARAMS}. */
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

/**
 * Wire name of each parameter. The key order is the order parameters appear in targetqs: it reproduces the
 * examples in the Shell documentation and SDK tests (appid first, then target specifics, then the shared ones).
 * Rule lists have no single name: they expand to `onopt1..N` / `offopt1..N`.
 */
export const WIRE_NAMES: Readonly<Record<ShellParamName, string>> = {
  appId: 'appid',
  refAppId: 'refappid',
  innerTarget: 'target',
  innerTargetQs: 'targetqs',
  packageId: 'packageid',
  appCreationToken: 'appCreationToken',
  instanceName: 'instanceName',
  typeIds: 'typeid',
  addItem: 'additem',
  multiRecord: 'ismra',
  mobile: 'mobile',
  allowInstanceBounce: 'aib',
  recordId: 'extrecordid',
  thingId: 'thingid',
  forceAppAuth: 'forceappauth',
  credToken: 'credtoken',
  flow: 'flow',
  hideAddRecord: 'daddrec',
  topicId: 'topicid',
  signupCode: 'signupcode',
  onlineOptionalRules: 'onopt',
  offlineOptionalRules: 'offopt',
  tokenRedirectMethod: 'trm',
  redirect: 'redirect',
  actionqs: 'actionqs',
  culture: 'culture',
  lcid: 'lcid',
};

/** The parameters SRI lists as understood by every target that shows Shell pages. */
const SHARED = ['redirect', 'actionqs', 'culture', 'lcid', 'allowInstanceBounce'] as const;
const OPTIONAL_RULES = ['onlineOptionalRules', 'offlineOptionalRules'] as const;

interface TargetSpec {
  readonly required: readonly ShellParamName[];
  readonly optional: readonly ShellParamName[];
}

/** The parameters each target takes (reference §2.1, §2.2). CONNECT and PICKUP send only `packageid` (§12). */
export const TARGET_PARAMS = {
  AUTH: {
    required: ['appId'],
    optional: ['multiRecord', 'forceAppAuth', ...OPTIONAL_RULES, 'tokenRedirectMethod', 'signupCode', ...SHARED],
  },
  APPAUTH: {
    required: ['appId'],
    optional: ['multiRecord', 'recordId', ...OPTIONAL_RULES, 'tokenRedirectMethod', 'signupCode', ...SHARED],
  },
  APPSIGNOUT: { required: ['appId'], optional: ['credToken', ...SHARED] },
  CREATEACCOUNT: {
    required: ['appId'],
    optional: ['multiRecord', ...OPTIONAL_RULES, 'flow', 'hideAddRecord', 'signupCode', ...SHARED],
  },
  CREATERECORD: { required: ['appId'], optional: ['multiRecord', ...OPTIONAL_RULES, ...SHARED] },
  CREATEAPPLICATION: {
    required: ['appId', 'appCreationToken', 'instanceName'],
    optional: ['multiRecord', 'mobile', ...SHARED],
  },
  CONNECT: { required: ['packageId'], optional: [] },
  PICKUP: { required: ['packageId'], optional: [] },
  EDITRECORD: { required: ['appId', 'recordId'], optional: [...SHARED] },
  SHARERECORD: { required: ['appId'], optional: ['recordId', ...SHARED] },
  RECONCILE: { required: ['appId', 'thingId'], optional: ['recordId', ...SHARED] },
  VIEWITEMS: { required: ['appId', 'typeIds'], optional: ['addItem', 'recordId', ...SHARED] },
  HELP: { required: [], optional: ['topicId', ...SHARED] },
  MANAGEACCOUNT: { required: ['appId'], optional: [...SHARED] },
  RECORDLIST: { required: [], optional: ['appId', ...SHARED] },
  SHAREDAPPDETAILS: { required: ['appId'], optional: ['recordId', ...SHARED] },
  APPREDIRECT: { required: ['appId'], optional: ['refAppId', 'innerTarget', 'innerTargetQs', ...SHARED] },
} as const satisfies Record<ShellTarget, TargetSpec>;

type Spec<T extends ShellTarget> = (typeof TARGET_PARAMS)[T];

/** A request for target `T`: its required parameters, its optional ones, and nothing else. */
export type ShellRequestFor<T extends ShellTarget> = {
  target: T;
  /** A preset (`us`, `us-ppe`, `eu`, `eu-ppe`) or the Shell's https URL. */
  shell: string;
} & Pick<ShellParams, Spec<T>['required'][number]> &
  Partial<Pick<ShellParams, Spec<T>['optional'][number]>>;

export type AuthRequest = ShellRequestFor<'AUTH'>;
/** APPAUTH alone accepts several application ids (sent as a comma list). */
export type AppAuthRequest = Omit<ShellRequestFor<'APPAUTH'>, 'appId'> & { appId: string | readonly string[] };
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
