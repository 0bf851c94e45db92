import { expect } from '@open-wc/testing';
import { HvError } from '../../src/core/errors.js';
import { parseXmlWithDom } from '../../src/transport/dom-xml.js';
import { itHandlesHostileDocuments, NOT_WELL_FORMED, WELL_FORMED } from './xml-documents.js';

function failure(text: string): HvError {
  try {
    parseXmlWithDom(text);
  } catch (error) {
    return error as HvError;
  }
  throw new Error('expected parseXmlWithDom to throw');
}

/** The part of the Trusted Types API these tests use. */
interface TrustedTypes {
  createPolicy(name: string, rules: object): unknown;
  isHTML(value: unknown): boolean;
}
const trustedTypes = (globalThis as { trustedTypes?: TrustedTypes }).trustedTypes!;

/** Replaces `object[key]` while `run` runs. */
function replacing<T extends object, K extends keyof T>(object: T, key: K, value: T[K], run: () => void): void {
  const had = Object.prototype.hasOwnProperty.call(object, key);
  const before = object[key];
  object[key] = value;
  try {
    run();
  } finally {
    if (had) object[key] = before;
    else delete object[key];
  }
}

/** DOMParser as it is under `require-trusted-types-for 'script'`: a plain string is a TypeError. */
function underTrustedTypes(run: () => void): void {
  const parseFromString = DOMParser.prototype.parseFromString;
  replacing(
    DOMParser.prototype,
    'parseFromString',
    function (this: DOMParser, input: string, type: DOMParserSupportedType) {
      if (!trustedTypes.isHTML(input)) throw new TypeError("This document requires 'TrustedHTML' assignment.");
      return parseFromString.call(this, input, type);
    },
    run,
  );
}

// The policy is created once per page, on the first parse: this block must run before any other test parses.
describe('parseXmlWithDom under Trusted Types', () => {
  it('reports a policy name the page does not allow as invalid-config, saying what to add to the CSP', () => {
    const refuse = () => {
      throw new TypeError('Failed to execute createPolicy: Policy "hv-elements-xml" disallowed.');
    };
    replacing(trustedTypes, 'createPolicy', refuse, () => {
      const error = failure(WELL_FORMED[0]!);
      expect(error).to.be.instanceOf(HvError);
      expect(error.code).to.equal('invalid-config');
      expect(error.message).to.include('`trusted-types hv-elements-xml`');
      expect(error.message).to.include('Content-Security-Policy');
    });
  });

  it('parses through one policy of its own, hv-elements-xml, so that DOMParser takes the text', () => {
    const createPolicy = trustedTypes.createPolicy;
    const names: string[] = [];
    const spy = (name: string, rules: object) => {
      names.push(name);
      return createPolicy.call(trustedTypes, name, rules);
    };
    replacing(trustedTypes, 'createPolicy', spy, () =>
      underTrustedTypes(() => {
        expect(parseXmlWithDom(WELL_FORMED[1]!).name).to.equal('response');
        expect(parseXmlWithDom(WELL_FORMED[2]!).name).to.equal('a');
      }),
    );
    expect(names).to.deep.equal(['hv-elements-xml']);
  });

  it('reports a parse that Trusted Types refuses as invalid-config, not as malformed-response', () => {
    const refuse = () => {
      throw new TypeError("This document requires 'TrustedHTML' assignment.");
    };
    replacing(DOMParser.prototype, 'parseFromString', refuse, () => {
      const error = failure(WELL_FORMED[0]!);
      expect(error.code).to.equal('invalid-config');
      expect(error.message).to.include('trusted-types hv-elements-xml');
      expect(error.cause).to.be.instanceOf(TypeError);
    });
  });
});

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

  it('keeps an attribute named __proto__ as an attribute', () => {
    const { attributes } = parseXmlWithDom('<a __proto__="1" toString="2"/>');
    expect(Object.entries(attributes)).to.deep.equal([
      ['__proto__', '1'],
      ['toString', '2'],
    ]);
  });

  it("takes an element's text from its own text and CDATA children, whether or not it has child elements", () => {
    const root = parseXmlWithDom(
      '<a>one<b>x<!-- c -->y<![CDATA[<z>]]><?pi p?></b>two<c><!-- c --></c><![CDATA[three]]><?pi p?></a>',
    );
    expect(root.text).to.equal('onetwothree');
    expect(root.children.map(({ name, text }) => [name, text])).to.deep.equal([
      ['b', 'xy<z>'],
      ['c', ''],
    ]);
  });

  it('reads the attributes of nested elements as of the root: prefixes kept, namespace declarations left out', () => {
    const [b, c] = parseXmlWithDom('<a><b xmlns:p="urn:p" p:q="1" __proto__="2" r="3"/><c>text</c></a>').children;
    expect(Object.entries(b!.attributes)).to.deep.equal([
      ['p:q', '1'],
      ['__proto__', '2'],
      ['r', '3'],
    ]);
    expect(c!.attributes).to.deep.equal({});
  });

  for (const [label, text] of NOT_WELL_FORMED) {
    it(`refuses ${label} with a malformed-response error`, () => {
      const error = failure(text);
      expect(error).to.be.instanceOf(HvError);
      expect(error.code).to.equal('malformed-response');
    });
  }

  it("says where the XML breaks, in the engine's words, without the page's address or the document's text", () => {
    const { message } = failure('<response><name>Jane Doe</name><status></response>');
    // Chromium and WebKit: "… line 1 at column 50: …"; Gecko: "… mismatched tag … Line Number 1, Column 50:".
    expect(message).to.match(/^The text is not well-formed XML: .*line (number )?1\b/is);
    expect(message).to.not.contain('Jane Doe');
    expect(message).to.not.contain(location.host);
  });

  it('refuses a DOCTYPE, or text over the size limit, before DOMParser sees it', () => {
    const parseFromString = DOMParser.prototype.parseFromString;
    const seen: string[] = [];
    const spy = function (this: DOMParser, input: string, type: DOMParserSupportedType) {
      seen.push(String(input));
      return parseFromString.call(this, input, type);
    };
    replacing(DOMParser.prototype, 'parseFromString', spy, () => {
      expect(failure('<!DOCTYPE response><response/>').message).to.equal(
        'The XML has a DOCTYPE, which no HealthVault response has.',
      );
      expect(failure(`<?xml version="1.0"?>\n<!-- c --><?pi?> <!doctype r [<!ENTITY a "a">]><r/>`).code).to.equal(
        'malformed-response',
      );
      expect(failure(`<r>${' '.repeat(4 * 1024 * 1024)}</r>`).message).to.match(/over the limit of 4194304/);
    });
    expect(seen).to.deep.equal([]);
  });

  itHandlesHostileDocuments(parseXmlWithDom);
});
