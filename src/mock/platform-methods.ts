import { Methods, type MethodName } from '../core/platform/methods.js';
import { StatusCode } from '../core/platform/status-codes.js';
import { authAction, effectivePermissions, type TypePermissions } from './authorization.js';
import { isGuid } from './ids.js';
import { appPersonId, appRecordId, internalRecordId } from './pseudonyms.js';
import type { AuthRule, Permission, SimApplication, SimAuthorization, SimPerson, SimulatorState } from './state.js';
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

export type MethodOutcome = { code: 0; info: XmlObject } | { code: number; message: string };

export interface MethodDefinition {
  /** The `method-version`s the platform accepts. */
  versions: readonly number[];
  /** The child elements the request's `<info>` may have. */
  parameters: readonly string[];
  /** Whether the call needs a signed-in person (a user token held by the proxy). */
  needsUser: boolean;
  run(context: CallContext, info: RequestInfo): MethodOutcome;
}

class InvalidRequest extends Error {}

function fail(code: number, message: string): MethodOutcome {
  return { code, message };
}

function single(info: RequestInfo, name: string): string | undefined {
  const values = info.get(name) ?? [];
  if (values.length > 1) throw new InvalidRequest(`<${name}> may appear only once.`);
  return values[0];
}

function booleanParameter(info: RequestInfo, name: string): boolean {
  const value = single(info, name);
  if (value === undefined || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  throw new InvalidRequest(`<${name}> must be a boolean (true or false); got "${value}".`);
}

function guidParameters(info: RequestInfo, name: string): string[] {
  const values = info.get(name) ?? [];
  if (values.length === 0) throw new InvalidRequest(`At least one <${name}> is required.`);
  const invalid = values.find((value) => !isGuid(value));
  if (invalid !== undefined) throw new InvalidRequest(`<${name}> must be a GUID; got "${invalid}".`);
  return [...values];
}

const ALL_PERMISSIONS: readonly Permission[] = ['Create', 'Read', 'Update', 'Delete'];

function permissionList(permissions: readonly Permission[]): XmlObject {
  const all = ALL_PERMISSIONS.every((permission) => permissions.includes(permission));
  return { permission: all ? ['All'] : [...permissions] };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The authorizations of `app` the person holds on records they can still open, in the person's record order. */
function authorizationsOf(context: CallContext): { authorization: SimAuthorization; index: number }[] {
  const { state, app, person } = context;
  return (person?.records ?? []).flatMap((access, index) => {
    const authorization = state.authorizations.find(
      (a) => a.personId === person!.id && a.appId === app.id && a.recordId === access.recordId,
    );
    return authorization ? [{ authorization, index }] : [];
  });
}

function recordElement(context: CallContext, authorization: SimAuthorization): XmlObject {
  const { state, app, now, person } = context;
  const record = state.records[authorization.recordId]!;
  const access = person!.records.find((a) => a.recordId === record.id);
  const expired = authorization.expiresAt !== null && authorization.expiresAt <= now;
  return {
    '@_id': appRecordId(state, app.id, record.id),
    '@_record-custodian': String(access?.custodian ?? false),
    '@_rel-type': String(access?.relType ?? 0),
    '@_rel-name': access?.relName ?? 'Unknown',
    '@_auth-expires': authorization.expiresAt === null ? NEVER_EXPIRES : iso(authorization.expiresAt),
    '@_auth-expired': String(expired),
    '@_display-name': record.displayName,
    '@_state': record.state,
    '@_date-created': iso(record.createdAt),
    '@_max-size-bytes': '4294967296',
    '@_size-bytes': String(record.sizeBytes),
    '@_app-record-auth-action': authAction(app, authorization, access, now),
    '@_app-specific-record-id': record.appSpecificRecordId,
    '@_location-country': 'US',
    '@_date-updated': iso(record.updatedAt),
    '@_record-app-auth-created-date': iso(authorization.createdAt),
    '#text': record.name,
  };
}

function thingTypePermissionElements(
  permissions: Map<string, TypePermissions>,
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

const getPersonInfo: MethodDefinition = {
  versions: [1],
  parameters: ['group-membership', 'effective-record-permissions'],
  needsUser: true,
  run(context, info) {
    booleanParameter(info, 'group-membership'); // accepted; simulated people belong to no groups
    const withPermissions = booleanParameter(info, 'effective-record-permissions');
    const { state, app, person } = context;
    const authorized = authorizationsOf(context);
    if (authorized.length === 0) {
      return fail(
        StatusCode.ACCESS_DENIED,
        `${person!.name} has revoked the access of application ${app.id} to all of their records.`,
      );
    }
    const records = authorized.map(({ authorization }) => recordElement(context, authorization));
    const selected = state.selectedRecords[person!.id]?.[app.id];
    const selectedRecord =
      authorized.find(({ authorization }) => authorization.recordId === selected) ?? authorized[0]!;
    const personInfo: XmlObject = {
      'person-id': appPersonId(state, app.id, person!.id),
      name: person!.name,
      'selected-record-id': appRecordId(state, app.id, selectedRecord.authorization.recordId),
      record: records,
    };
    if (withPermissions) {
      const wanted = context.recordId?.toLowerCase();
      const list = authorized
        .filter(
          ({ authorization }) =>
            wanted === undefined || appRecordId(state, app.id, authorization.recordId).toLowerCase() === wanted,
        )
        .map(({ authorization }) => ({
          'record-id': appRecordId(state, app.id, authorization.recordId),
          'thing-type-permission': thingTypePermissionElements(effectivePermissions(app, authorization, context.now)),
        }));
      if (list.length > 0) personInfo['effective-record-permission-list'] = { 'effective-record-permission': list };
    }
    return { code: 0, info: { 'person-info': personInfo } };
  },
};

const getAuthorizedRecords: MethodDefinition = {
  versions: [1],
  parameters: ['id'],
  needsUser: true,
  run(context, info) {
    const ids = guidParameters(info, 'id');
    const authorized = authorizationsOf(context);
    // Unknown, foreign or unauthorized ids are left out without an error, as the method schema says.
    const wanted = new Set(ids.map((id) => internalRecordId(context.state, context.app.id, id)));
    const records = authorized
      .filter(({ authorization }) => wanted.has(authorization.recordId))
      .map(({ authorization }) => recordElement(context, authorization));
    return { code: 0, info: { record: records } };
  },
};

const queryPermissions: MethodDefinition = {
  versions: [1],
  parameters: ['thing-type-id'],
  needsUser: true,
  run(context, info) {
    const types = guidParameters(info, 'thing-type-id');
    const { state, app, recordId } = context;
    if (recordId === undefined)
      return fail(StatusCode.INVALID_RECORD, 'QueryPermissions needs the record id (X-HV-Record-Id).');
    const internal = internalRecordId(state, app.id, recordId);
    if (internal === undefined) return fail(StatusCode.INVALID_RECORD, `Record ${recordId} does not exist.`);
    const authorization = authorizationsOf(context).find(
      ({ authorization: a }) => a.recordId === internal,
    )?.authorization;
    if (!authorization) {
      return fail(
        StatusCode.ACCESS_DENIED,
        `Application ${app.id} is not authorized for record ${recordId} by ${context.person!.name}.`,
      );
    }
    const record = state.records[internal]!;
    if (record.state === 'Suspended' || record.state === 'Deleted') {
      return fail(StatusCode.INVALID_RECORD_STATE, `Record ${recordId} is ${record.state.toLowerCase()}.`);
    }
    const permissions = effectivePermissions(app, authorization, context.now);
    return {
      code: 0,
      info: { 'thing-type-permission': thingTypePermissionElements(permissions, types), 'other-settings': {} },
    };
  },
};

function ruleElement(rule: AuthRule): XmlObject {
  const element: XmlObject = { '@_is-optional': String(rule.optional), '@_name': rule.name, reason: rule.reason };
  if (rule.optional) element['display-flags'] = String(rule.displayFlags);
  element['permission'] = [...rule.permissions];
  element['target-set'] = { 'type-id': [...rule.thingTypeIds] };
  return element;
}

function authXml(rules: readonly AuthRule[]): XmlObject {
  return { auth: { rules: { rule: rules.map(ruleElement) } } };
}

const getApplicationInfo: MethodDefinition = {
  versions: [1, 2],
  parameters: ['all-languages', 'child-app-id'],
  needsUser: false,
  run(context, info) {
    booleanParameter(info, 'all-languages'); // accepted; simulated applications have one language
    const childAppId = single(info, 'child-app-id');
    const { app } = context;
    if (childAppId !== undefined) {
      if (!isGuid(childAppId)) throw new InvalidRequest(`<child-app-id> must be a GUID; got "${childAppId}".`);
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
    return { code: 0, info: { application } };
  },
};

/** The platform methods the simulator answers. */
export const PLATFORM_METHODS: Readonly<Record<MethodName, MethodDefinition>> = {
  [Methods.GetPersonInfo]: getPersonInfo,
  [Methods.GetAuthorizedRecords]: getAuthorizedRecords,
  [Methods.QueryPermissions]: queryPermissions,
  [Methods.GetApplicationInfo]: getApplicationInfo,
};

/** Runs `definition`; a parameter the schema would reject becomes INVALID_XML, as on the platform. */
export function runMethod(definition: MethodDefinition, context: CallContext, info: RequestInfo): MethodOutcome {
  try {
    return definition.run(context, info);
  } catch (error) {
    if (error instanceof InvalidRequest) return fail(StatusCode.INVALID_XML, error.message);
    throw error;
  }
}
