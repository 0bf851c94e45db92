// Runs on a page whose CSP requires Trusted Types for script sinks (the `trusted-types` group of
// web-test-runner.config.mjs), in Chromium, Firefox and WebKit: all three enforce it.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/connect-button.js';
import type { HvConnectButton } from '../../src/elements/connect-button/connect-button.js';
import { parseXmlWithDom } from '../../src/transport/dom-xml.js';
import { WELL_FORMED } from './xml-documents.js';

describe("under the CSP require-trusted-types-for 'script'", () => {
  it('the engine refuses to parse a plain string', () => {
    expect(() => new DOMParser().parseFromString('<a/>', 'application/xml')).to.throw(TypeError);
  });

  it('the kit still reads platform XML, through its hv-elements-xml policy', () => {
    const person = parseXmlWithDom(WELL_FORMED[1]!).children[1]!.children[0]!;
    expect(person.children.map((child) => child.text)).to.deep.equal([
      '6e3b1c2a-7d4f-4b8e-9a51-0c2d3e4f5a6b',
      "Zoë & 😀 <O'Brien>",
      'David',
    ]);
  });

  it('the connect button renders its link', async () => {
    const el = await fixture<HvConnectButton>(
      html`<hv-connect-button app-id="8f3c7b1e-2a4d-4c5e-9f60-1a2b3c4d5e6f" shell="us"></hv-connect-button>`,
    );
    const link = el.shadowRoot!.querySelector('a[part="button"]') as HTMLAnchorElement;
    expect(link.textContent!.trim()).to.equal('Connect to HealthVault');
    expect(link.href).to.match(/^https:\/\/account\.healthvault\.com\/redirect\.aspx\?target=AUTH&/);
  });
});
