import type { RecordInfo } from './methods/get-authorized-records.js';

/**
 * Where the application stands with one record, as a person should hear it (reference §4): usable
 * (`connected`, or `read-only`), waiting for the person (`reauth-required`: the application's required rules grew;
 * `authorization-required`: never authorized, or the authorization ran out), or out of the person's hands
 * (`reauth-not-possible`, `location-not-supported`, `suspended`, `deleted`).
 */
export type RecordStatus =
  | 'connected'
  | 'read-only'
  | 'reauth-required'
  | 'authorization-required'
  | 'reauth-not-possible'
  | 'location-not-supported'
  | 'suspended'
  | 'deleted';

/** The statuses a trip to the Shell's APPAUTH can fix. */
export const FIXED_BY_APPAUTH: ReadonlySet<RecordStatus> = new Set(['reauth-required', 'authorization-required']);

/**
 * The status of `record` from what the platform says of it: its state first (a suspended or deleted record
 * refuses most methods, whatever its authorization), then `app-record-auth-action`, then `auth-expired`.
 */
export function recordStatus(record: RecordInfo): RecordStatus {
  if (record.state === 'Deleted') return 'deleted';
  if (record.state === 'Suspended') return 'suspended';
  switch (record.appRecordAuthAction) {
    case 'ReauthorizationRequired':
      return 'reauth-required';
    case 'ReauthorizationNotPossible':
      return 'reauth-not-possible';
    case 'AuthorizationRequired':
      return 'authorization-required';
    case 'RecordLocationNotSupported':
      return 'location-not-supported';
  }
  if (record.authExpired) return 'authorization-required';
  return record.state === 'ReadOnly' ? 'read-only' : 'connected';
}
