import { expect } from '@open-wc/testing';
import { HvError } from '../../src/core/errors.js';
import { parseXmlWithDom } from '../../src/transport/dom-xml.js';
import { NOT_WELL_FORMED, WELL_FORMED } from './xml-documents.js';

function failure(text: string): HvError {
  try {
    parseXmlWithDom(text);
  } catch (error) {
    return error as HvError;
  }
  throw new Error('expected parseXmlWithDom to throw');
}

describe('parseXmlWithDom', () => {
  it('turns a response document into an XmlNode tree with local names and untrimmed text', () => {
    const root = parseXmlWithDom(WELL_FORMED[1]!);
    expect(root.name).to.equal('response');
    expect(root.children.map((c) => c.name)).to.deep.equal(['status', 'info']);
    const [status, info] = root.children;
    expect(status?.children[0]).to.deep.equal({ name: 'code', attributes: {}, children: [], text: '0' });
    expect(info?.attributes, 'namespace declarations are not attributes').to.deep.equal({});
    expect(info?.text.trim()).to.equal('');
    const record = info?.children[0]?.children[2];
    expect(record?.text).to.equal('David');
    expect(record?.attributes['display-name']).to.equal('single "quoted"');
  });

  it('normalizes line breaks and attribute whitespace as XML requires', () => {
    const root = parseXmlWithDom(WELL_FORMED[3]!);
    expect(root.text).to.equal('one\ntwo\nthreefourfive');
    expect(root.attributes).to.deep.equal({ v: 'line\nbreak\ttab', w: 'literal  space' });
  });

  for (const [label, text] of NOT_WELL_FORMED) {
    it(`refuses ${label} with a malformed-response error`, () => {
      const error = failure(text);
      expect(error).to.be.instanceOf(HvError);
      expect(error.code).to.equal('malformed-response');
    });
  }

  it('says where the XML breaks', () => {
    expect(failure('<response><status></response>').message).to.match(/^The text is not well-formed XML: .*line 1/);
  });

  it('refuses a DOCTYPE even when the rest is well-formed', () => {
    expect(failure('<!DOCTYPE response><response/>').message).to.equal(
      'The XML has a DOCTYPE, which no HealthVault response has.',
    );
  });
});
