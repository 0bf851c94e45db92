import { requestNamespace } from './methods.js';

declare const serialized: unique symbol;

/**
 * A well-formed XML element produced by `xmlElement`. The brand keeps plain strings (which could carry markup
 * from user input) from being spliced into a document as children.
 */
export type XmlFragment = string & { readonly [serialized]: true };

/** `value` as element content: `&`, `<` and `>` escaped. */
export function escapeXmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `value` as a double-quoted attribute value; tabs and line breaks as character references so they survive. */
export function escapeXmlAttribute(value: string): string {
  return escapeXmlText(value)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

function attributeList(attributes: Readonly<Record<string, string>>): string {
  return Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(value)}"`)
    .join('');
}

/**
 * `<name attributes>content</name>`: a string `content` is escaped text, an array is child elements.
 * Element and attribute names are the kit's own constants, never input, so they are written as they are.
 */
export function xmlElement(
  name: string,
  content: string | readonly XmlFragment[] = [],
  attributes: Readonly<Record<string, string>> = {},
): XmlFragment {
  const inner = typeof content === 'string' ? escapeXmlText(content) : content.join('');
  const open = `${name}${attributeList(attributes)}`;
  return (inner === '' ? `<${open}/>` : `<${open}>${inner}</${name}>`) as XmlFragment;
}

/**
 * The `<info>` of a request for `method`, in the method's namespace. The method schemas leave
 * `elementFormDefault` unqualified, so only the root is in that namespace and the parameters are not: the root
 * takes a prefix (`wc:`) rather than a default namespace, which would wrongly pull the children into it.
 * This is the document the proxy receives; it re-roots it as the `<info>` of the signed platform request.
 */
export function infoXml(method: string, children: readonly XmlFragment[] = []): string {
  return xmlElement('wc:info', children, { 'xmlns:wc': requestNamespace(method) });
}
