import { XMLParser } from 'fast-xml-parser';
import { isGuid } from './ids.js';

/**
 * The request `<info>` of each simulated method as its official schema (`method-*.xsd`) declares it: a sequence of
 * unqualified elements of simple types. The platform answers any other `<info>` with INVALID_XML, and so does the
 * simulator. A small declarative checker instead of a schema validator, because the simulator also runs in the
 * browser; test/mock/info-schema.test.ts holds it to the official schemas.
 */

/** The XSD simple types the simulated methods take (`boolean`, `wc-types:guid`, `wc-types:stringnz`, `dateTime`). */
export type SimParameterType = 'boolean' | 'guid' | 'stringnz' | 'dateTime';

/** One `<element>` of the `<sequence>` in a method's `<info>`. */
export interface SimInfoElement {
  name: string;
  type: SimParameterType;
  /** `minOccurs`. */
  min: number;
  /** `maxOccurs`; `Infinity` for `unbounded`. */
  max: number;
}

/** An `<xs:choice>` in the sequence: exactly one of its elements (UpdateExternalId's `identity-code` or `old-external-id`). */
export interface SimInfoChoice {
  choice: readonly SimInfoElement[];
}

/** The children of a method's `<info>`, in the order the schema requires them. */
export type SimInfoSchema = readonly (SimInfoElement | SimInfoChoice)[];

/** Every element a schema names, choices included: the parameters a method takes. */
export function parameterNames(schema: SimInfoSchema): string[] {
  return schema.flatMap((particle) => ('choice' in particle ? particle.choice : [particle]).map(({ name }) => name));
}

/** A node as fast-xml-parser gives it with `preserveOrder`: one key (name or `#text`), attributes under `:@`. */
type OrderedNode = { [name: string]: OrderedNode[] | string } & { ':@'?: Record<string, string> };

const ATTRIBUTES = ':@';
const TEXT = '#text';

const parser = new XMLParser({
  preserveOrder: true, // the schema fixes the order of the parameters
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false, // whitespace is significant in a GUID, not around a boolean: each type decides
});

/** Only these four characters are whitespace to XML Schema (a no-break space is not). */
const XML_SPACE = /^[ \t\r\n]*$/;
const trimXmlSpace = (text: string) => text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');

const DATE_TIME =
  /^(-?(?:[1-9]\d{4,}|\d{4}))-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)(Z|([+-])(\d{2}):(\d{2}))?$/;

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** An `xs:dateTime`, read as the schema reads it. */
export interface XsdDateTime {
  year: number;
  /** The instant, in epoch milliseconds; a value without a time zone is taken as UTC. */
  ms: number;
}

/** Reads `text` as an `xs:dateTime` (XML Schema 1.0, whitespace collapsed); undefined when it is not one. */
export function readXsdDateTime(text: string): XsdDateTime | undefined {
  const match = DATE_TIME.exec(trimXmlSpace(text));
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const [zone, sign, zoneHours, zoneMinutes] = match.slice(7);
  const offset = zone === undefined || zone === 'Z' ? 0 : Number(zoneHours) * 60 + Number(zoneMinutes);
  const valid =
    year !== 0 && // there is no year zero in XML Schema 1.0
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    (hour <= 23 || (hour === 24 && minute === 0 && second === 0)) &&
    minute <= 59 &&
    second < 60 &&
    Number(zoneMinutes ?? 0) <= 59 &&
    offset <= 14 * 60;
  if (!valid) return undefined;
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day); // not Date.UTC, which reads years 0 to 99 as 1900 to 1999
  utc.setUTCHours(hour, minute - (sign === '-' ? -offset : offset), 0, Math.round(second * 1000));
  return { year, ms: utc.getTime() };
}

const VALUE_CHECKS: Readonly<Record<SimParameterType, { valid(text: string): boolean; expected: string }>> = {
  // xs:boolean collapses whitespace; its lexical space is exactly these four.
  boolean: {
    valid: (text) => ['true', 'false', '1', '0'].includes(trimXmlSpace(text)),
    expected: 'true, false, 1 or 0',
  },
  // wc-types:guid restricts xs:string by a pattern, so surrounding whitespace makes it invalid.
  guid: { valid: isGuid, expected: 'a GUID' },
  // wc-types:stringnz restricts xs:string to one character or more; whitespace counts (xs:string keeps it).
  stringnz: { valid: (text) => text.length > 0, expected: 'at least one character' },
  dateTime: { valid: (text) => readXsdDateTime(text) !== undefined, expected: 'a date and time (xs:dateTime)' },
};

const nameOf = (node: OrderedNode) => Object.keys(node).find((key) => key !== ATTRIBUTES)!;

/** Attributes other than namespace declarations: the method schemas declare none. */
function declaredAttributes(node: OrderedNode): string[] {
  return Object.keys(node[ATTRIBUTES] ?? {}).filter((name) => name !== 'xmlns' && !name.startsWith('xmlns:'));
}

/** Why one parameter's content does not fit its element, or undefined when it does. */
function valueProblem(element: SimInfoElement, node: OrderedNode): string | undefined {
  const [attribute] = declaredAttributes(node);
  if (attribute !== undefined) return `<${element.name}> may not have attributes; got ${attribute}.`;
  const content = node[element.name] as OrderedNode[];
  if (content.some((child) => !(TEXT in child) && !nameOf(child).startsWith('?'))) {
    return `<${element.name}> must hold a value, not elements.`;
  }
  const text = content.map((child) => child[TEXT] ?? '').join('');
  const check = VALUE_CHECKS[element.type];
  return check.valid(text) ? undefined : `<${element.name}> must be ${check.expected}; got "${text}".`;
}

/** The parameters as an error message lists them: `<a>, <b> or <c>, <d>`. */
const list = (schema: SimInfoSchema) =>
  schema
    .map((particle) =>
      'choice' in particle ? particle.choice.map(({ name }) => `<${name}>`).join(' or ') : `<${particle.name}>`,
    )
    .join(', ');

/**
 * Why `body`, a request `<info>` to `method` already known to be well-formed and in the method's namespace, breaks
 * `schema`; undefined when it follows it.
 */
export function infoSchemaViolation(method: string, schema: SimInfoSchema, body: string): string | undefined {
  const root = (parser.parse(body) as OrderedNode[]).find((node) => !nameOf(node).startsWith('?'))!;
  const [rootAttribute] = declaredAttributes(root);
  if (rootAttribute !== undefined) return `The ${method} <info> may not have attributes; got ${rootAttribute}.`;

  const children: OrderedNode[] = [];
  for (const node of root[nameOf(root)] as OrderedNode[]) {
    const text = node[TEXT];
    if (typeof text === 'string') {
      if (!XML_SPACE.test(text)) return `The ${method} <info> holds only elements; got the text "${text.trim()}".`;
    } else if (!nameOf(node).startsWith('?')) children.push(node); // processing instructions are not content
  }

  // Each element takes the run of children named like it, as xs:sequence does; a choice, the run of the one of
  // its elements that comes first.
  let next = 0;
  const upcoming = () => (next < children.length ? nameOf(children[next]!) : undefined);
  for (const particle of schema) {
    const alternatives = 'choice' in particle ? particle.choice : [particle];
    const element = alternatives.find(({ name }) => name === upcoming()) ?? alternatives[0]!;
    let count = 0;
    for (; upcoming() === element.name; next++, count++) {
      const problem = valueProblem(element, children[next]!);
      if (problem) return problem;
    }
    if ('choice' in particle) {
      if (count === 0) return `The ${method} <info> needs one of ${list([particle])}.`;
      if (alternatives.some(({ name }) => name === upcoming())) {
        return `The ${method} <info> takes ${list([particle])}, not both.`;
      }
    }
    if (count < element.min) return `The ${method} <info> needs at least ${element.min} <${element.name}>.`;
    if (count > element.max) {
      return `The ${method} <info> has ${count} <${element.name}>, more than the ${element.max} allowed.`;
    }
  }
  const extra = children[next];
  if (extra === undefined) return undefined;
  const name = nameOf(extra);
  return parameterNames(schema).includes(name)
    ? `<${name}> is out of order: the ${method} <info> takes ${list(schema)}, in that order.`
    : `<${name}> is not a parameter of ${method}; it takes ${list(schema) || 'none'}.`;
}
