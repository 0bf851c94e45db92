import { HvError } from '../core/errors.js';

/** The longest text either XML parser reads, in characters (UTF-16 code units); responses are a few kilobytes. */
export const MAX_XML_LENGTH = 4 * 1024 * 1024;
/** The deepest element nesting either parser reads (libxml2's default); the tree is built recursively. */
export const MAX_XML_DEPTH = 256;
/** The most attributes one element may have: a DOM hands attributes out in quadratic time. */
export const MAX_XML_ATTRIBUTES = 256;
/** The most comments and processing instructions a text may hold: a DOM adds those beside the root in quadratic time. */
export const MAX_XML_COMMENTS_AND_PIS = 1000;

function overLimit(what: string): HvError {
  return new HvError('malformed-response', `The XML ${what}, over the kit's limit.`);
}

/**
 * Refuses, before a parser sees it, text over the limits above and text with a DOCTYPE (never part of a platform
 * response, and the way entity expansion gets in). Linear passes: one counts what starts a comment or a processing
 * instruction (inside CDATA too), one skips what may precede a DOCTYPE: a byte order mark, whitespace, the XML
 * declaration, processing instructions and comments.
 */
export function refuseBeforeParsing(text: string): void {
  if (text.length > MAX_XML_LENGTH) {
    throw new HvError(
      'malformed-response',
      `The XML is ${text.length} characters long, over the limit of ${MAX_XML_LENGTH}.`,
    );
  }
  const commentOrPi = /<\?|<!--/g;
  for (let count = 0; commentOrPi.exec(text); count++) {
    if (count === MAX_XML_COMMENTS_AND_PIS) {
      throw overLimit(`has more than ${MAX_XML_COMMENTS_AND_PIS} comments and processing instructions`);
    }
  }
  let at = text.startsWith('\uFEFF') ? 1 : 0;
  for (;;) {
    while (at < text.length && ' \t\r\n'.includes(text.charAt(at))) at++;
    const [open, close] = text.startsWith('<?', at) ? ['<?', '?>'] : ['<!--', '-->'];
    const end = text.startsWith(open, at) ? text.indexOf(close, at + open.length) : -1;
    if (end < 0) break;
    at = end + close.length;
  }
  if (text.slice(at, at + 9).toUpperCase() === '<!DOCTYPE') {
    throw new HvError('malformed-response', 'The XML has a DOCTYPE, which no HealthVault response has.');
  }
}

/** Refuses an element nested deeper, or with more attributes, than the limits above. */
export function refuseOutsizedElement(depth: number, attributeCount: number): void {
  if (depth > MAX_XML_DEPTH) throw overLimit(`nests elements more than ${MAX_XML_DEPTH} deep`);
  if (attributeCount > MAX_XML_ATTRIBUTES) throw overLimit(`has an element with over ${MAX_XML_ATTRIBUTES} attributes`);
}
