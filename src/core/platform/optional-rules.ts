/**
 * Optional authorization rules (reference §4): which of an application's rules a page may ask for with
 * `onopt#`/`offopt#`, how the Shell offers them (display flags), and whether a record grants one already.
 */
import type { ApplicationInfo, AuthRule } from './methods/get-application-info.js';
import type { ThingTypePermission } from './methods/query-permissions.js';

/** `display-flags` of an optional rule (auth.xsd, `Rule/display-flags`): how the Shell offers it. */
export const DisplayFlag = {
  /** Offer the rule during the first authorization even when the application does not name it. */
  DisplayFirstTime: 0x1,
  /** Check the rule during the first authorization. */
  CheckedFirstTime: 0x2,
  /** Check the rule whenever it is offered (opt-out). */
  CheckedDefault: 0x4,
} as const;

/** An optional rule with the scope it applies in: online rules ask with `onopt#`, offline ones with `offopt#`. */
export interface OptionalRule {
  rule: AuthRule & { name: string };
  scope: 'online' | 'offline';
}

/** The named rules found among an application's optional rules, and the names that are not optional rules. */
export interface RequestedRules {
  rules: OptionalRule[];
  /** Names of no rule of the application. */
  unknown: string[];
  /** Names of required rules: every authorization grants them, so there is nothing to ask. */
  required: string[];
}

/** Looks up `names` (as the application's configuration spells them) among `app`'s rules. */
export function requestedRules(app: ApplicationInfo, names: readonly string[]): RequestedRules {
  const scoped = [
    ...app.onlineRules.map((rule) => ({ rule, scope: 'online' as const })),
    ...app.offlineRules.map((rule) => ({ rule, scope: 'offline' as const })),
  ];
  const found: RequestedRules = { rules: [], unknown: [], required: [] };
  for (const name of new Set(names)) {
    const match = scoped.find(({ rule }) => rule.name === name);
    if (!match) found.unknown.push(name);
    else if (!match.rule.optional) found.required.push(name);
    else found.rules.push(match as OptionalRule);
  }
  return found;
}

/** The names of `app`'s optional rules, for messages that say what could have been meant. */
export function optionalRuleNames(app: ApplicationInfo): string[] {
  return [...app.onlineRules, ...app.offlineRules].filter((rule) => rule.optional && rule.name).map((r) => r.name!);
}

/**
 * Whether the Shell offers `rule` checked: "checked by default" always, "checked first time" to a person who has
 * never authorized the application (`firstTime`).
 */
export function checkedWhenOffered(rule: { displayFlags: number }, firstTime: boolean): boolean {
  return (
    Boolean(rule.displayFlags & DisplayFlag.CheckedDefault) ||
    (firstTime && Boolean(rule.displayFlags & DisplayFlag.CheckedFirstTime))
  );
}

/** Whether the Shell offers `rule` to a first-time person even when the application does not name it. */
export function offeredUnasked(rule: { displayFlags: number }, firstTime: boolean): boolean {
  return firstTime && Boolean(rule.displayFlags & DisplayFlag.DisplayFirstTime);
}

/**
 * Whether a record already grants `rule`: every thing type it covers allows, in its scope, every permission it
 * asks for (`All` allows them all). `granted` is the record's QueryPermissions answer for those types.
 */
export function ruleGranted({ rule, scope }: OptionalRule, granted: readonly ThingTypePermission[]): boolean {
  return rule.typeIds.every((typeId) => {
    const allowed = granted.find((type) => type.thingTypeId.toLowerCase() === typeId.toLowerCase())?.[scope] ?? [];
    return allowed.includes('All') || rule.permissions.every((permission) => allowed.includes(permission));
  });
}
