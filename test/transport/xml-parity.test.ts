import { expect } from '@open-wc/testing';
import { HvError } from '../../src/core/errors.js';
import type { XmlNode } from '../../src/core/platform/xml-node.js';
import { parseXmlWithDom } from '../../src/transport/dom-xml.js';
import { parseXmlWithoutDom } from '../../src/transport/xml-reader.js';
import { engine, type Engine } from '../helpers/engine.js';
import { NOT_WELL_FORMED, PARITY_CASES, WELL_FORMED, type Outcome } from './xml-documents.js';

type Parse = (text: string) => XmlNode;

/** The tree, or 'refused' for a malformed-response error; any other failure fails the test. */
function outcome(parse: Parse, text: string): XmlNode | 'refused' {
  try {
    return parse(text);
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(HvError);
    expect((error as HvError).code).to.equal('malformed-response');
    return 'refused';
  }
}

/**
 * Documents Gecko's or WebKit's DOMParser decides otherwise than Chromium's, which the Node reader follows (README's
 * browser support table). None can come from a proxy: an answer is decoded from UTF-8 (no byte order mark or lone
 * surrogate survives that), and the platform declares encoding="utf-8", version="1.0", plain URN namespace names
 * and ASCII names.
 */
const ENGINE_OUTCOMES: Record<Engine, Readonly<Record<string, Outcome>>> = {
  chromium: {},
  gecko: {
    '<a>\uD800</a>': 'read',
    '<a xmlns:p="urn:a b"/>': 'read',
    '<a xmlns="urn:%zz"/>': 'read',
    '<a xmlns:p="http://example.com:/"/>': 'read',
    '<\u{10000}/>': 'refused',
    '<?xml version="1."?><a/>': 'refused',
  },
  webkit: {
    '\uFEFF<?xml version="1.0"?><a/>': 'refused',
    '<a>\uD800</a>': 'read',
    '<?xml version="1.0" encoding="utf-8"?><!--> c --><a/>': 'refused',
  },
};

/** Why the Node reader refuses `text` (its message), or '' when it reads it. */
function refusalByNode(text: string): string {
  try {
    parseXmlWithoutDom(text);
    return '';
  } catch (error) {
    return String(error);
  }
}
function knownEncoding(text: string): boolean {
  const label = /^<\?xml[^>]* encoding="([^"]*)"/.exec(text)?.[1];
  try {
    return label === undefined || Boolean(new TextDecoder(label));
  } catch {
    return false;
  }
}

/** Whether a difference in the one-edit test is of a kind ENGINE_OUTCOMES pins for this engine. */
const OF_A_PINNED_KIND: Record<Engine, (text: string, dom: Outcome) => boolean> = {
  chromium: () => false,
  // Gecko does not check namespace names as URIs, and refuses version="1." (as XML 1.0 says; libxml2 reads it).
  gecko: (text, dom) =>
    dom === 'read' ? refusalByNode(text).includes('is not a URI') : text.includes('<?xml version="1."'),
  // WebKit refuses an encoding it does not know, and after an encoding declaration a comment that starts with ">".
  webkit: (text, dom) => dom === 'refused' && (!knownEncoding(text) || text.includes('<!-->')),
};

const TABLE: readonly (readonly [string, string, 'read' | 'refused'])[] = [
  ...WELL_FORMED.map((text, index) => [`well-formed document ${index + 1}`, text, 'read'] as const),
  ...NOT_WELL_FORMED.map(([label, text]) => [label, text, 'refused'] as const),
  ...PARITY_CASES,
];

/** Every document one edit away from `text`: a character taken out, or one of `insertions` put in, anywhere. */
function oneEditAway(text: string, insertions: readonly string[]): string[] {
  const edits: string[] = [];
  for (let at = 0; at <= text.length; at++) {
    edits.push(text.slice(0, at) + text.slice(at + 1));
    for (const insertion of insertions) edits.push(text.slice(0, at) + insertion + text.slice(at));
  }
  return edits;
}

describe('parseXmlWithDom and parseXmlWithoutDom', () => {
  const verb = (outcome: Outcome) => (outcome === 'read' ? 'reads' : 'refuses');
  for (const [label, text, expected] of TABLE) {
    const here = ENGINE_OUTCOMES[engine][text];
    const title = here
      ? `Node ${verb(expected)} ${label} as Chromium does; ${engine}'s DOMParser ${verb(here)} it`
      : `both ${expected === 'read' ? 'read' : 'refuse'} ${label}, alike`;
    it(title, () => {
      const dom = outcome(parseXmlWithDom, text);
      expect(dom === 'refused' ? 'refused' : 'read', 'DOMParser').to.equal(here ?? expected);
      const node = outcome(parseXmlWithoutDom, text);
      if (here) expect(node === 'refused' ? 'refused' : 'read', 'Node').to.equal(expected);
      else expect(node).to.deep.equal(dom);
    });
  }

  it('agree on every document one edit away from the well-formed ones', function () {
    this.timeout(30_000);
    const insertions = ['<', '>', '&', ';', '#', ':', '"', "'", '=', ' ', '-', '?', '!', '[', ']', '/', '\u00A0', '\0'];
    const differences: string[] = [];
    for (const text of new Set(WELL_FORMED.slice(1, 4).flatMap((base) => oneEditAway(base, insertions)))) {
      const dom = JSON.stringify(outcome(parseXmlWithDom, text));
      const node = JSON.stringify(outcome(parseXmlWithoutDom, text));
      if (dom !== node && !OF_A_PINNED_KIND[engine](text, dom === '"refused"' ? 'refused' : 'read'))
        differences.push(`${JSON.stringify(text)}\n  DOMParser: ${dom}\n  Node: ${node}`);
    }
    expect(differences.slice(0, 5).join('\n'), `${differences.length} differences`).to.equal('');
  });
});
