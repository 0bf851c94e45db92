import { expect } from '@open-wc/testing';
import { HvError } from '../../src/core/errors.js';
import { parseXmlWithoutDom } from '../../src/transport/xml-reader.js';
import { itHandlesHostileDocuments, WELL_FORMED } from './xml-documents.js';

function failure(text: string): HvError {
  try {
    parseXmlWithoutDom(text);
  } catch (error) {
    expect(error).to.be.instanceOf(HvError);
    return error as HvError;
  }
  throw new Error('expected parseXmlWithoutDom to throw');
}

// That it reads and refuses what DOMParser does is the parity test's part (xml-parity.test.ts).
describe('parseXmlWithoutDom', () => {
  it('drops prefixes and namespace declarations, decodes references, keeps CDATA as it is', () => {
    const root = parseXmlWithoutDom(WELL_FORMED[2]!);
    expect(root.attributes).to.deep.equal({ 'p:attr': '1', 'xml:lang': 'fr' });
    expect(root.children.map((c) => c.name)).to.deep.equal(['b', 'c']);
    expect(root.children[0]?.text).to.equal('x<not> &amp; markupy');
    expect(root.text).to.equal('tail');
    const person = parseXmlWithoutDom(WELL_FORMED[1]!).children[1]?.children[0];
    expect(person?.children[1]?.text).to.equal("Zoë & 😀 <O'Brien>");
    expect(person?.children[2]?.attributes['rel-name']).to.equal('Self & "me"');
  });

  it('keeps attributes named like Object.prototype members as they are', () => {
    const { attributes } = parseXmlWithoutDom('<a __proto__="1" toString="2" constructor="3"/>');
    expect(Object.entries(attributes)).to.deep.equal([
      ['__proto__', '1'],
      ['toString', '2'],
      ['constructor', '3'],
    ]);
  });

  it('says on which line and column the XML breaks, and why', () => {
    expect(failure('<response>\n  <status a="&#0;"/>\n</response>').message).to.equal(
      'The text is not well-formed XML: line 2, column 13: an "&" starts no reference to an XML character ("&#0").',
    );
    expect(failure('<a><p:b/></a>').message).to.match(/line 1, column 8: the namespace prefix "p" is not declared/);
  });

  it('refuses a DOCTYPE even when the rest is well-formed', () => {
    expect(failure('<!DOCTYPE response><response/>').message).to.equal(
      'The XML has a DOCTYPE, which no HealthVault response has.',
    );
  });

  itHandlesHostileDocuments(parseXmlWithoutDom);
});
