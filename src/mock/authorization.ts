import type {
  SimAuthRule,
  GrantedRule,
  SimPermission,
  RecordAccess,
  SimApplication,
  SimAuthorization,
  SimLocation,
} from './state.js';

/** `app-record-auth-action` values the simulator produces (XSD types.xsd `AppRecordAuthAction`). */
export type SimAppRecordAuthAction =
  | 'NoActionRequired'
  | 'ReauthorizationRequired'
  | 'ReauthorizationNotPossible'
  | 'AuthorizationRequired'
  | 'RecordLocationNotSupported';

/** The rule as the person grants it now: a copy that later changes to the application's rules do not touch. */
export function snapshotRule(rule: SimAuthRule): GrantedRule {
  return {
    name: rule.name,
    scope: rule.scope,
    permissions: [...rule.permissions],
    thingTypeIds: [...rule.thingTypeIds],
  };
}

export function isExpired(authorization: SimAuthorization, now: number): boolean {
  return authorization.expiresAt !== null && authorization.expiresAt <= now;
}

/**
 * Whether `app` supports a record located at `location` (its `supported-record-locations`). What an unsupported
 * location does is documented by the XSD only (reference §4, `RecordLocationNotSupported`: "Record location not
 * supported by the app"); the simulator reads it as: nobody can authorize the application for the record, and
 * whatever was granted before gives the application nothing. No declared locations, or a record of unknown
 * location (a state saved before records had one), is supported.
 */
export function supportsRecordLocation(app: SimApplication, location: SimLocation | undefined): boolean {
  if (!app.supportedRecordLocations || !location) return true;
  const same = (a: string, b: string | undefined) => a.toUpperCase() === b?.toUpperCase();
  return app.supportedRecordLocations.some(
    (supported) =>
      same(supported.country, location.country) &&
      (supported.stateProvince === undefined || same(supported.stateProvince, location.stateProvince)),
  );
}

function covers(granted: GrantedRule | undefined, rule: SimAuthRule): boolean {
  return (
    granted !== undefined &&
    granted.scope === rule.scope &&
    rule.thingTypeIds.every((type) => granted.thingTypeIds.includes(type)) &&
    rule.permissions.every((permission) => granted.permissions.includes(permission))
  );
}

/**
 * Where the person's authorization of `app` on a record stands (reference §4, seed 002): a record in a location
 * the application does not support can never be authorized; never authorized by this person (or lapsed) needs
 * authorization; a required rule that gained types or permissions since the grant needs reauthorization, which
 * only a custodian of the record can give.
 */
export function authAction(
  app: SimApplication,
  authorization: SimAuthorization | undefined,
  access: RecordAccess | undefined,
  now: number,
  recordLocation?: SimLocation,
): SimAppRecordAuthAction {
  if (!supportsRecordLocation(app, recordLocation)) return 'RecordLocationNotSupported';
  if (!authorization || isExpired(authorization, now)) return 'AuthorizationRequired';
  const grantedByName = new Map(authorization.granted.map((rule) => [rule.name, rule]));
  const complete = app.rules
    .filter((rule) => !rule.optional)
    .every((rule) => covers(grantedByName.get(rule.name), rule));
  if (complete) return 'NoActionRequired';
  return access?.custodian ? 'ReauthorizationRequired' : 'ReauthorizationNotPossible';
}

/** The optional rules an authorization currently grants (by name). */
export function grantedOptionalRules(app: SimApplication, authorization: SimAuthorization | undefined): string[] {
  if (!authorization) return [];
  const granted = new Set(authorization.granted.map((rule) => rule.name));
  return app.rules.filter((rule) => rule.optional && granted.has(rule.name)).map((rule) => rule.name);
}

/**
 * What a new authorization grants: every required rule as it is now, plus the optional rules: those in
 * `optionalChoices` as chosen there (true grants, false withdraws), the others as `previous` granted them.
 */
export function grantFor(
  app: SimApplication,
  previous: SimAuthorization | undefined,
  optionalChoices: Readonly<Record<string, boolean>>,
): GrantedRule[] {
  const previously = new Set(grantedOptionalRules(app, previous));
  return app.rules
    .filter((rule) => !rule.optional || (optionalChoices[rule.name] ?? previously.has(rule.name)))
    .map(snapshotRule);
}

/** The permissions an authorization gives on one thing type, online and offline. */
export interface SimTypePermissions {
  online: SimPermission[];
  offline: SimPermission[];
}

const PERMISSION_ORDER: readonly SimPermission[] = ['Create', 'Read', 'Update', 'Delete'];

/**
 * What the application may do with each thing type of the record: the granted rules, narrowed to what the
 * application's rules still ask for (removing types from a rule takes effect without reauthorization, seed 002).
 * A lapsed authorization gives nothing, nor does one on a record whose location the application does not support.
 */
export function effectivePermissions(
  app: SimApplication,
  authorization: SimAuthorization,
  now: number,
  recordLocation?: SimLocation,
): Map<string, SimTypePermissions> {
  const result = new Map<string, { online: Set<SimPermission>; offline: Set<SimPermission> }>();
  if (isExpired(authorization, now) || !supportsRecordLocation(app, recordLocation)) return new Map();
  const current = new Map(app.rules.map((rule) => [rule.name, rule]));
  for (const granted of authorization.granted) {
    const rule = current.get(granted.name);
    if (!rule || rule.scope !== granted.scope) continue;
    const permissions = granted.permissions.filter((permission) => rule.permissions.includes(permission));
    if (permissions.length === 0) continue;
    for (const type of granted.thingTypeIds.filter((t) => rule.thingTypeIds.includes(t))) {
      const entry = result.get(type) ?? { online: new Set<SimPermission>(), offline: new Set<SimPermission>() };
      permissions.forEach((permission) => entry[granted.scope].add(permission));
      result.set(type, entry);
    }
  }
  const ordered = (set: Set<SimPermission>) => PERMISSION_ORDER.filter((permission) => set.has(permission));
  return new Map(
    [...result].map(([type, { online, offline }]) => [type, { online: ordered(online), offline: ordered(offline) }]),
  );
}
