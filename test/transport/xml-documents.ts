import { expect } from '@open-wc/testing';
import { HvError } from '../../src/core/errors.js';
import type { XmlNode } from '../../src/core/platform/xml-node.js';
/** Documents both XML parsers must read identically. */
export const WELL_FORMED: readonly string[] = [
  '<response><status><code>0</code></status></response>',
  `<?xml version="1.0" encoding="utf-8"?>
<!-- relayed by the proxy -->
<response>
  <status><code>0</code></status>
  <wc:info xmlns:wc="urn:com.microsoft.wc.methods.response.GetPersonInfo">
    <person-info>
      <person-id>6e3b1c2a-7d4f-4b8e-9a51-0c2d3e4f5a6b</person-id>
      <name>Zoë &amp; &#x1F600; &lt;O'Brien&gt;</name>
      <record id="a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d" rel-type="1" rel-name="Self &amp; &quot;me&quot;"
        display-name='single "quoted"'>David</record>
    </person-info>
  </wc:info>
</response>`,
  '<a xmlns="urn:default" xmlns:p="urn:p" p:attr="1" xml:lang="fr"><p:b>x<![CDATA[<not> &amp; markup]]>y</p:b><c/>tail</a>',
  '<a v="line&#10;break&#9;tab" w="literal\n\tspace">one\r\ntwo\rthree<?pi data?>four<!-- gone -->five</a>',
  '<response><status><code>11</code><error><message>Access denied: &#233;</message></error></status></response>',
  '<a><!-- x --></a><!-- y --><?pi z?>\n',
  // What the stricter reading of PARITY_CASES must still accept:
  '<a>&#9;&#xD7FF;&#xE000;&#xFFFD;&#x10FFFF;</a>',
  '<a b="&lt;&#60;"/>',
  '<xml:a xml:lang="fr" xml:space="preserve"/>',
  '<p:a xmlns:p="urn:x"><p:b xmlns:p="urn:y" p:c="1"/><p:d/></p:a>',
  '<a xmlns="urn:u" xmlns:p="urn:u" b="1" p:b="2"/>',
  '<a xmlns="urn:u"><b xmlns=""/></a>',
  '<a xmlns:p="p" xmlns:q="http://u:p@example.com:8080/a?b#c[1]"/>',
  '<?xml version=\'1.1\' encoding="UTF-8" standalone="no" ?><a/>',
  '\uFEFF<?xml version="1.0"?><a/>',
];

/** Text that is not one well-formed XML document, with what kind of failure it is. */
export const NOT_WELL_FORMED: readonly (readonly [string, string])[] = [
  ['plain text', 'Bad Gateway'],
  ['an empty body', ''],
  [
    'an HTML page',
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Sign in</title></head><body>Hi<br></body></html>',
  ],
  ['an unclosed element', '<response><status><code>0</code></status>'],
  ['mismatched tags', '<response><status></response></status>'],
  ['two root elements', '<response/><response/>'],
  ['text after the root', '<response/>trailing'],
  ['text after the root and a comment', '<response></response><!-- c -->trailing<!-- d -->'],
  ['an HTML entity', '<response><name>a&nbsp;b</name></response>'],
  ['a bare ampersand', '<response><name>a & b</name></response>'],
  ['a DOCTYPE with an entity', '<!DOCTYPE response [<!ENTITY x "boom">]><response>&x;</response>'],
  // Refused before, by fast-xml-parser too; kept as the stricter reader must refuse them as well:
  ['a reference beyond U+10FFFF', '<a>&#x110000;</a>'],
  ['an XML declaration after spaces', ' <?xml version="1.0"?><a/>'],
  ['attributes without a space between them', '<a b="1"c="2"/>'],
];

export type Outcome = 'read' | 'refused';

/**
 * Documents the Node parser once read otherwise than DOMParser (see the parity test), with what both parsers do
 * now: read them into the same tree, or refuse them with a malformed-response error.
 */
export const PARITY_CASES: readonly (readonly [string, string, Outcome])[] = [
  ['a reference to U+0000 in text', '<a>&#0;</a>', 'refused'],
  ['a reference to U+0000 in an attribute', '<a b="&#0;"/>', 'refused'],
  ['a reference to the noncharacter U+FFFE', '<a>&#xFFFE;</a>', 'refused'],
  ['a reference to a lone surrogate', '<a>&#xD800;</a>', 'refused'],
  ['a literal control character', '<a>\u0001</a>', 'refused'],
  ['a literal lone surrogate', '<a>\uD800</a>', 'refused'],
  ['a literal U+FFFE', '<a>\uFFFE</a>', 'refused'],
  ['"<" in a double-quoted attribute value', '<a b="<"/>', 'refused'],
  ['"<" in a single-quoted attribute value', "<a b='x<y'/>", 'refused'],
  ['an unbound element prefix', '<p:a/>', 'refused'],
  ['an unbound attribute prefix', '<a p:b="1"/>', 'refused'],
  ['a prefix used outside the element that binds it', '<a><p:b xmlns:p="urn:p"/><p:c/></a>', 'refused'],
  ['the xmlns prefix on an element', '<xmlns:a/>', 'refused'],
  ['an attribute twice through two prefixes', '<a xmlns:p="urn:u" xmlns:q="urn:u" p:b="1" q:b="2"/>', 'refused'],
  ['a prefix bound to no namespace', '<a xmlns:p=""/>', 'refused'],
  ['the xml prefix bound elsewhere', '<a xmlns:xml="urn:u"/>', 'refused'],
  ['another prefix bound to the xml namespace', '<a xmlns:x="http://www.w3.org/XML/1998/namespace"/>', 'refused'],
  ['the xmlns prefix declared', '<a xmlns:xmlns="urn:u"/>', 'refused'],
  ['a namespace name with a space', '<a xmlns:p="urn:a b"/>', 'refused'],
  ['a namespace name with a bad percent-encoding', '<a xmlns="urn:%zz"/>', 'refused'],
  ['a namespace name with an empty port', '<a xmlns:p="http://example.com:/"/>', 'refused'],
  ['a name with two colons', '<a:b:c xmlns:a="urn:a"/>', 'refused'],
  ['a local name starting with a digit', '<a xmlns:p="urn:p" p:1="1"/>', 'refused'],
  ['a name outside the Basic Multilingual Plane', '<\u{10000}/>', 'read'],
  [
    'a comment that starts with ">" after an encoding declaration',
    '<?xml version="1.0" encoding="utf-8"?><!--> c --><a/>',
    'read',
  ],
  ['an XML declaration for version "1."', '<?xml version="1."?><a/>', 'read'],
  ['an attribute named toString', '<a toString="1"/>', 'read'],
  ['attributes named like Object.prototype members', '<a __proto__="1" constructor="2" hasOwnProperty="3"/>', 'read'],
  ['elements named like Object.prototype members', '<toString><__proto__/><constructor/><valueOf/></toString>', 'read'],
  ['an entity named like an Object.prototype member', '<a>&toString;</a>', 'refused'],
  ['"]]>" in text', '<a>]]></a>', 'refused'],
  ['"--" inside a comment', '<a><!-- a -- b --></a>', 'refused'],
  ['a comment ending in "--->"', '<a><!-- a ---></a>', 'refused'],
  ['a processing instruction without a target', '<a><??></a>', 'refused'],
  ['an XML declaration after the start', '<a><?xml version="1.0"?></a>', 'refused'],
  ['a processing instruction named XmL', '<a><?XmL x?></a>', 'refused'],
  ['a processing instruction target with a colon', '<a><?p:i x?></a>', 'refused'],
  ['an XML declaration for version 2.0', '<?xml version="2.0"?><a/>', 'refused'],
  ['an XML declaration without a version', '<?xml encoding="utf-8"?><a/>', 'refused'],
  ['an XML declaration with standalone="maybe"', '<?xml version="1.0" standalone="maybe"?><a/>', 'refused'],
  ['an XML declaration out of order', '<?xml version="1.0" standalone="yes" encoding="utf-8"?><a/>', 'refused'],
  ['a byte order mark after the root', '<a/>\uFEFF', 'refused'],
  ['a no-break space after the root', '<a/>\u00A0', 'refused'],
  ['a CDATA section before the root', '<![CDATA[x]]><a/>', 'refused'],
  ['a lowercase CDATA section', '<a><![cdata[x]]></a>', 'refused'],
  ['a DOCTYPE inside the root', '<a><!DOCTYPE a></a>', 'refused'],
  ['a start tag cut short', '<a/', 'refused'],
];

export const HOSTILE_TIME_LIMIT_MS = 250;

/** `count` attributes, `a0="1" a1="1" …`. */
const attributes = (count: number) => Array.from({ length: count }, (_, i) => `a${i}="1"`).join(' ');

/**
 * Documents that froze a parser, or would with a little more of the same, with what both parsers do now and a
 * pattern of the message. Each must take either parser less than HOSTILE_TIME_LIMIT_MS.
 */
export const HOSTILE: readonly (readonly [string, string, Outcome, RegExp?])[] = [
  ['a name of 27 spaces', `<response><name>${' '.repeat(27)}</name></response>`, 'read'],
  ['a name of 32 spaces', `<response><name>${' '.repeat(32)}</name></response>`, 'read'],
  ['450 processing instructions and 450 comments before the root', `${'<?pi x?><!-- c -->'.repeat(450)}<r/>`, 'read'],
  ['5000 processing instructions before the root', `${'<?pi x?>'.repeat(5000)}<response/>`, 'refused', /1000 comments/],
  ['5000 comments before the root', `${'<!-- c -->'.repeat(5000)}<response/>`, 'refused', /1000 comments/],
  ['1001 comments after the root', `<response/>${'<!---->'.repeat(1001)}`, 'refused', /1000 comments/],
  ['a DOCTYPE after 900 comments', `${'<!---->'.repeat(900)}<!doctype response><response/>`, 'refused', /DOCTYPE/],
  [
    'a 160 KB document with an internal entity',
    `<!DOCTYPE r [<!ENTITY a "${'a'.repeat(1000)}">]><r>${'&a;'.repeat(53000)}</r>`,
    'refused',
    /^The XML has a DOCTYPE, which no HealthVault response has\.$/,
  ],
  [
    'a document over the size limit',
    `<r>${' '.repeat(4 * 1024 * 1024)}</r>`,
    'refused',
    /^The XML is 4194311 characters long, over the limit of 4194304\.$/,
  ],
  ['a megabyte of spaces in an element', `<r>${' '.repeat(1024 * 1024)}</r>`, 'read'],
  ['elements nested 257 deep', `${'<a>'.repeat(257)}${'</a>'.repeat(257)}`, 'refused', /256 deep/],
  ['elements nested 256 deep', `${'<a>'.repeat(256)}${'</a>'.repeat(256)}`, 'read'],
  [
    'a childless element after another with 256 attributes, one a namespace declaration',
    `<r><a/><b xmlns:p="urn:p" ${attributes(255)}/></r>`,
    'read',
  ],
  [
    'a childless element after another with 257 attributes, one a namespace declaration',
    `<r><a/><b xmlns:p="urn:p" ${attributes(256)}/></r>`,
    'refused',
    /256 attributes/,
  ],
  ['an element with 10000 attributes', `<a ${attributes(10000)}/>`, 'refused', /256 attributes/],
];

/** Registers one test per HOSTILE document for `parse`: read or refused as listed, within the time limit. */
export function itHandlesHostileDocuments(parse: (text: string) => XmlNode): void {
  for (const [label, text, outcome, message] of HOSTILE) {
    it(`${outcome === 'read' ? 'reads' : 'refuses'} ${label} in under ${HOSTILE_TIME_LIMIT_MS} ms`, () => {
      const start = performance.now();
      let error: unknown;
      try {
        parse(text);
      } catch (failure) {
        error = failure;
      }
      expect(performance.now() - start, 'milliseconds').to.be.below(HOSTILE_TIME_LIMIT_MS);
      if (outcome === 'read') {
        expect(error).to.equal(undefined);
      } else {
        expect(error).to.be.instanceOf(HvError);
        expect((error as HvError).code).to.equal('malformed-response');
        expect((error as HvError).message).to.match(message!);
      }
    });
  }
}
