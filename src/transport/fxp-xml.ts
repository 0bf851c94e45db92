import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { HvError } from '../core/errors.js';
import type { XmlNode } from '../core/platform/xml-node.js';

/** fast-xml-parser's `preserveOrder` output: one key per node (the tag, `#text` or `#cdata`), attributes in `:@`. */
type OrderedNode = { [key: string]: OrderedNode[] | string | Record<string, string> } & {
  ':@'?: Record<string, string>;
};

// Entities are decoded here rather than by the parser, which leaves character references (`&#65;`) encoded
// and passes unknown entities through; CDATA stays apart so that its content is never decoded.
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
});

const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function malformed(problem: string): HvError {
  return new HvError('malformed-response', `The text is not well-formed XML: ${problem}.`);
}

function decodeEntities(value: string): string {
  return value.replace(/&([^;&]*);?/g, (reference, body: string) => {
    const code = /^#x[0-9a-fA-F]+$/.test(body)
      ? parseInt(body.slice(2), 16)
      : /^#\d+$/.test(body)
        ? parseInt(body.slice(1), 10)
        : undefined;
    if (reference.endsWith(';')) {
      if (code !== undefined && code <= 0x10ffff) return String.fromCodePoint(code);
      const predefined = PREDEFINED_ENTITIES[body];
      if (predefined !== undefined) return predefined;
    }
    throw malformed(`"${reference}" is not an XML character or entity reference`);
  });
}

function tagOf(node: OrderedNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@' && key !== '#text' && key !== '#cdata');
}

function toXmlNode(node: OrderedNode, tag: string): XmlNode {
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(node[':@'] ?? {})) {
    // As a DOM does: literal whitespace in an attribute value becomes a space, character references stay.
    if (name !== 'xmlns' && !name.startsWith('xmlns:'))
      attributes[name] = decodeEntities(value.replace(/[\t\n]/g, ' '));
  }
  const children: XmlNode[] = [];
  let text = '';
  for (const item of node[tag] as OrderedNode[]) {
    const childTag = tagOf(item);
    if (childTag !== undefined) children.push(toXmlNode(item, childTag));
    else if ('#text' in item) text += decodeEntities(String(item['#text']));
    else if ('#cdata' in item) text += (item['#cdata'] as OrderedNode[]).map((part) => String(part['#text'])).join('');
  }
  return { name: tag.slice(tag.indexOf(':') + 1), attributes, children, text };
}

/**
 * Parses `text` with fast-xml-parser into the same `XmlNode` tree as the browser's DOMParser gives (for Node
 * callers, where there is no DOMParser). Text that is not well-formed XML, has no single root element, or
 * carries a DOCTYPE is an `HvError` of code `malformed-response`.
 */
export function parseXmlWithFastXmlParser(text: string): XmlNode {
  // XML processors turn every line ending into \n before anything else.
  const normalized = text.replace(/\r\n?/g, '\n');
  const validation = XMLValidator.validate(normalized);
  if (validation !== true) throw malformed(`line ${validation.err.line}: ${validation.err.msg}`);
  if (/^\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*)*<!DOCTYPE/i.test(normalized)) {
    throw new HvError('malformed-response', 'The XML has a DOCTYPE, which no HealthVault response has.');
  }
  const top = parser.parse(normalized) as OrderedNode[];
  if (top.some((node) => '#text' in node && String(node['#text']).trim() !== '')) {
    throw malformed('there is text outside the root element');
  }
  const roots = top.flatMap((node) => {
    const tag = tagOf(node);
    return tag === undefined ? [] : [{ node, tag }];
  });
  if (roots.length !== 1) throw malformed(`expected one root element, found ${roots.length}`);
  const [root] = roots;
  // The parser silently drops text after a self-closing root (`<a/>text`): past trailing comments, processing
  // instructions and whitespace, the document must end by closing its root.
  const end = normalized.replace(/(?:\s+|<!--(?:(?!-->)[\s\S])*-->|<\?(?:(?!\?>)[\s\S])*\?>)+$/, '');
  if (!end.endsWith('/>') && !new RegExp(`</${root.tag.replace(/[.]/g, '\\.')}\\s*>$`).test(end)) {
    throw malformed('there is text after the root element');
  }
  return toXmlNode(root.node, root.tag);
}
