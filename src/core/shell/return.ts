/**
 * What the Shell sends back to the action URL (reference §3). Parameter names and target values arrive in
 * several casings across the Shell, its docs and the SDKs, so both are read case-insensitively.
 */
import { HvError } from '../errors.js';
import { RETURN_PARAM_NAMES, RETURN_PARAMS } from './return-params.js';

export type ShellReturnTarget =
  | 'AppAuthSuccess'
  | 'AppAuthReject'
  | 'AppAuthInvalidRecord'
  | 'AppAuthFailure'
  | 'SelectedRecordChanged'
  | 'SignOut'
  | 'ShareRecordSuccess'
  | 'ShareRecordFailed'
  | 'EditRecordComplete'
  | 'EditRecordCancel'
  | 'ReconcileComplete'
  | 'ReconcileFailure'
  | 'ReconcileCanceled'
  | 'CreateRecordFailure'
  | 'CreateRecordCanceled'
  | 'Home'
  | 'Help'
  | 'Privacy'
  | 'ServiceAgreement';

export interface ShellReturn {
  target: ShellReturnTarget;
  /** The user auth token (online web apps). Hand it to the proxy; never store or log it. */
  wctoken?: string;
  /** The HealthVault instance where the action completed (`1` is US). */
  instanceId?: string;
  /** The `actionqs` the request carried, echoed back. */
  actionqs?: string;
  /** `CreateAccountSuccess` or `CreateAccountFailure` after CREATEACCOUNT. */
  targetDetails?: string;
  /** After CREATEAPPLICATION: the new child application id. */
  appId?: string;
  /** Sent alongside `wctoken`; its meaning is undocumented. */
  suggestedTokenTtl?: string;
}

const RETURN_TARGETS: readonly ShellReturnTarget[] = [
  'AppAuthSuccess',
  'AppAuthReject',
  'AppAuthInvalidRecord',
  'AppAuthFailure',
  'SelectedRecordChanged',
  'SignOut',
  'ShareRecordSuccess',
  'ShareRecordFailed',
  'EditRecordComplete',
  'EditRecordCancel',
  'ReconcileComplete',
  'ReconcileFailure',
  'ReconcileCanceled',
  'CreateRecordFailure',
  'CreateRecordCanceled',
  'Home',
  'Help',
  'Privacy',
  'ServiceAgreement',
];

/** Lower-cased target value → canonical target, aliases included (VOC says AppAuthRejected, PY EditRecordCanceled). */
const TARGET_BY_LOWER_NAME: ReadonlyMap<string, ShellReturnTarget> = new Map([
  ...RETURN_TARGETS.map((target): [string, ShellReturnTarget] => [target.toLowerCase(), target]),
  ['appauthrejected', 'AppAuthReject'],
  ['editrecordcanceled', 'EditRecordCancel'],
]);

function invalid(message: string): HvError {
  return new HvError('invalid-shell-return', message);
}

/** The Shell's parameters by lower-cased name. The same name twice with different values is refused as ambiguous. */
function returnParams(params: URLSearchParams): Map<string, string> {
  const found = new Map<string, string>();
  for (const [name, value] of params) {
    const key = name.toLowerCase();
    if (!RETURN_PARAM_NAMES.has(key)) continue;
    const earlier = found.get(key);
    if (earlier !== undefined && earlier !== value) throw invalid(`The Shell return has conflicting "${key}" values`);
    found.set(key, value);
  }
  return found;
}

/**
 * Reads a Shell return from a query string (with or without `?`) or form fields (trm=Post). Returns undefined
 * when there is no `target` at all, i.e. an ordinary page load; throws for a target the Shell does not send.
 */
export function parseShellReturn(query: string | URLSearchParams): ShellReturn | undefined {
  const found = returnParams(typeof query === 'string' ? new URLSearchParams(query) : query);
  const rawTarget = found.get(RETURN_PARAMS.target);
  if (rawTarget === undefined) return undefined;
  const target = TARGET_BY_LOWER_NAME.get(rawTarget.trim().toLowerCase());
  if (!target) throw invalid(`Unknown Shell return target "${rawTarget}"`);
  const result: ShellReturn = { target };
  for (const field of Object.keys(RETURN_PARAMS) as (keyof ShellReturn)[]) {
    const value = found.get(RETURN_PARAMS[field]);
    if (field !== 'target' && value) result[field] = value;
  }
  return result;
}
