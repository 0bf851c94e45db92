import { expect } from '@open-wc/testing';
import { escapeXmlAttribute, escapeXmlText, infoXml, xmlElement } from '../../../src/core/platform/xml-write.js';
import { parseXmlWithDom } from '../../../src/transport/dom-xml.js';

describe('xml-write', () => {
  it('escapes text', () => {
    expect(escapeXmlText('a < b && c > "d" \'e\'')).to.equal('a &lt; b &amp;&amp; c &gt; "d" \'e\'');
  });

  it('escapes attribute values, keeping whitespace as character references', () => {
    expect(escapeXmlAttribute('"x" & <y>\t\n\r')).to.equal('&quot;x&quot; &amp; &lt;y&gt;&#9;&#10;&#13;');
  });

  it('writes elements with text, attributes, children and self-closing empties', () => {
    const xml = xmlElement('a', [xmlElement('b', '1 < 2'), xmlElement('c')], { x: 'say "hi"' });
    expect(xml).to.equal('<a x="say &quot;hi&quot;"><b>1 &lt; 2</b><c/></a>');
  });

  it('round-trips hostile text and attribute values through a real XML parser', () => {
    const hostile = `</b><script>alert(1)</script>&amp; "'\t\n`;
    const root = parseXmlWithDom(xmlElement('a', [xmlElement('b', hostile, { v: hostile })]));
    expect(root.children).to.have.length(1);
    expect(root.children[0].text).to.equal(hostile);
    expect(root.children[0].attributes['v']).to.equal(hostile);
  });

  it("roots an info document in the method's namespace with a prefix, leaving the parameters unqualified", () => {
    expect(infoXml('GetPersonInfo', [xmlElement('group-membership', 'true')])).to.equal(
      '<wc:info xmlns:wc="urn:com.microsoft.wc.methods.GetPersonInfo"><group-membership>true</group-membership></wc:info>',
    );
    expect(infoXml('GetApplicationInfo')).to.equal(
      '<wc:info xmlns:wc="urn:com.microsoft.wc.methods.GetApplicationInfo"/>',
    );
  });
});
