import { expect } from '@open-wc/testing';
import { HvError } from '../../src/core/errors.js';
import { parseXmlWithDom } from '../../src/transport/dom-xml.js';
import { parseXmlWithFastXmlParser } from '../../src/transport/fxp-xml.js';
import { NOT_WELL_FORMED, WELL_FORMED } from './xml-documents.js';

describe('parseXmlWithFastXmlParser', () => {
  WELL_FORMED.forEach((xml, index) => {
    it(`reads document ${index + 1} exactly as the browser's DOMParser does`, () => {
      expect(parseXmlWithFastXmlParser(xml)).to.deep.equal(parseXmlWithDom(xml));
    });
  });

  it('drops prefixes and namespace declarations, decodes references, keeps CDATA as it is', () => {
    const root = parseXmlWithFastXmlParser(WELL_FORMED[2]!);
    expect(root.attributes).to.deep.equal({ 'p:attr': '1', 'xml:lang': 'fr' });
    expect(root.children.map((c) => c.name)).to.deep.equal(['b', 'c']);
    expect(root.children[0]?.text).to.equal('x<not> &amp; markupy');
    expect(root.text).to.equal('tail');
    const person = parseXmlWithFastXmlParser(WELL_FORMED[1]!).children[1]?.children[0];
    expect(person?.children[1]?.text).to.equal("Zoë & 😀 <O'Brien>");
    expect(person?.children[2]?.attributes['rel-name']).to.equal('Self & "me"');
  });

  for (const [label, text] of NOT_WELL_FORMED) {
    it(`refuses ${label}, as the DOMParser does`, () => {
      expect(() => parseXmlWithDom(text), 'DOMParser').to.throw(HvError);
      let error: unknown;
      try {
        parseXmlWithFastXmlParser(text);
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.instanceOf(HvError);
      expect((error as HvError).code).to.equal('malformed-response');
    });
  }
});
