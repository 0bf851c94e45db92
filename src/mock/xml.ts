import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { requestNamespace, responseNamespace } from '../core/platform/methods.js';

/**
 * The simulator's own XML reading and writing, with fast-xml-parser so it runs in Node and in the browser. It
 * shares no code with the kit's encoders and decoders on purpose: both sides are checked against the official
 * schemas, and two independent implementations catch each other's mistakes.
 */

/** An element for {@link XMLBuilder}: `@_name` keys are attributes, `#text` is text, other keys child elements. */
export type XmlObject = { [key: string]: string | XmlObject | XmlObject[] | string[] };

/** The child elements of a request's `<info>`: element name → the text of each occurrence, in order, untrimmed. */
export type RequestInfo = ReadonlyMap<string, readonly string[]>;

export type ParseResult = { ok: true; info: RequestInfo } | { ok: false; problem: string };

const ATTRIBUTE_PREFIX = '@_';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false, // whitespace is part of a string parameter (a Patient Connect answer is whitespace-sensitive)
  isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
});

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  textNodeName: '#text',
  suppressEmptyNode: false,
  suppressBooleanAttributes: false, // "true" would otherwise come out as a bare attribute name, which is not XML
});

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

type Parsed = Record<string, unknown>;

function attributesOf(element: Parsed): Record<string, string> {
  return Object.fromEntries(
    Object.entries(element)
      .filter(([key]) => key.startsWith(ATTRIBUTE_PREFIX))
      .map(([key, value]) => [key.slice(ATTRIBUTE_PREFIX.length), String(value)]),
  );
}

/**
 * Reads the `<info>` of a request to `method`: it must be well-formed XML whose root is `info` in the method's
 * request namespace, with unqualified children (as the method schemas declare them) that each hold only text and
 * are among `allowedChildren`. Anything else is the platform's INVALID_XML, described in `problem`.
 */
export function parseRequestInfo(method: string, body: string, allowedChildren: readonly string[]): ParseResult {
  const expectedNamespace = requestNamespace(method);
  if (/<!DOCTYPE/i.test(body))
    return { ok: false, problem: 'A document type declaration is not allowed in a request.' };
  const wellFormed = XMLValidator.validate(body);
  if (wellFormed !== true) {
    return {
      ok: false,
      problem: `The request is not well-formed XML: ${wellFormed.err.msg} (line ${wellFormed.err.line}).`,
    };
  }
  const document = parser.parse(body) as Parsed;
  const [rootName, rootValue] = Object.entries(document).find(([key]) => !key.startsWith('?')) ?? [];
  if (rootName === undefined) return { ok: false, problem: 'The request has no root element.' };
  const root = (rootValue as Parsed[])[0]!;
  const attributes = attributesOf(root);
  const [prefix, localName] = rootName.includes(':') ? rootName.split(':', 2) : [undefined, rootName];
  const namespace = prefix === undefined ? attributes['xmlns'] : attributes[`xmlns:${prefix}`];
  if (localName !== 'info' || namespace !== expectedNamespace) {
    return {
      ok: false,
      problem: `The request must be an <info> element in namespace ${expectedNamespace}; got <${rootName}> in ${namespace ?? 'no namespace'}.`,
    };
  }
  const info = new Map<string, string[]>();
  for (const [name, occurrences] of Object.entries(root)) {
    if (name.startsWith(ATTRIBUTE_PREFIX)) continue;
    if (name === '#text') {
      if (/^[ \t\r\n]*$/.test(String(occurrences))) continue; // whitespace between the parameters
      return { ok: false, problem: 'The <info> element may not contain text.' };
    }
    const qualified = name.includes(':') || (prefix === undefined && Boolean(attributes['xmlns']));
    if (qualified)
      return {
        ok: false,
        problem: `<${name}> must be unqualified (no namespace), as the ${method} schema declares it.`,
      };
    if (!allowedChildren.includes(name)) {
      return {
        ok: false,
        problem: `<${name}> is not a parameter of ${method}; expected ${allowedChildren.map((c) => `<${c}>`).join(', ') || 'no parameters'}.`,
      };
    }
    const texts: string[] = [];
    for (const occurrence of occurrences as unknown[]) {
      if (typeof occurrence === 'string') texts.push(occurrence);
      else if (Object.keys(occurrence as Parsed).every((key) => key === '#text'))
        texts.push(String((occurrence as Parsed)['#text'] ?? ''));
      else return { ok: false, problem: `<${name}> must contain text only.` };
    }
    info.set(name, texts);
  }
  return { ok: true, info };
}

/**
 * A successful response document: status 0 and the method's `<wc:info>`; none when `info` is absent, for a method
 * that has no response schema (reference §5.2).
 */
export function successResponse(method: string, info?: XmlObject): string {
  const status = { code: '0' };
  const response = info
    ? { status, 'wc:info': { [`${ATTRIBUTE_PREFIX}xmlns:wc`]: responseNamespace(method), ...info } }
    : { status };
  return XML_DECLARATION + builder.build({ response });
}

/** A failed response document: HTTP 200, a non-zero status code and a message, no `<wc:info>` (reference §5.2). */
export function errorResponse(code: number, message: string): string {
  return XML_DECLARATION + builder.build({ response: { status: { code: String(code), error: { message } } } });
}
