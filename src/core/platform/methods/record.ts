// One `wc-types:Record` as the platform writes it: its type and its decoder, which every signed-in page's first
// answer (GetPersonInfo) needs; the GetAuthorizedRecords method itself is in get-authorized-records.ts.
import type { XmlNode } from '../xml-node.js';
import {
  malformed,
  parseBoolean,
  parseDateTime,
  parseEnum,
  parseInteger,
  requiredAttribute,
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

/** Reads one attribute's value; `where` names it (`record/@state`). */
type AttributeReader = (value: string | undefined, where: string) => unknown;

const text: AttributeReader = (value) => value;
/** A flag the platform leaves out when it is false. */
const flag: AttributeReader = (value, where) => parseBoolean(value, where) ?? false;
/** The platform writes "never expires" as the last moment of year 9999: no date. */
const NEVER_YEAR = 9999;

/**
 * The attributes of a record after `id` and `rel-type`, in the order of {@link RecordInfo}, each property named after
 * its attribute (camel-cased) but `isCustodian`. A table, because the session's on-load check carries this decoder:
 * each attribute keeps its own check and message at a fraction of the bytes.
 */
const RECORD_ATTRIBUTES: readonly (readonly [attribute: string, read: AttributeReader, property?: keyof RecordInfo])[] =
  [
    ['rel-name', text],
    ['record-custodian', flag, 'isCustodian'],
    [
      'auth-expires',
      (value, where) => {
        const date = parseDateTime(value, where);
        return date && date.getUTCFullYear() >= NEVER_YEAR ? undefined : date;
      },
    ],
    ['auth-expired', flag],
    ['display-name', text],
    ['state', (value, where) => parseEnum(value, RECORD_STATES, where)],
    ['date-created', parseDateTime],
    ['date-updated', parseDateTime],
    ['max-size-bytes', parseInteger],
    ['size-bytes', parseInteger],
    ['app-record-auth-action', (value, where) => parseEnum(value, AUTH_ACTIONS, where)],
    ['auto-reconcile-documents', parseBoolean],
    ['app-specific-record-id', text],
    ['location-country', text],
    ['location-state-province', text],
    ['latest-operation-sequence-number', parseInteger],
    ['record-app-auth-created-date', parseDateTime],
  ];

/** Reads one `wc-types:Record` element. */
export function decodeRecord(node: XmlNode, where: string): RecordInfo {
  const name = node.text.trim();
  if (!name) throw malformed(where, 'has no record name');
  const relType = parseInteger(requiredAttribute(node, 'rel-type', where), `${where}/@rel-type`);
  const id = requiredAttribute(node, 'id', where);
  const attributes = RECORD_ATTRIBUTES.map(([attribute, read, property]) => [
    property ?? attribute.replace(/-(.)/g, (_, letter: string) => letter.toUpperCase()),
    read(node.attributes[attribute], `${where}/@${attribute}`),
  ]);
  return withoutUndefined({ id, name, relType, ...Object.fromEntries(attributes) }) as RecordInfo;
}
