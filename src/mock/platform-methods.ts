import { Methods, type MethodName } from '../core/platform/methods.js';
import { StatusCode } from '../core/platform/status-codes.js';
import { authAction, effectivePermissions, isExpired, type SimTypePermissions } from './authorization.js';
import { CONNECT_REQUEST_METHODS } from './connect-request-methods.js';
import type { SimInfoSchema } from './info-schema.js';
import { appPersonId, appRecordId, internalRecordId } from './pseudonyms.js';
import type {
  SimAuthRule,
  SimPermission,
  RecordAccess,
  SimApplication,
  SimAuthorization,
  SimPerson,
  SimulatorState,
} from './state.js';
import type { RequestInfo, XmlObject } from './xml.js';

/** `auth-expires` of an authorization that never lapses (reference §10). */
export const NEVER_EXPIRES = '9999-12-31T23:59:59.999Z';

/** What a method handler sees of one call. */
export interface CallContext {
  state: SimulatorState;
  app: SimApplication;
  now: number;
  /** The record id the application sent (`X-HV-Record-Id`), as the application knows it. */
  recordId: string | undefined;
  /** The signed-in person; present for every method with `needsUser`. */
  person: SimPerson | undefined;
}

/** A method's answer: success with its `<wc:info>` (none for a method without a response schema), or an error. */
export type MethodOutcome = { code: 0; info?: XmlObject } | { code: number; message: string };

export interface SimMethodDefinition {
  /** The `method-version`s the platform accepts. */
  versions: readonly number[];
  /** The request's `<info>`, as the method schema declares it; the simulator refuses any other. */
  infoSchema: SimInfoSchema;
  /** Whether the call needs a signed-in person (a user token held by the proxy). */
  needsUser: boolean;
  /** Runs the method on an `<info>` that follows `infoSchema`. */
  run(context: CallContext, info: RequestInfo): MethodOutcome;
}

function fail(code: number, message: string): MethodOutcome {
  return { code, message };
}

/** An optional boolean parameter, already checked against the schema (which collapses whitespace); absent is false. */
function flag(info: RequestInfo, name: string): boolean {
  const value = info.get(name)?.[0]?.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
  return value === 'true' || value === '1';
}

const ALL_PERMISSIONS: readonly SimPermission[] = ['Create', 'Read', 'Update', 'Delete'];

function permissionList(permissions: readonly SimPermission[]): XmlObject {
  const all = ALL_PERMISSIONS.every((permission) => permissions.includes(permission));
  return { permission: all ? ['All'] : [...permissions] };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** A record GetPersonInfo and GetAuthorizedRecords list for the signed-in person. */
interface ListedRecord {
  recordId: string;
  access: RecordAccess;
  /** What the person granted the application on the record; undefined when they never authorized it. */
  authorization: SimAuthorization | undefined;
}

/**
 * The records listed for the person, in their record order: each record they can still open that the application
 * is authorized for, by them or by someone else who can open it (the other custodian of a shared child record).
 * `app-record-auth-action` weighs "the access already granted by the person to the application" (XSD types.xsd,
 * `Record`), so a record only someone else authorized is listed as `AuthorizationRequired` for this person.
 * Which records the real platform lists beyond "the records a person has authorized an application to use" is
 * undocumented: this is the simulator's reading of the enumeration's "AuthorizationRequired" value.
 */
function listedRecords(context: CallContext): ListedRecord[] {
  const { state, app, person } = context;
  return (person?.records ?? []).flatMap((access) => {
    const onRecord = state.authorizations.filter((a) => a.appId === app.id && a.recordId === access.recordId);
    if (onRecord.length === 0) return [];
    return [{ recordId: access.recordId, access, authorization: onRecord.find((a) => a.personId === person!.id) }];
  });
}

function permissionsOn(context: CallContext, listed: ListedRecord): Map<string, SimTypePermissions> {
  const { state, app, now } = context;
  if (!listed.authorization) return new Map();
  return effectivePermissions(app, listed.authorization, now, state.records[listed.recordId]!.location);
}

function recordElement(context: CallContext, { recordId, access, authorization }: ListedRecord): XmlObject {
  const { state, app, now } = context;
  const record = state.records[recordId]!;
  // A record the person never authorized has no authorization of theirs to lapse.
  const expiresAt = authorization?.expiresAt ?? null;
  const element: XmlObject = {
    '@_id': appRecordId(state, app.id, record.id),
    '@_record-custodian': String(access.custodian),
    '@_rel-type': String(access.relType),
    '@_rel-name': access.relName,
    '@_auth-expires': expiresAt === null ? NEVER_EXPIRES : iso(expiresAt),
    '@_auth-expired': String(authorization !== undefined && isExpired(authorization, now)),
    '@_display-name': record.displayName,
    '@_state': record.state,
    '@_date-created': iso(record.createdAt),
    '@_max-size-bytes': '4294967296',
    '@_size-bytes': String(record.sizeBytes),
    '@_app-record-auth-action': authAction(app, authorization, access, now, record.location),
    '@_app-specific-record-id': record.appSpecificRecordId,
  };
  if (record.location) {
    element['@_location-country'] = record.location.country;
    if (record.location.stateProvince) element['@_location-state-province'] = record.location.stateProvince;
  }
  element['@_date-updated'] = iso(record.updatedAt);
  // The date the person authorized the application: none when they never did.
  if (authorization) element['@_record-app-auth-created-date'] = iso(authorization.createdAt);
  element['#text'] = record.name;
  return element;
}

function thingTypePermissionElements(
  permissions: Map<string, SimTypePermissions>,
  requested?: readonly string[],
): XmlObject[] {
  const types = requested ?? [...permissions.keys()];
  return types.flatMap((type) => {
    const entry = permissions.get(type.toLowerCase());
    if (!entry) return [];
    const element: XmlObject = { 'thing-type-id': type };
    if (entry.online.length > 0) element['online-access-permissions'] = permissionList(entry.online);
    if (entry.offline.length > 0) element['offline-access-permissions'] = permissionList(entry.offline);
    return [element];
  });
}

const getPersonInfo: SimMethodDefinition = {
  versions: [1],
  infoSchema: [
    { name: 'group-membership', type: 'boolean', min: 0, max: 1 }, // ignored: simulated people belong to no groups
    { name: 'effective-record-permissions', type: 'boolean', min: 0, max: 1 },
  ],
  needsUser: true,
  run(context, info) {
    const withPermissions = flag(info, 'effective-record-permissions');
    const { state, app, person } = context;
    const listed = listedRecords(context);
    const authorizedByPerson = listed.filter(({ authorization }) => authorization !== undefined);
    if (authorizedByPerson.length === 0) {
      return fail(
        StatusCode.ACCESS_DENIED,
        `${person!.name} has revoked the access of application ${app.id} to all of their records.`,
      );
    }
    const records = listed.map((entry) => recordElement(context, entry));
    const selected = state.selectedRecords[person!.id]?.[app.id];
    const selectedRecord = authorizedByPerson.find(({ recordId }) => recordId === selected) ?? authorizedByPerson[0]!;
    const personInfo: XmlObject = {
      'person-id': appPersonId(state, app.id, person!.id),
      name: person!.name,
      'selected-record-id': appRecordId(state, app.id, selectedRecord.recordId),
      record: records,
    };
    if (withPermissions) {
      const wanted = context.recordId?.toLowerCase();
      const list = listed
        .filter(({ recordId }) => wanted === undefined || appRecordId(state, app.id, recordId).toLowerCase() === wanted)
        .map((entry) => ({
          'record-id': appRecordId(state, app.id, entry.recordId),
          'thing-type-permission': thingTypePermissionElements(permissionsOn(context, entry)),
        }));
      if (list.length > 0) personInfo['effective-record-permission-list'] = { 'effective-record-permission': list };
    }
    return { code: 0, info: { 'person-info': personInfo } };
  },
};

const getAuthorizedRecords: SimMethodDefinition = {
  versions: [1],
  infoSchema: [{ name: 'id', type: 'guid', min: 1, max: Infinity }],
  needsUser: true,
  run(context, info) {
    const ids = info.get('id')!;
    // Unknown, foreign or unauthorized ids are left out without an error, as the method schema says.
    const wanted = new Set(ids.map((id) => internalRecordId(context.state, context.app.id, id)));
    const records = listedRecords(context)
      .filter(({ recordId }) => wanted.has(recordId))
      .map((entry) => recordElement(context, entry));
    return { code: 0, info: { record: records } };
  },
};

const queryPermissions: SimMethodDefinition = {
  versions: [1],
  infoSchema: [{ name: 'thing-type-id', type: 'guid', min: 1, max: Infinity }],
  needsUser: true,
  run(context, info) {
    const types = info.get('thing-type-id')!;
    const { state, app, recordId } = context;
    if (recordId === undefined)
      return fail(StatusCode.INVALID_RECORD, 'QueryPermissions needs the record id (X-HV-Record-Id).');
    const internal = internalRecordId(state, app.id, recordId);
    if (internal === undefined) return fail(StatusCode.INVALID_RECORD, `Record ${recordId} does not exist.`);
    const listed = listedRecords(context).find(({ recordId: id }) => id === internal);
    if (!listed?.authorization) {
      return fail(
        StatusCode.ACCESS_DENIED,
        `Application ${app.id} is not authorized for record ${recordId} by ${context.person!.name}.`,
      );
    }
    const record = state.records[internal]!;
    if (record.state === 'Suspended' || record.state === 'Deleted') {
      return fail(StatusCode.INVALID_RECORD_STATE, `Record ${recordId} is ${record.state.toLowerCase()}.`);
    }
    const permissions = permissionsOn(context, listed);
    return {
      code: 0,
      info: { 'thing-type-permission': thingTypePermissionElements(permissions, types), 'other-settings': {} },
    };
  },
};

function ruleElement(rule: SimAuthRule): XmlObject {
  const translations = Object.entries(rule.translatedReasons ?? {}).map(([lang, text]) => ({
    '@_xml:lang': lang,
    '#text': text,
  }));
  const element: XmlObject = {
    '@_is-optional': String(rule.optional),
    '@_name': rule.name,
    reason: [{ '#text': rule.reason }, ...translations],
  };
  if (rule.optional) element['display-flags'] = String(rule.displayFlags);
  element['permission'] = [...rule.permissions];
  element['target-set'] = { 'type-id': [...rule.thingTypeIds] };
  return element;
}

function authXml(rules: readonly SimAuthRule[]): XmlObject {
  return { auth: { rules: { rule: rules.map(ruleElement) } } };
}

const getApplicationInfo: SimMethodDefinition = {
  versions: [1, 2],
  infoSchema: [
    { name: 'all-languages', type: 'boolean', min: 0, max: 1 }, // ignored: simulated apps have one language
    { name: 'child-app-id', type: 'guid', min: 0, max: 1 },
  ],
  needsUser: false,
  run(context, info) {
    const childAppId = info.get('child-app-id')?.[0];
    const { app } = context;
    if (childAppId !== undefined) {
      return fail(StatusCode.ACCESS_DENIED, `Application ${app.id} is not the master application of ${childAppId}.`);
    }
    const online = app.rules.filter((rule) => rule.scope === 'online');
    const offline = app.rules.filter((rule) => rule.scope === 'offline');
    const application: XmlObject = {
      id: app.id,
      name: app.name,
      'app-auth-required': 'true',
      'restrict-app-users': 'false',
      'is-published': 'true',
      'action-url': app.actionUrl,
      description: app.description,
      'person-online-base-auth-xml': authXml(online),
    };
    if (offline.length > 0) application['person-offline-base-auth-xml'] = authXml(offline);
    application['app-type'] = 'Web';
    application['created-date'] = iso(app.createdAt);
    if (app.supportedRecordLocations) {
      application['supported-record-locations'] = {
        location: app.supportedRecordLocations.map(({ country, stateProvince }): XmlObject =>
          stateProvince === undefined ? { country } : { country, 'state-province': stateProvince },
        ),
      };
    }
    return { code: 0, info: { application } };
  },
};

/** The platform methods the simulator answers. */
export const PLATFORM_METHODS: Readonly<Record<MethodName, SimMethodDefinition>> = {
  [Methods.GetPersonInfo]: getPersonInfo,
  [Methods.GetAuthorizedRecords]: getAuthorizedRecords,
  [Methods.QueryPermissions]: queryPermissions,
  [Methods.GetApplicationInfo]: getApplicationInfo,
  ...CONNECT_REQUEST_METHODS,
};
