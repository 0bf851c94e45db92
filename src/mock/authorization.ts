import type {
  SimAuthRule,
  GrantedRule,
  SimPermission,
  RecordAccess,
  SimApplication,
  SimAuthorization,
} from './state.js';

/** `app-record-auth-action` values the simulator produces (XSD types.xsd `AppRecordAuthAction`). */
export type SimAppRecordAuthAction =
  'NoActionRequired' | 'ReauthorizationRequired' | 'ReauthorizationNotPossible' | 'AuthorizationRequired';

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

function covers(granted: GrantedRule | undefined, rule: SimAuthRule): boolean {
  return (
    granted !== undefined &&
    granted.scope === rule.scope &&
    rule.thingTypeIds.every((type) => granted.thingTypeIds.includes(type)) &&
    rule.permissions.every((permission) => granted.permissions.includes(permission))
  );
}

/**
 * Where the authorization of `app` on a record stands (reference §4, seed 002): never authorized (or lapsed) needs
 * authorization; a required rule that gained types or permissions since the grant needs reauthorization, which
 * only a custodian of the record can give.
 */
export function authAction(
  app: SimApplication,
  authorization: SimAuthorization | undefined,
  access: RecordAccess | undefined,
  now: number,
): SimAppRecordAuthAction {
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
 * A lapsed authorization gives nothing.
 */
export function effectivePermissions(
  app: SimApplication,
  authorization: SimAuthorization,
  now: number,
): Map<string, SimTypePermissions> {
  const result = new Map<string, { online: Set<SimPermission>; offline: Set<SimPermission> }>();
  if (isExpired(authorization, now)) return new Map();
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
