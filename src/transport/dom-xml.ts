import { HvError } from '../core/errors.js';
import type { XmlNode } from '../core/platform/xml-node.js';
import { refuseBeforeParsing, refuseOutsizedElement } from './xml-guards.js';

const POLICY_NAME = 'hv-elements-xml';

/** The part of the Trusted Types API used here, which TypeScript's DOM types lack (TrustedHTML typed as string). */
interface XmlPolicy {
  createHTML(text: string): string;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: XmlPolicy): XmlPolicy;
}

let policy: XmlPolicy | undefined;

/**
 * Under `require-trusted-types-for 'script'`, DOMParser takes only TrustedHTML. The policy passes the text on as
 * it is: the document it parses to is inert XML that is read, never put into the page.
 */
function parseXmlDocument(text: string): Document {
  try {
    policy ??= (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes?.createPolicy(POLICY_NAME, {
      createHTML: (xml) => xml,
    });
    return new DOMParser().parseFromString(policy ? policy.createHTML(text) : text, 'application/xml');
  } catch (error) {
    throw new HvError(
      'invalid-config',
      `Trusted Types kept the kit from parsing XML: add \`trusted-types ${POLICY_NAME}\` to the page's ` +
        `Content-Security-Policy (next to the policies it already allows, with 'allow-duplicates' when two copies ` +
        `of the kit run on the page).`,
      { cause: error },
    );
  }
}

const NO_NAMES: readonly string[] = [];
const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});
const NO_CHILDREN: readonly XmlNode[] = Object.freeze([]);

/**
 * The element and its descendants as XmlNodes, each element checked against the limits. A list of 10,000 requests
 * has some 50,000 elements and as many text nodes, and every DOM call counts. Most elements have no attributes,
 * which `hasAttributes` says without making a list (getAttributeNames and getAttribute then make no Attr nodes).
 * Most have no child elements either: their text is then exactly their `textContent`, one call for all of it.
 */
function toXmlNode(element: Element, depth: number): XmlNode {
  const names = element.hasAttributes() ? element.getAttributeNames() : NO_NAMES;
  refuseOutsizedElement(depth, names.length);
  let attributes = NO_ATTRIBUTES;
  if (names.length) {
    const entries: [string, string][] = [];
    for (const name of names) {
      // Namespace declarations are syntax, not data; the decoders match on local names.
      if (name !== 'xmlns' && !name.startsWith('xmlns:')) entries.push([name, element.getAttribute(name)!]);
    }
    // fromEntries keeps an attribute named __proto__ an attribute.
    if (entries.length) attributes = Object.fromEntries(entries);
  }
  const name = element.localName;
  if (!element.firstElementChild) return { name, attributes, children: NO_CHILDREN, text: element.textContent };
  let text = '';
  const children: XmlNode[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === Node.ELEMENT_NODE) children.push(toXmlNode(node as Element, depth + 1));
    else if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.CDATA_SECTION_NODE) {
      text += (node as CharacterData).data;
    }
  }
  return { name, attributes, children, text };
}

/**
 * Parses `text` with the browser's DOMParser into the decoders' `XmlNode` tree. Text that is not well-formed
 * XML, carries a DOCTYPE or is over the limits of `xml-guards.ts` is an `HvError` of code `malformed-response`;
 * a page whose Trusted Types settings refuse the kit's XML policy gets one of code `invalid-config`.
 */
export function parseXmlWithDom(text: string): XmlNode {
  refuseBeforeParsing(text);
  const document = parseXmlDocument(text);
  const error = document.getElementsByTagName('parsererror')[0];
  if (error) {
    // Chromium and WebKit put the parser's words in a div; Gecko puts them first, then the page's address and the
    // offending line, which could hold a person's data: only the words and the position are kept.
    const detail = (error.querySelector('div') ?? error.firstChild)?.textContent?.replace(/\nLocation:.*/, '').trim();
    throw new HvError('malformed-response', `The text is not well-formed XML${detail ? `: ${detail}` : ''}.`);
  }
  return toXmlNode(document.documentElement, 1);
}
