/**
 * Builds HealthVault Shell redirect URLs (reference §2): `{shell}/redirect.aspx?target=T&targetqs=Q`, where Q is
 * `k1=v1&k2=v2…` with each value URL-encoded and then the whole of Q URL-encoded again. Every value is checked
 * first, and a bad one throws an `HvError('invalid-shell-request')` that names it.
 */
import { HvError } from '../errors.js';
import { isGuid } from '../guid.js';
import { TARGET_PARAMS, WIRE_NAMES, type ShellParamName, type ShellRequest, type ShellTarget } from './targets.js';

/** The Shells of the HealthVault instances (reference §1). */
export const SHELL_PRESETS: Readonly<Record<'us' | 'us-ppe' | 'eu' | 'eu-ppe', string>> = Object.freeze({
  us: 'https://account.healthvault.com',
  'us-ppe': 'https://account.healthvault-ppe.com',
  eu: 'https://account.healthvault.co.uk',
  'eu-ppe': 'https://account.healthvault-ppe.co.uk',
});

export interface BuildShellUrlOptions {
  /** When given, a `redirect` whose origin is not in this list is refused. */
  allowedRedirectOrigins?: readonly string[];
}

const PRESET_HINT = 'use us, us-ppe, eu, eu-ppe or an https URL';
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const CULTURE = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;
/** Rule names are `wc-types:string16` (auth.xsd `Rule/@name`). */
const RULE_NAME_MAX = 16;
const GUID_PARAMS: ReadonlySet<ShellParamName> = new Set(['refAppId', 'recordId', 'thingId']);
const BOOLEAN_PARAMS: ReadonlySet<ShellParamName> = new Set([
  'allowInstanceBounce',
  'multiRecord',
  'forceAppAuth',
  'hideAddRecord',
  'mobile',
  'addItem',
]);

function invalid(message: string): HvError {
  return new HvError('invalid-shell-request', message);
}

/** https everywhere; plain http only on the loopback host, where development servers run. */
function isHttpsOrLocal(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
}

function parseAbsoluteUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/**
 * The Shell base URL for a preset name or an https URL (http only on localhost), without a trailing slash.
 * A URL that already ends in `/redirect.aspx` is accepted and trimmed, as the .NET SDK does.
 */
export function resolveShell(shell: string): string {
  const value = typeof shell === 'string' ? shell.trim() : '';
  if (value === '') throw invalid(`The shell is missing: ${PRESET_HINT}`);
  if (!value.includes('://')) {
    const preset = value.toLowerCase();
    if (Object.hasOwn(SHELL_PRESETS, preset)) return SHELL_PRESETS[preset as keyof typeof SHELL_PRESETS];
    throw invalid(`Unknown shell preset "${value}": ${PRESET_HINT}`);
  }
  const url = parseAbsoluteUrl(value);
  if (!url) throw invalid(`Shell "${value}" is not a valid URL: ${PRESET_HINT}`);
  if (!isHttpsOrLocal(url)) {
    throw invalid(`Shell "${value}" must use https (plain http is accepted only for localhost, 127.0.0.1 and [::1])`);
  }
  if (url.username || url.password) throw invalid(`Shell "${value}" must not contain a user name or password`);
  if (url.search || url.hash) throw invalid(`Shell "${value}" must not have a query or fragment`);
  const path = url.pathname.replace(/\/redirect\.aspx$/i, '').replace(/\/+$/, '');
  return url.origin + path;
}

function expectGuid(name: string, value: unknown): string {
  if (typeof value !== 'string' || !isGuid(value)) {
    throw invalid(
      `${name} ${JSON.stringify(value)} is not a GUID (expected the form 00000000-0000-0000-0000-000000000000)`,
    );
  }
  return value;
}

function expectGuidList(name: string, value: unknown): string {
  if (!Array.isArray(value) || value.length === 0) throw invalid(`${name} must be a non-empty list of GUIDs`);
  return value.map((item: unknown) => expectGuid(name, item)).join(',');
}

function expectText(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalid(`${name} is empty`);
  return value;
}

function expectOneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) {
    throw invalid(`${name} ${JSON.stringify(value)} is not one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
  }
  return value as T;
}

function checkRedirect(value: unknown, allowedOrigins: readonly string[] | undefined): string {
  const redirect = expectText('redirect', value);
  const url = parseAbsoluteUrl(redirect);
  if (!url) throw invalid(`redirect "${redirect}" is not an absolute URL`);
  if (!isHttpsOrLocal(url)) {
    throw invalid(
      `redirect "${redirect}" must use https (plain http is accepted only for localhost, 127.0.0.1 and [::1])`,
    );
  }
  if (allowedOrigins) {
    const origins = allowedOrigins.map((entry) => {
      const allowed = parseAbsoluteUrl(entry);
      if (!allowed) throw invalid(`Allowed redirect origin "${entry}" is not a URL`);
      return allowed.origin;
    });
    if (!origins.includes(url.origin)) {
      throw invalid(
        `redirect "${redirect}" is not allowed: its origin ${url.origin} is not in allowedRedirectOrigins (${origins.join(', ') || 'empty'})`,
      );
    }
  }
  return redirect;
}

/** `onopt1=a&onopt2=b`: numbered from 1 in the given order, each name a valid, distinct string16. */
function ruleParams(name: string, prefix: string, value: unknown): [string, string][] {
  if (!Array.isArray(value)) throw invalid(`${name} must be a list of rule names`);
  const seen = new Set<string>();
  return value.map((rule: unknown, index): [string, string] => {
    if (typeof rule !== 'string' || rule.trim() === '') throw invalid(`${name}[${index}] is an empty rule name`);
    if ([...rule].length > RULE_NAME_MAX) {
      throw invalid(`${name}[${index}] "${rule}" is longer than ${RULE_NAME_MAX} characters (rule names are string16)`);
    }
    if (seen.has(rule)) throw invalid(`${name} lists the rule "${rule}" twice`);
    seen.add(rule);
    return [`${prefix}${index + 1}`, rule];
  });
}

/** The wire name/value pairs one parameter contributes to targetqs, after checking its value. */
function paramPairs(
  target: ShellTarget,
  name: ShellParamName,
  value: unknown,
  options: BuildShellUrlOptions,
): [string, string][] {
  const wire = WIRE_NAMES[name];
  const label = `${name} (${wire})`;
  if (BOOLEAN_PARAMS.has(name)) {
    if (typeof value !== 'boolean') throw invalid(`${label} must be true or false, not ${JSON.stringify(value)}`);
    return [[wire, String(value)]];
  }
  if (GUID_PARAMS.has(name)) return [[wire, expectGuid(name, value)]];
  switch (name) {
    case 'appId':
      if (Array.isArray(value)) {
        if (target !== 'APPAUTH') throw invalid(`Only the APPAUTH target accepts several app ids, not ${target}`);
        return [[wire, expectGuidList(name, value)]];
      }
      return [[wire, expectGuid(name, value)]];
    case 'typeIds':
      return [[wire, expectGuidList(name, value)]];
    case 'onlineOptionalRules':
    case 'offlineOptionalRules':
      return ruleParams(name, wire, value);
    case 'redirect':
      return [[wire, checkRedirect(value, options.allowedRedirectOrigins)]];
    case 'tokenRedirectMethod':
      return [[wire, expectOneOf(label, value, ['Get', 'Post'] as const)]];
    case 'flow':
      return [[wire, expectOneOf(label, value, ['eprep', 'WMgmt'] as const)]];
    case 'culture':
      if (typeof value !== 'string' || !CULTURE.test(value)) {
        throw invalid(`${label} ${JSON.stringify(value)} is not an ISO culture name such as en-US`);
      }
      return [[wire, value]];
    case 'lcid':
      if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
        throw invalid(`${label} ${JSON.stringify(value)} is not a decimal locale id such as 1033`);
      }
      return [[wire, String(value)]];
    default:
      return [[wire, expectText(label, value)]];
  }
}

/** Checks `request` against what its target takes and returns the targetqs pairs in wire order. */
function targetParams(target: ShellTarget, request: ShellRequest, options: BuildShellUrlOptions): [string, string][] {
  const spec = TARGET_PARAMS[target];
  const allowed: readonly ShellParamName[] = [...spec.required, ...spec.optional];
  const fields = request as unknown as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (key === 'target' || key === 'shell' || fields[key] === undefined) continue;
    if (!allowed.includes(key as ShellParamName)) {
      throw invalid(`${key} is not a parameter of the ${target} target (it takes ${allowed.join(', ') || 'none'})`);
    }
  }
  for (const name of spec.required) {
    if (fields[name] === undefined) throw invalid(`The ${target} target needs ${name} (${WIRE_NAMES[name]})`);
  }
  const ordered = (Object.keys(WIRE_NAMES) as ShellParamName[]).filter(
    (name) => allowed.includes(name) && fields[name] !== undefined,
  );
  return ordered.flatMap((name) => paramPairs(target, name, fields[name], options));
}

/**
 * The Shell redirect URL for `request`. `trm` goes inside targetqs, and `Post` is repeated at the top level
 * (`&trm=post`) because official code uses both places (reference §2). targetqs has no leading `?` and is left
 * out when the request has no parameters.
 */
export function buildShellUrl(request: ShellRequest, options: BuildShellUrlOptions = {}): string {
  const target = String(request.target).toUpperCase();
  if (!Object.hasOwn(TARGET_PARAMS, target)) throw invalid(`Unknown Shell target "${request.target}"`);
  const shell = resolveShell(request.shell);
  const pairs = targetParams(target as ShellTarget, request, options);
  let url = `${shell}/redirect.aspx?target=${target}`;
  if (pairs.length > 0) {
    const targetqs = pairs.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
    url += `&targetqs=${encodeURIComponent(targetqs)}`;
  }
  if ('tokenRedirectMethod' in request && request.tokenRedirectMethod === 'Post') url += '&trm=post';
  return url;
}
