import type { HvError } from '../core/errors.js';
import type { PersonInfo } from '../core/platform/index.js';
import type { RecordStatus } from '../core/platform/record-status.js';
import type { ShellReturnTarget } from '../core/shell/index.js';

/** `hv-connect`: the person is about to leave for the Shell. Cancel it to keep them on the page. */
export interface HvConnectDetail {
  url: string;
  mode: 'redirect' | 'popup';
}

/** `hv-authorized`: the Shell came back with a signed-in, authorized person. */
export interface HvAuthorizedDetail {
  target: Extract<ShellReturnTarget, 'AppAuthSuccess' | 'SelectedRecordChanged'>;
  person: PersonInfo;
  /** The app's own data from the `action` attribute, echoed back by the Shell. */
  action?: string;
}

/** `hv-denied`: the person declined the authorization, or closed the popup before finishing. */
export interface HvDeniedDetail {
  reason: 'rejected' | 'popup-closed';
  action?: string;
}

/**
 * `hv-shell-return`: the Shell came back with a target the kit does not act on itself, such as `Privacy` or
 * `ServiceAgreement` (links to the app's own pages) or `SignOut`. Show the page it names.
 */
export interface HvShellReturnDetail {
  target: ShellReturnTarget;
  action?: string;
}

/** `hv-rule-granted`, `hv-rule-declined`: back from the Shell, what became of the optional rules asked for. */
export interface HvRuleDetail {
  rules: string[];
}

/** `hv-rule-dismissed`: the person chose "Not now" for these rules, which are not asked again until `until`. */
export interface HvRuleDismissedDetail {
  rules: string[];
  until: Date;
}

/**
 * `hv-code-submit`: a person sends an identity code to the Shell (`url`: CONNECT or PICKUP with `packageid`).
 * Cancelable: cancel it to handle the code yourself. The only event that carries the code.
 */
export interface HvCodeSubmitDetail {
  code: string;
  kind: 'connect' | 'pickup';
  url: string;
}

/** `hv-connect-request-created`: staff created a Patient Connect request; `identityCode` is for the patient only. */
export interface HvConnectRequestCreatedDetail {
  externalId: string;
  identityCode: string;
  /** The Shell's CONNECT link with the code. */
  url: string;
  /** When the pending request lapses (four weeks). */
  expires: Date;
}

/** `hv-connect-request-authorized`: a patient picked up a request; store these ids against `externalId`. */
export interface HvConnectRequestAuthorizedDetail {
  externalId: string;
  personId: string;
  recordId: string;
  appSpecificRecordId?: string;
  appId: string;
}

/** `hv-error`: something went wrong; `error.code` says what, `error.message` says it in words. */
export interface HvErrorDetail {
  error: HvError;
}

/** What `<hv-auth-status>` shows as a whole: where the sign-in stands, or (connected) its records' status. */
export type AuthStatus = 'checking' | 'not-connected' | 'expired' | 'revoked' | 'unreachable' | RecordStatus;

/**
 * `hv-status-change`: `<hv-auth-status>` shows another state. `records`: each record it shows, with its own
 * status; `stale`: the proxy cannot be reached and `records` are as last known.
 */
export interface HvStatusChangeDetail {
  status: AuthStatus;
  /** `offline`: the application may also use the record while the person is away (an offline grant). */
  records: { id: string; name?: string; status: RecordStatus; offline: boolean }[];
  stale: boolean;
}

export type HvConnectEvent = CustomEvent<HvConnectDetail>;
export type HvStatusChangeEvent = CustomEvent<HvStatusChangeDetail>;
export type HvAuthorizedEvent = CustomEvent<HvAuthorizedDetail>;
export type HvDeniedEvent = CustomEvent<HvDeniedDetail>;
export type HvShellReturnEvent = CustomEvent<HvShellReturnDetail>;
export type HvErrorEvent = CustomEvent<HvErrorDetail>;
export type HvRuleEvent = CustomEvent<HvRuleDetail>;
export type HvCodeSubmitEvent = CustomEvent<HvCodeSubmitDetail>;
export type HvConnectRequestCreatedEvent = CustomEvent<HvConnectRequestCreatedDetail>;
export type HvConnectRequestAuthorizedEvent = CustomEvent<HvConnectRequestAuthorizedDetail>;
export type HvRuleDismissedEvent = CustomEvent<HvRuleDismissedDetail>;

export interface HvEventMap {
  'hv-connect': HvConnectEvent;
  'hv-authorized': HvAuthorizedEvent;
  'hv-denied': HvDeniedEvent;
  'hv-shell-return': HvShellReturnEvent;
  'hv-error': HvErrorEvent;
  'hv-status-change': HvStatusChangeEvent;
  'hv-rule-granted': HvRuleEvent;
  'hv-rule-declined': HvRuleEvent;
  'hv-rule-dismissed': HvRuleDismissedEvent;
  'hv-code-submit': HvCodeSubmitEvent;
  'hv-connect-request-created': HvConnectRequestCreatedEvent;
  'hv-connect-request-authorized': HvConnectRequestAuthorizedEvent;
}

declare global {
  interface HTMLElementEventMap extends HvEventMap {}
  interface DocumentEventMap extends HvEventMap {}
}

/** Dispatches a typed, bubbling, composed `hv-` event; returns false when a listener cancelled it. */
export function dispatchHvEvent<K extends keyof HvEventMap>(
  target: EventTarget,
  type: K,
  detail: HvEventMap[K]['detail'],
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(
    new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
  );
}
