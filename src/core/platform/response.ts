import { HvError } from '../errors.js';
import { child, childText, type XmlNode } from './xml-node.js';

/**
 * The `<info>` of a platform response document (`<response><status><code>0</code></status><wc:info>…</wc:info>
 * </response>`, with an unqualified root as every platform client parses it) that reports success, undefined when
 * it has none; false for anything else, which `decodeResponse` (loaded with the first failure) tells apart.
 */
export function successInfo(root: XmlNode): XmlNode | undefined | false {
  return (
    root.name === 'response' && /^-?0+$/.test(childText(child(root, 'status'), 'code') ?? '') && child(root, 'info')
  );
}

/*
 * Field readers shared by the method decoders. `where` names the place in the response (`person-info/record`)
 * so that a malformed-response message points at the exact field.
 */

/** The error for a response whose content breaks the method's schema. */
export function malformed(where: string, problem: string): HvError {
  return new HvError('malformed-response', `Malformed HealthVault response: ${where} ${problem}.`);
}

/** The decoder of a method that answers with its status alone (it has no response schema): nothing to read. */
export function noInfo(): void {}

/** The `<info>` of a method that always answers one. */
export function requiredInfo(method: string, info: XmlNode | undefined): XmlNode {
  if (!info) throw malformed(`the ${method} response`, 'has no <info>');
  return info;
}

export function requiredChild(node: XmlNode, name: string, where: string): XmlNode {
  const found = child(node, name);
  if (!found) throw malformed(where, `has no <${name}>`);
  return found;
}

/** The trimmed, non-empty text of child `name`. */
export function requiredText(node: XmlNode, name: string, where: string): string {
  const text = childText(node, name);
  if (!text) throw malformed(where, text === undefined ? `has no <${name}>` : `has an empty <${name}>`);
  return text;
}

export function requiredAttribute(node: XmlNode, name: string, where: string): string {
  const value = node.attributes[name]?.trim();
  if (!value) throw malformed(where, `has no "${name}" attribute`);
  return value;
}

/** An `xs:boolean` (`true`, `false`, `1`, `0`); undefined stays undefined. */
export function parseBoolean(value: string | undefined, where: string): boolean | undefined {
  if (value === undefined) return undefined;
  switch (value.trim()) {
    case 'true':
    case '1':
      return true;
    case 'false':
    case '0':
      return false;
    default:
      throw malformed(where, `is "${value}", not a boolean`);
  }
}

/** An `xs:int`/`xs:long`/`xs:unsignedInt`; undefined stays undefined. */
export function parseInteger(value: string | undefined, where: string): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (!/^[-+]?\d+$/.test(trimmed)) throw malformed(where, `is "${value}", not an integer`);
  return Number(trimmed);
}

const DATE_TIME = /^(-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * An `xs:dateTime`; undefined stays undefined. A time without a zone is read as UTC, the platform's clock.
 * Fractions are cut to milliseconds, which is all a `Date` holds (the platform sends up to seven digits).
 */
export function parseDateTime(value: string | undefined, where: string): Date | undefined {
  if (value === undefined) return undefined;
  const match = DATE_TIME.exec(value.trim());
  const date = match && new Date(`${match[1]}.${(match[2] ?? '').padEnd(3, '0').slice(0, 3)}${match[3] ?? 'Z'}`);
  if (!date || Number.isNaN(date.getTime())) throw malformed(where, `is "${value}", not a date and time`);
  return date;
}

/** One of the schema's enumeration `values`; undefined stays undefined. */
export function parseEnum<T extends string>(
  value: string | undefined,
  values: readonly T[],
  where: string,
): T | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (!(values as readonly string[]).includes(trimmed)) {
    throw malformed(where, `is "${value}", not one of ${values.map((v) => `"${v}"`).join(', ')}`);
  }
  return trimmed as T;
}

/** `value` without its undefined properties, so decoded objects hold only what the response said. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
