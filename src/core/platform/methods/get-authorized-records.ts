import type { MethodDescriptor } from '../method-descriptor.js';
import { Methods } from '../methods.js';
import { infoXml } from '../xml-write.js';
import { childrenNamed, type XmlNode } from '../xml-node.js';
import { guidElements } from './guid-elements.js';
import {
  malformed,
  parseBoolean,
  parseDateTime,
  parseEnum,
  parseInteger,
  requiredAttribute,
  requiredInfo,
  withoutUndefined,
} from '../response.js';

/** `wc-types:RecordState`: Suspended and Deleted records refuse most methods (`INVALID_RECORD_STATE`). */
export type RecordState = 'Active' | 'ReadOnly' | 'Suspended' | 'Deleted';

/** `wc-types:AppRecordAuthAction`: what the person still has to do before the application may use the record. */
export type AppRecordAuthAction =
  | ''
  | 'AuthorizationRequired'
  | 'ReauthorizationRequired'
  | 'ReauthorizationNotPossible'
  | 'NoActionRequired'
  | 'RecordLocationNotSupported';

const RECORD_STATES: readonly RecordState[] = ['Active', 'ReadOnly', 'Suspended', 'Deleted'];
const AUTH_ACTIONS: readonly AppRecordAuthAction[] = [
  '',
  'AuthorizationRequired',
  'ReauthorizationRequired',
  'ReauthorizationNotPossible',
  'NoActionRequired',
  'RecordLocationNotSupported',
];

/** A health record the application is authorized for (`wc-types:Record`), ids pseudonymous per application. */
export interface RecordInfo {
  id: string;
  name: string;
  /** Relationship of the person to the record (1 Self, 2 Other, 5 Child, …). */
  relType: number;
  /** The relationship, localized by the platform. */
  relName?: string;
  isCustodian: boolean;
  /** When the authorization ends; undefined when it never does (the platform's 9999-12-31). */
  authExpires?: Date;
  authExpired: boolean;
  displayName?: string;
  state?: RecordState;
  dateCreated?: Date;
  dateUpdated?: Date;
  maxSizeBytes?: number;
  sizeBytes?: number;
  appRecordAuthAction?: AppRecordAuthAction;
  autoReconcileDocuments?: boolean;
  /** Stable across all authorizations of this record, unlike `id`. */
  appSpecificRecordId?: string;
  locationCountry?: string;
  locationStateProvince?: string;
  latestOperationSequenceNumber?: number;
  recordAppAuthCreatedDate?: Date;
}

/** The `<info>` of GetAuthorizedRecords for `recordIds`. */
export function getAuthorizedRecordsRequest(recordIds: readonly string[]): string {
  const { GetAuthorizedRecords } = Methods;
  return infoXml(GetAuthorizedRecords, guidElements(GetAuthorizedRecords, 'id', 'record id', recordIds));
}

/** The platform writes "never expires" as the last moment of year 9999. */
const NEVER_YEAR = 9999;

/** Reads one `wc-types:Record` element. */
export function decodeRecord(node: XmlNode, where: string): RecordInfo {
  const attribute = (name: string) => node.attributes[name];
  const at = (name: string) => `${where}/@${name}`;
  const name = node.text.trim();
  if (!name) throw malformed(where, 'has no record name');
  const authExpires = parseDateTime(attribute('auth-expires'), at('auth-expires'));
  const relType = parseInteger(requiredAttribute(node, 'rel-type', where), at('rel-type')) as number;
  return withoutUndefined({
    id: requiredAttribute(node, 'id', where),
    name,
    relType,
    relName: attribute('rel-name'),
    isCustodian: parseBoolean(attribute('record-custodian'), at('record-custodian')) ?? false,
    authExpires: authExpires && authExpires.getUTCFullYear() >= NEVER_YEAR ? undefined : authExpires,
    authExpired: parseBoolean(attribute('auth-expired'), at('auth-expired')) ?? false,
    displayName: attribute('display-name'),
    state: parseEnum(attribute('state'), RECORD_STATES, at('state')),
    dateCreated: parseDateTime(attribute('date-created'), at('date-created')),
    dateUpdated: parseDateTime(attribute('date-updated'), at('date-updated')),
    maxSizeBytes: parseInteger(attribute('max-size-bytes'), at('max-size-bytes')),
    sizeBytes: parseInteger(attribute('size-bytes'), at('size-bytes')),
    appRecordAuthAction: parseEnum(attribute('app-record-auth-action'), AUTH_ACTIONS, at('app-record-auth-action')),
    autoReconcileDocuments: parseBoolean(attribute('auto-reconcile-documents'), at('auto-reconcile-documents')),
    appSpecificRecordId: attribute('app-specific-record-id'),
    locationCountry: attribute('location-country'),
    locationStateProvince: attribute('location-state-province'),
    latestOperationSequenceNumber: parseInteger(
      attribute('latest-operation-sequence-number'),
      at('latest-operation-sequence-number'),
    ),
    recordAppAuthCreatedDate: parseDateTime(
      attribute('record-app-auth-created-date'),
      at('record-app-auth-created-date'),
    ),
  });
}

/**
 * The records of a GetAuthorizedRecords response. Requested ids the person cannot use with the application are
 * simply absent: the platform omits them without an error.
 */
export function decodeAuthorizedRecords(info: XmlNode | undefined): RecordInfo[] {
  return childrenNamed(requiredInfo(Methods.GetAuthorizedRecords, info), 'record').map((node) =>
    decodeRecord(node, 'record'),
  );
}

/** The given records, those the application may still reach (unknown or unauthorized ids are left out). */
export const getAuthorizedRecords: MethodDescriptor<readonly string[], RecordInfo[]> = {
  name: Methods.GetAuthorizedRecords,
  version: 1,
  readOnly: true,
  buildInfo: getAuthorizedRecordsRequest,
  decode: decodeAuthorizedRecords,
};
