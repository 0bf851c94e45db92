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
];
