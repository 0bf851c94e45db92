import { HvError } from '../core/errors.js';
import type { XmlNode } from '../core/platform/xml-node.js';
import { refuseBeforeParsing, refuseOutsizedElement } from './xml-guards.js';

// What XML 1.0 (fifth edition) and Namespaces in XML allow, as browsers' DOMParser (libxml2) checks it. No pattern
// repeats a group (groups are at most optional), so none backtracks more than linearly, and the reader's time
// grows linearly with the text.
const NAME_START = ':A-Z_a-z\\xC0-\\xD6\\xD8-\\xF6\\xF8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D';
const NAME_START_MORE =
  '\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
// Combining marks lead their class, where ESLint cannot take them for part of a combined character.
const NAME_MORE = '\\u0300-\\u036F\\-.0-9\\xB7\\u203F\\u2040';
const NAME = new RegExp(`[${NAME_START}${NAME_START_MORE}][${NAME_MORE}${NAME_START}${NAME_START_MORE}]*`, 'uy');
const NAME_START_CHARACTER = new RegExp(`[${NAME_START}${NAME_START_MORE}]`, 'uy');
const SPACES = /[ \t\n]*/y;
const NOT_A_CHARACTER = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const XML_DECLARATION = new RegExp(
  '<\\?xml[ \\t\\n]+version[ \\t\\n]*=[ \\t\\n]*(["\'])1\\.[0-9]*\\1' +
    '(?:[ \\t\\n]+encoding[ \\t\\n]*=[ \\t\\n]*(["\'])[A-Za-z][\\w.-]*\\2)?' +
    '(?:[ \\t\\n]+standalone[ \\t\\n]*=[ \\t\\n]*(["\'])(?:yes|no)\\3)?[ \\t\\n]*\\?>',
  'y',
);
// Namespace names are URI references (RFC 3986), each part told by the characters it may hold, as libxml2 checks
// them (its fragments may also hold `[` and `]`); `%` is checked apart, by PERCENT_NOT_ENCODING.
const URI_CHAR = "\\w\\-.~!$&'()*+,;=%";
const AUTHORITY = `(?:[${URI_CHAR}:]*@)?(?:\\[[^\\]]*\\]|[${URI_CHAR}]*)(?::[0-9]+)?`;
const PATH = `[${URI_CHAR}:@/]*`;
const URI_REFERENCE = new RegExp(
  `^(?:[A-Za-z][A-Za-z0-9+.-]*:(?://${AUTHORITY}(?:/${PATH})?|(?!//)${PATH})` +
    `|//${AUTHORITY}(?:/${PATH})?|(?!//)[${URI_CHAR}@]*(?:/${PATH})?)` +
    `(?:\\?[${URI_CHAR}:@/?]*)?(?:#[${URI_CHAR}:@/?[\\]]*)?$`,
);
const PERCENT_NOT_ENCODING = /%(?![0-9A-Fa-f]{2})/;

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';
const PREDEFINED_ENTITIES = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

function isXmlCharacter(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

const isNamespaceDeclaration = (name: string) => name === 'xmlns' || name.startsWith('xmlns:');

/** Reads one document, front to back, refusing at the first thing DOMParser would refuse. */
class XmlReader {
  private readonly text: string;
  private at = 0;
  /** The namespace each prefix is bound to, innermost declaration last. */
  private readonly namespaces = new Map<string, string[]>([['xml', [XML_NAMESPACE]]]);

  constructor(text: string) {
    // XML processors turn every line ending into \n before anything else.
    this.text = text.replace(/\r\n?/g, '\n');
  }

  document(): XmlNode {
    const badCharacter = NOT_A_CHARACTER.exec(this.text);
    if (badCharacter) {
      this.at = badCharacter.index;
      this.fail(`U+${badCharacter[0].codePointAt(0)!.toString(16).toUpperCase()} is not a character XML allows`);
    }
    if (this.text.startsWith('\uFEFF')) this.at = 1;
    if (/^<\?xml[ \t\n]/.test(this.text.slice(this.at, this.at + 6))) {
      this.match(XML_DECLARATION, 'a well-formed XML declaration');
    }
    this.misc();
    if (!this.lookingAt('<')) this.fail('expected the root element');
    const root = this.element(1);
    this.misc();
    if (this.at < this.text.length) this.fail('there is content after the root element');
    return root;
  }

  private fail(problem: string): never {
    const before = this.text.slice(0, this.at).split('\n');
    const where = `line ${before.length}, column ${before.at(-1)!.length + 1}`;
    throw new HvError('malformed-response', `The text is not well-formed XML: ${where}: ${problem}.`);
  }

  private lookingAt(markup: string): boolean {
    return this.text.startsWith(markup, this.at);
  }

  private match(pattern: RegExp, expected: string): string {
    pattern.lastIndex = this.at;
    const found = pattern.exec(this.text);
    if (!found) this.fail(`expected ${expected}`);
    this.at = pattern.lastIndex;
    return found[0];
  }

  private spaces(): boolean {
    return this.match(SPACES, 'spaces') !== '';
  }

  private expect(markup: string): void {
    if (!this.lookingAt(markup)) this.fail(`expected "${markup}"`);
    this.at += markup.length;
  }

  /** Comments, processing instructions and spaces, as around the root element. */
  private misc(): void {
    for (;;) {
      this.spaces();
      if (this.lookingAt('<!--')) this.comment();
      else if (this.lookingAt('<?')) this.processingInstruction();
      else return;
    }
  }

  private comment(): void {
    const end = this.text.indexOf('--', this.at + 4);
    if (end < 0 || this.text[end + 2] !== '>') this.fail('a comment is not closed, or has "--" inside');
    this.at = end + 3;
  }

  private processingInstruction(): void {
    this.at += 2;
    const target = this.match(NAME, 'a processing instruction target');
    if (target.toLowerCase() === 'xml') this.fail('an XML declaration may only start the document');
    if (target.includes(':')) this.fail(`the processing instruction target "${target}" has a colon`);
    const end = this.text.indexOf('?>', this.at);
    if (end < 0) this.fail('a processing instruction is not closed');
    if (end > this.at && !this.spaces()) this.fail('expected a space after the processing instruction target');
    this.at = end + 2;
  }

  private element(depth: number): XmlNode {
    this.at += 1;
    const tag = this.match(NAME, 'an element name');
    const attributes = this.attributes(depth);
    const boundPrefixes = this.declareNamespaces(attributes);
    const { local } = this.resolve(tag);
    this.checkAttributeNamespaces(attributes);
    const { children, text } = this.content(tag, depth);
    for (const prefix of boundPrefixes) this.namespaces.get(prefix)!.pop();
    const data = attributes.filter(([name]) => !isNamespaceDeclaration(name));
    return { name: local, attributes: Object.fromEntries(data), children, text };
  }

  /** The attributes of a start tag, up to its `>` or `/>`. */
  private attributes(depth: number): [string, string][] {
    const attributes: [string, string][] = [];
    const names = new Set<string>();
    for (;;) {
      refuseOutsizedElement(depth, attributes.length);
      const spaced = this.spaces();
      if (this.lookingAt('>') || this.lookingAt('/>')) return attributes;
      if (!spaced) this.fail('expected a space, ">" or "/>"');
      const name = this.match(NAME, 'an attribute name');
      if (names.has(name)) this.fail(`the attribute "${name}" appears twice`);
      names.add(name);
      this.spaces();
      this.expect('=');
      this.spaces();
      attributes.push([name, this.attributeValue()]);
    }
  }

  /** What follows the attributes: `/>`, or `>`, the content and the end tag. */
  private content(tag: string, depth: number): Pick<XmlNode, 'children' | 'text'> {
    if (this.lookingAt('/>')) {
      this.at += 2;
      return { children: [], text: '' };
    }
    this.expect('>');
    const children: XmlNode[] = [];
    let text = '';
    for (;;) {
      const markup = this.text.indexOf('<', this.at);
      if (markup < 0) this.fail(`the element "${tag}" is not closed`);
      text += this.characterData(markup);
      if (this.lookingAt('</')) break;
      if (this.lookingAt('<!--')) this.comment();
      else if (this.lookingAt('<![CDATA[')) text += this.cdata();
      else if (this.lookingAt('<?')) this.processingInstruction();
      else if (this.lookingAt('<!')) this.fail('expected an element, a comment or a CDATA section');
      else children.push(this.element(depth + 1));
    }
    this.expect('</');
    const endTag = this.match(NAME, 'an end tag name');
    if (endTag !== tag) this.fail(`the end tag "${endTag}" does not match "${tag}"`);
    this.spaces();
    this.expect('>');
    return { children, text };
  }

  private attributeValue(): string {
    const quote = this.text.charAt(this.at);
    if (quote !== '"' && quote !== "'") this.fail('expected a quoted attribute value');
    const end = this.text.indexOf(quote, this.at + 1);
    if (end < 0) this.fail('an attribute value is not closed');
    const raw = this.text.slice(this.at + 1, end);
    if (raw.includes('<')) this.fail('an attribute value has a "<"');
    // As a DOM does: literal whitespace becomes a space, character references stay what they are.
    const value = this.decodeReferences(raw.replace(/[\t\n]/g, ' '));
    this.at = end + 1;
    return value;
  }

  /** The text from here to `end`, with its references decoded. */
  private characterData(end: number): string {
    const raw = this.text.slice(this.at, end);
    if (raw.includes(']]>')) this.fail('"]]>" outside a CDATA section');
    const text = this.decodeReferences(raw);
    this.at = end;
    return text;
  }

  private cdata(): string {
    const start = this.at + '<![CDATA['.length;
    const end = this.text.indexOf(']]>', start);
    if (end < 0) this.fail('a CDATA section is not closed');
    this.at = end + 3;
    return this.text.slice(start, end);
  }

  /**
   * `raw` with its character references and predefined entities decoded, in a loop: `replace` with a callback
   * would first collect every match.
   */
  private decodeReferences(raw: string): string {
    let decoded = '';
    let from = 0;
    for (let ampersand = raw.indexOf('&'); ampersand >= 0; ampersand = raw.indexOf('&', from)) {
      const semicolon = raw.indexOf(';', ampersand);
      const body = semicolon < 0 ? '' : raw.slice(ampersand + 1, semicolon);
      const code = /^#x[0-9a-fA-F]+$/.test(body)
        ? parseInt(body.slice(2), 16)
        : /^#[0-9]+$/.test(body)
          ? parseInt(body.slice(1), 10)
          : undefined;
      const value =
        code === undefined
          ? PREDEFINED_ENTITIES.get(body)
          : isXmlCharacter(code)
            ? String.fromCodePoint(code)
            : undefined;
      if (value === undefined) this.fail(`an "&" starts no reference to an XML character ("&${body.slice(0, 16)}")`);
      decoded += raw.slice(from, ampersand) + value;
      from = semicolon + 1;
    }
    return decoded + raw.slice(from);
  }

  /** Checks and binds the namespace declarations among `attributes`; returns the prefixes bound. */
  private declareNamespaces(attributes: [string, string][]): string[] {
    const boundPrefixes: string[] = [];
    for (const [attribute, uri] of attributes) {
      if (attribute === 'xmlns') this.checkDefaultNamespace(uri);
      else if (attribute.startsWith('xmlns:')) boundPrefixes.push(this.bind(attribute, uri));
    }
    return boundPrefixes;
  }

  /** Each prefixed attribute's prefix must be bound, and no two may share a namespace and a local name. */
  private checkAttributeNamespaces(attributes: [string, string][]): void {
    const expandedNames = new Set<string>();
    for (const [attribute] of attributes) {
      if (isNamespaceDeclaration(attribute) || !attribute.includes(':')) continue;
      const { namespace, local } = this.resolve(attribute);
      if (expandedNames.has(`${namespace} ${local}`)) {
        this.fail(`the attribute "${local}" of ${namespace} appears twice`);
      }
      expandedNames.add(`${namespace} ${local}`);
    }
  }

  private checkDefaultNamespace(uri: string): void {
    if (uri === XML_NAMESPACE || uri === XMLNS_NAMESPACE) this.fail(`${uri} cannot be the default namespace`);
    if (uri !== '') this.checkNamespaceName(uri);
  }

  /** Binds the prefix that a namespace declaration (`xmlns:p="…"`) declares, and returns it. */
  private bind(attribute: string, uri: string): string {
    if (!this.isQualifiedName(attribute)) this.fail(`"${attribute}" is not a qualified name`);
    const prefix = attribute.slice('xmlns:'.length);
    // `xml` is bound to its namespace from the start, and only to it; `xmlns` is never bound.
    if ((prefix === 'xml') !== (uri === XML_NAMESPACE) || prefix === 'xmlns' || uri === XMLNS_NAMESPACE) {
      this.fail(`the prefix "${prefix}" cannot be bound to "${uri}"`);
    }
    if (uri === '') this.fail(`the prefix "${prefix}" is bound to no namespace`);
    this.checkNamespaceName(uri);
    const bindings = this.namespaces.get(prefix);
    if (bindings) bindings.push(uri);
    else this.namespaces.set(prefix, [uri]);
    return prefix;
  }

  private checkNamespaceName(uri: string): void {
    if (!URI_REFERENCE.test(uri) || PERCENT_NOT_ENCODING.test(uri)) this.fail(`"${uri}" is not a URI`);
  }

  /** Whether a name is a prefix and a local name, each starting as a name starts, or a name without a colon. */
  private isQualifiedName(name: string): boolean {
    const colon = name.indexOf(':');
    if (colon < 0) return true;
    NAME_START_CHARACTER.lastIndex = colon + 1;
    return colon > 0 && !name.includes(':', colon + 1) && NAME_START_CHARACTER.test(name);
  }

  /** The namespace and local name of a qualified element or attribute name. */
  private resolve(qualifiedName: string): { namespace?: string; local: string } {
    if (!this.isQualifiedName(qualifiedName)) this.fail(`"${qualifiedName}" is not a qualified name`);
    const colon = qualifiedName.indexOf(':');
    if (colon < 0) return { local: qualifiedName };
    const prefix = qualifiedName.slice(0, colon);
    const namespace = this.namespaces.get(prefix)?.at(-1);
    if (namespace === undefined) this.fail(`the namespace prefix "${prefix}" is not declared`);
    return { namespace, local: qualifiedName.slice(colon + 1) };
  }
}

/**
 * Parses `text` into the same `XmlNode` tree as the browser's DOMParser gives, for Node callers, where there is
 * no DOMParser: it accepts and refuses the same documents. Text that is not well-formed XML (namespaces
 * included), carries a DOCTYPE or is over the limits of `xml-guards.ts` is an `HvError` of code
 * `malformed-response`. (Not fast-xml-parser: it accepts documents DOMParser refuses, which test/transport/
 * xml-parity.test.ts shows, so the two sides would not read the same answers.)
 */
export function parseXmlWithoutDom(text: string): XmlNode {
  refuseBeforeParsing(text);
  return new XmlReader(text).document();
}
