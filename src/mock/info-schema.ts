import { XMLParser } from 'fast-xml-parser';
import { isGuid } from './ids.js';

/**
 * The request `<info>` of each simulated method as its official schema (`method-*.xsd`) declares it: a sequence of
 * unqualified elements of simple types. The platform answers any other `<info>` with INVALID_XML, and so does the
 * simulator. A small declarative checker instead of a schema validator, because the simulator also runs in the
 * browser; test/mock/info-schema.test.ts holds it to the official schemas.
 */

/** The XSD simple types the simulated methods take (`boolean`, `wc-types:guid`). */
export type SimParameterType = 'boolean' | 'guid';

/** One `<element>` of the `<sequence>` in a method's `<info>`. */
export interface SimInfoElement {
  name: string;
  type: SimParameterType;
  /** `minOccurs`. */
  min: number;
  /** `maxOccurs`; `Infinity` for `unbounded`. */
  max: number;
}

/** The children of a method's `<info>`, in the order the schema requires them. */
export type SimInfoSchema = readonly SimInfoElement[];

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

const VALUE_CHECKS: Readonly<Record<SimParameterType, { valid(text: string): boolean; expected: string }>> = {
  // xs:boolean collapses whitespace; its lexical space is exactly these four.
  boolean: {
    valid: (text) => ['true', 'false', '1', '0'].includes(trimXmlSpace(text)),
    expected: 'true, false, 1 or 0',
  },
  // wc-types:guid restricts xs:string by a pattern, so surrounding whitespace makes it invalid.
  guid: { valid: isGuid, expected: 'a GUID' },
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

const list = (schema: SimInfoSchema) => schema.map((element) => `<${element.name}>`).join(', ');

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

  // Each element takes the run of children named like it, as xs:sequence does.
  let next = 0;
  for (const element of schema) {
    let count = 0;
    for (; next < children.length && nameOf(children[next]!) === element.name; next++, count++) {
      const problem = valueProblem(element, children[next]!);
      if (problem) return problem;
    }
    if (count < element.min) return `The ${method} <info> needs at least ${element.min} <${element.name}>.`;
    if (count > element.max) {
      return `The ${method} <info> has ${count} <${element.name}>, more than the ${element.max} allowed.`;
    }
  }
  const extra = children[next];
  if (extra === undefined) return undefined;
  const name = nameOf(extra);
  return schema.some((element) => element.name === name)
    ? `<${name}> is out of order: the ${method} <info> takes ${list(schema)}, in that order.`
    : `<${name}> is not a parameter of ${method}; it takes ${list(schema) || 'none'}.`;
}
