// Side-effect-free exports: importing this module defines no element (use `hv-elements/define/*` for that).
// Every public name is listed here by hand, so that nothing internal becomes API by being exported from a module.
export { HvError, type HvErrorCode } from './core/errors.js';
export { isGuid } from './core/guid.js';

// Shell requests and returns (not the round-trip ledger's helpers nor the parameter kinds: internal).
export {
  APPAUTH_TARGET,
  APPREDIRECT_TARGET,
  APPSIGNOUT_TARGET,
  AUTH_TARGET,
  CONNECT_TARGET,
  CREATEACCOUNT_TARGET,
  CREATEAPPLICATION_TARGET,
  CREATERECORD_TARGET,
  EDITRECORD_TARGET,
  HELP_TARGET,
  MANAGEACCOUNT_TARGET,
  PICKUP_TARGET,
  RECONCILE_TARGET,
  RECORDLIST_TARGET,
  SHAREDAPPDETAILS_TARGET,
  SHARERECORD_TARGET,
  SHELL_TARGETS,
  VIEWITEMS_TARGET,
  type AppAuthRequest,
  type AppRedirectRequest,
  type AppSignOutRequest,
  type AuthRequest,
  type ConnectRequest,
  type CreateAccountRequest,
  type CreateApplicationRequest,
  type CreateRecordRequest,
  type EditRecordRequest,
  type HelpRequest,
  type ManageAccountRequest,
  type PickupRequest,
  type ReconcileRequest,
  type RecordListRequest,
  type SharedAppDetailsRequest,
  type ShareRecordRequest,
  type ShellParamGroup,
  type ShellParamName,
  type ShellParams,
  type ShellParamSpec,
  type ShellRequest,
  type ShellRequestFor,
  type ShellTarget,
  type TargetRequest,
  type TargetSpec,
  type ViewItemsRequest,
} from './core/shell/targets.js';
export {
  buildAuthUrl,
  buildShellUrl,
  buildUrlFor,
  resolveShell,
  SHELL_PRESETS,
  type BuildShellUrlOptions,
} from './core/shell/url.js';
export { parseShellReturn, type ShellReturn, type ShellReturnTarget } from './core/shell/return.js';
export {
  RETURN_PARAM_NAMES,
  RETURN_PARAMS,
  SHELL_STARTED_TARGETS,
  withoutShellReturn,
} from './core/shell/return-params.js';
export {
  createRoundTripState,
  MAX_PENDING_STATES,
  STATE_STORAGE_KEY,
  type RoundTripOptions,
  type StateStore,
} from './core/shell/round-trip-state.js';
export { consumeRoundTripState } from './core/shell/round-trip-consume.js';

// Platform methods: names, <info> builders, response decoders, status codes.
export {
  Methods,
  requestNamespace,
  responseNamespace,
  type MethodName,
  child,
  childrenNamed,
  childText,
  type XmlNode,
  StatusCode,
  statusMessage,
  statusName,
  type StatusCodeName,
  PlatformError,
  escapeXmlAttribute,
  escapeXmlText,
  infoXml,
  xmlElement,
  type XmlFragment,
  decodeResponse,
  decodePersonInfo,
  getPersonInfoRequest,
  type Culture,
  type EffectiveRecordPermission,
  type GetPersonInfoOptions,
  type PersonGroup,
  type PersonInfo,
  decodeAuthorizedRecords,
  getAuthorizedRecordsRequest,
  type AppRecordAuthAction,
  type RecordInfo,
  type RecordState,
  decodePermissions,
  queryPermissionsRequest,
  type Permission,
  type ThingTypePermission,
  decodeApplicationInfo,
  getApplicationInfoRequest,
  type ApplicationInfo,
  type AuthRule,
  type GetApplicationInfoOptions,
  type LocalizedText,
  decodeCreatedConnectRequest,
  createConnectRequestRequest,
  type CreatedConnectRequest,
  type NewConnectRequest,
  decodeAuthorizedConnectRequests,
  getAuthorizedConnectRequestsRequest,
  type AuthorizedConnectRequest,
  type GetAuthorizedConnectRequestsOptions,
  deletePendingConnectRequestRequest,
  updateExternalIdRequest,
  type UpdateExternalIdRequest,
} from './core/platform/index.js';
// Each method as one descriptor (name, version, <info> builder, decoder), for PlatformClient.call.
export { type MethodDescriptor } from './core/platform/method-descriptor.js';
export { getPersonInfo } from './core/platform/methods/get-person-info.js';
export { getAuthorizedRecords } from './core/platform/methods/get-authorized-records.js';
export { queryPermissions } from './core/platform/methods/query-permissions.js';
export { getApplicationInfo } from './core/platform/methods/get-application-info.js';
export { createConnectRequest } from './core/platform/methods/create-connect-request.js';
export { getAuthorizedConnectRequests } from './core/platform/methods/get-authorized-connect-requests.js';
export { deletePendingConnectRequest } from './core/platform/methods/delete-pending-connect-request.js';
export { updateExternalId } from './core/platform/methods/update-external-id.js';

// The proxy contract and the browser transport (the Node one is `hv-elements/transport/xml-reader`).
export {
  FetchProxy,
  KIT_REQUEST_HEADER,
  parseXmlWithDom,
  type FetchProxyOptions,
  type HvProxy,
  type ProxyCallOptions,
  type ShellSignIn,
} from './transport/index.js';
export {
  PlatformClient,
  platformClientFor,
  type PlatformCallOptions,
  type PlatformClientOptions,
} from './transport/platform-client.js';

// The page's session: who is signed in, for every element and script.
export {
  getSession,
  HvSession,
  type SessionStartOptions,
  type SessionState,
  type SessionStatus,
} from './session/session.js';
export { type HvErrorWords, type HvStrings } from './strings/en.js';
export { type HvStringOverrides } from './elements/internal/localize-controller.js';

// Elements, their configuration and their events.
export { HvConfigElement } from './elements/config/config.js';
export { HvConnectButton } from './elements/connect-button/connect-button.js';
export { HvAuthStatus } from './elements/auth-status/auth-status.js';
export { HvReauthorizeButton } from './elements/auth-status/reauthorize-button.js';
export { HvOptionalRulePrompt } from './elements/optional-rule-prompt/optional-rule-prompt.js';
export { HvPickupCodeEntry } from './elements/pickup-code-entry/pickup-code-entry.js';
export { HvConnectRequestForm } from './elements/connect-request-form/connect-request-form.js';
export { HvConnectRequestList } from './elements/connect-request-list/connect-request-list.js';
export { FormControl, type FormControlCheck } from './elements/internal/form-control.js';
export {
  groupIdentityCode,
  IDENTITY_CODE_LENGTH,
  readIdentityCode,
  type IdentityCodeProblem,
  type IdentityCodeReading,
} from './core/shell/identity-code.js';
export { recordStatus, type RecordStatus } from './core/platform/record-status.js';
export { hvConfigContext, type HvConfig } from './elements/internal/config-context.js';
export { define } from './elements/internal/define.js';
export {
  captureShellReturn,
  completeShellReturn,
  handleShellReturn,
  type CapturedShellReturn,
  type HandleShellReturnOptions,
  type ReturnSession,
  type ShellReturnOutcome,
} from './session/shell-return.js';
export { takeShellReturn } from './session/take-shell-return.js';
export type {
  HvAuthorizedDetail,
  HvAuthorizedEvent,
  HvConnectDetail,
  HvConnectEvent,
  HvDeniedDetail,
  HvDeniedEvent,
  HvErrorDetail,
  HvErrorEvent,
  HvEventMap,
  HvShellReturnDetail,
  HvShellReturnEvent,
  AuthStatus,
  HvStatusChangeDetail,
  HvStatusChangeEvent,
  HvRuleDetail,
  HvRuleEvent,
  HvRuleDismissedDetail,
  HvRuleDismissedEvent,
  HvCodeSubmitDetail,
  HvCodeSubmitEvent,
  HvConnectRequestCreatedDetail,
  HvConnectRequestCreatedEvent,
  HvConnectRequestAuthorizedDetail,
  HvConnectRequestAuthorizedEvent,
} from './session/events.js';
