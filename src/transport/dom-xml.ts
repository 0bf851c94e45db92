import { HvError } from '../core/errors.js';
import type { XmlNode } from '../core/platform/xml-node.js';

function toXmlNode(element: Element): XmlNode {
  const attributes: Record<string, string> = {};
  for (const attribute of Array.from(element.attributes)) {
    // Namespace declarations are syntax, not data; the decoders match on local names.
    if (attribute.name !== 'xmlns' && !attribute.name.startsWith('xmlns:'))
      attributes[attribute.name] = attribute.value;
  }
  let text = '';
  for (const node of Array.from(element.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.CDATA_SECTION_NODE)
      text += (node as CharacterData).data;
  }
  return { name: element.localName, attributes, children: Array.from(element.children).map(toXmlNode), text };
}

/**
 * Parses `text` with the browser's DOMParser into the decoders' `XmlNode` tree. Text that is not well-formed
 * XML, or that carries a DOCTYPE (never part of a platform response, and the way entity tricks get in), is an
 * `HvError` of code `malformed-response`.
 */
export function parseXmlWithDom(text: string): XmlNode {
  const document = new DOMParser().parseFromString(text, 'application/xml');
  const error = document.getElementsByTagName('parsererror')[0];
  if (error) {
    const detail = (error.querySelector('div') ?? error).textContent?.trim();
    throw new HvError('malformed-response', `The text is not well-formed XML${detail ? `: ${detail}` : ''}.`);
  }
  if (document.doctype)
    throw new HvError('malformed-response', 'The XML has a DOCTYPE, which no HealthVault response has.');
  return toXmlNode(document.documentElement);
}
