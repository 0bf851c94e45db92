/**
 * The kinds of targetqs parameter (GUID, flag, text, redirect, rule list…): how a value of each kind is checked
 * and written. Each kind is its own function, so a bundle holds only the kinds its targets use. A bad value throws
 * an `HvError('invalid-shell-request')` that names the parameter.
 */
import { HvError } from '../errors.js';
import { isGuid } from '../guid.js';
import { isLoopbackHost } from '../loopback.js';
import type { ShellTarget } from './targets.js';

export interface BuildShellUrlOptions {
  /** When given, a `redirect` whose origin is not in this list is refused. */
  allowedRedirectOrigins?: readonly string[];
}

/** One parameter of one request, as its kind sees it. */
export interface ParamContext {
  /** The camelCase name callers use, e.g. `multiRecord`. */
  readonly name: string;
  /** The name in targetqs, e.g. `ismra`; rule lists number it (`onopt1..N`). */
  readonly wire: string;
  readonly target: ShellTarget;
  readonly options: BuildShellUrlOptions;
}

/** Checks a value and returns the wire name/value pairs it contributes to targetqs. */
export type ParamKind = (value: unknown, param: ParamContext) => [string, string][];

const CULTURE = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;
/** Rule names are `wc-types:string16` (auth.xsd `Rule/@name`). */
const RULE_NAME_MAX = 16;

export function invalidRequest(message: string): HvError {
  return new HvError('invalid-shell-request', message);
}

/**
 * `value` parsed as an https URL (plain http only on the loopback host, where development servers run). What
 * parsers read differently is refused: the URL parser reads `\` as `/` and drops tabs and line feeds where a
 * server may not, and a user name before `@` dresses one host as another, so the origin checked here could differ
 * from the one reached.
 */
export function parseWebUrl(value: string, subject: string): URL {
  if (value.includes('\\')) throw invalidRequest(`${subject} contains a backslash`);
  if (/[\s\p{Cc}]/u.test(value)) throw invalidRequest(`${subject} contains whitespace or a control character`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidRequest(`${subject} is not an absolute URL`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw invalidRequest(`${subject} must use https (plain http is accepted only for localhost, 127.0.0.1 and [::1])`);
  }
  if (url.username || url.password) throw invalidRequest(`${subject} must not contain a user name or password`);
  return url;
}

/** `multiRecord (ismra)`: the name callers use, then the one on the wire. */
function labelOf({ name, wire }: ParamContext): string {
  return `${name} (${wire})`;
}

function expectGuid(name: string, value: unknown): string {
  if (typeof value !== 'string' || !isGuid(value)) {
    throw invalidRequest(
      `${name} ${JSON.stringify(value)} is not a GUID (expected the form 00000000-0000-0000-0000-000000000000)`,
    );
  }
  return value;
}

function expectText(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalidRequest(`${name} is empty`);
  return value;
}

export const guid: ParamKind = (value, param) => [[param.wire, expectGuid(param.name, value)]];

/** A non-empty list of GUIDs, sent as a comma list. */
export const guidList: ParamKind = (value, param) => {
  if (!Array.isArray(value) || value.length === 0)
    throw invalidRequest(`${param.name} must be a non-empty list of GUIDs`);
  return [[param.wire, value.map((item: unknown) => expectGuid(param.name, item)).join(',')]];
};

/** APPAUTH's `appid`: one GUID or a list of them. */
export const guidOrGuidList: ParamKind = (value, param) => (Array.isArray(value) ? guidList : guid)(value, param);

/** Every other target's `appid`: one GUID; a list is refused by saying which target takes one. */
export const singleAppId: ParamKind = (value, param) => {
  if (Array.isArray(value))
    throw invalidRequest(`Only the APPAUTH target accepts several app ids, not ${param.target}`);
  return guid(value, param);
};

export const flag: ParamKind = (value, param) => {
  if (typeof value !== 'boolean') {
    throw invalidRequest(`${labelOf(param)} must be true or false, not ${JSON.stringify(value)}`);
  }
  return [[param.wire, String(value)]];
};

export const text: ParamKind = (value, param) => [[param.wire, expectText(labelOf(param), value)]];

/** A value from a fixed list. Pure, so that a bundle without the parameter drops it. */
export function oneOf(...allowed: readonly string[]): ParamKind {
  return (value, param) => {
    if (!allowed.includes(value as string)) {
      throw invalidRequest(
        `${labelOf(param)} ${JSON.stringify(value)} is not one of ${allowed.map((a) => `"${a}"`).join(', ')}`,
      );
    }
    return [[param.wire, value as string]];
  };
}

export const culture: ParamKind = (value, param) => {
  if (typeof value !== 'string' || !CULTURE.test(value)) {
    throw invalidRequest(`${labelOf(param)} ${JSON.stringify(value)} is not an ISO culture name such as en-US`);
  }
  return [[param.wire, value]];
};

export const lcid: ParamKind = (value, param) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw invalidRequest(`${labelOf(param)} ${JSON.stringify(value)} is not a decimal locale id such as 1033`);
  }
  return [[param.wire, String(value)]];
};

/**
 * An absolute https (or loopback http) URL, inside `allowedRedirectOrigins` when the caller gives that list. The
 * parsed form is sent, so that the Shell gets the URL whose origin was checked.
 */
export const redirect: ParamKind = (value, { name, wire, options }) => {
  const href = expectText(name, value);
  const subject = `${name} ${JSON.stringify(href)}`;
  const url = parseWebUrl(href, subject);
  if (options.allowedRedirectOrigins) {
    const origins = options.allowedRedirectOrigins.map(
      (entry) => parseWebUrl(entry, `Allowed redirect origin ${JSON.stringify(entry)}`).origin,
    );
    if (!origins.includes(url.origin)) {
      throw invalidRequest(
        `${subject} is not allowed: its origin ${url.origin} is not in allowedRedirectOrigins (${origins.join(', ') || 'empty'})`,
      );
    }
  }
  return [[wire, url.href]];
};

/** `onopt1=a&onopt2=b`: numbered from 1 in the given order, each name a valid, distinct string16. */
export const rules: ParamKind = (value, { name, wire }) => {
  if (!Array.isArray(value)) throw invalidRequest(`${name} must be a list of rule names`);
  const seen = new Set<string>();
  return value.map((rule: unknown, index): [string, string] => {
    const item = `${name}[${index}]`;
    if (typeof rule !== 'string' || rule.trim() === '') throw invalidRequest(`${item} is an empty rule name`);
    if ([...rule].length > RULE_NAME_MAX) {
      throw invalidRequest(`${item} "${rule}" is longer than ${RULE_NAME_MAX} characters (rule names are string16)`);
    }
    if (seen.has(rule)) throw invalidRequest(`${name} lists the rule "${rule}" twice`);
    seen.add(rule);
    return [`${wire}${index + 1}`, rule];
  });
};
