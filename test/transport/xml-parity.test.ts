import { expect } from '@open-wc/testing';
import { HvError } from '../../src/core/errors.js';
import type { XmlNode } from '../../src/core/platform/xml-node.js';
import { parseXmlWithDom } from '../../src/transport/dom-xml.js';
import { parseXmlWithoutDom } from '../../src/transport/xml-reader.js';
import { NOT_WELL_FORMED, PARITY_CASES, WELL_FORMED } from './xml-documents.js';

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
  for (const [label, text, expected] of TABLE) {
    it(`both ${expected === 'read' ? 'read' : 'refuse'} ${label}, alike`, () => {
      const dom = outcome(parseXmlWithDom, text);
      expect(dom === 'refused' ? 'refused' : 'read', 'DOMParser').to.equal(expected);
      expect(outcome(parseXmlWithoutDom, text)).to.deep.equal(dom);
    });
  }

  it('agree on every document one edit away from the well-formed ones', function () {
    this.timeout(30_000);
    const insertions = ['<', '>', '&', ';', '#', ':', '"', "'", '=', ' ', '-', '?', '!', '[', ']', '/', '\u00A0', '\0'];
    const differences: string[] = [];
    for (const text of new Set(WELL_FORMED.slice(1, 4).flatMap((base) => oneEditAway(base, insertions)))) {
      const dom = JSON.stringify(outcome(parseXmlWithDom, text));
      const node = JSON.stringify(outcome(parseXmlWithoutDom, text));
      if (dom !== node) differences.push(`${JSON.stringify(text)}\n  DOMParser: ${dom}\n  Node: ${node}`);
    }
    expect(differences.slice(0, 5).join('\n'), `${differences.length} differences`).to.equal('');
  });
});
