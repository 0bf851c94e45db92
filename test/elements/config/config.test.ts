import { ContextConsumer, ContextProvider } from '@lit/context';
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { HvConfigElement } from '../../../src/elements/config/config.js';
import { hvConfigContext, type HvConfig } from '../../../src/elements/internal/config-context.js';
import { HvConnectButton } from '../../../src/elements/connect-button/connect-button.js';
import { FakeProxy } from '../../helpers/fake-proxy.js';

const APP_ID = '8f3c7b1e-2a4d-4c5e-9f60-1a2b3c4d5e6f';

function hrefOf(button: Element): string | null {
  return button.shadowRoot!.querySelector('a')?.getAttribute('href') ?? null;
}

describe('hv-config', () => {
  it('configures a consumer defined and upgraded BEFORE the provider exists', async () => {
    customElements.define('early-connect-button', class extends HvConnectButton {});
    const wrapper = await fixture(
      html`<late-hv-config app-id=${APP_ID} shell="us"><early-connect-button></early-connect-button></late-hv-config>`,
    );
    const button = wrapper.querySelector('early-connect-button') as HvConnectButton;
    await button.updateComplete;
    expect(hrefOf(button) === null, 'no provider yet: no link, the button says what is missing').to.equal(true);
    customElements.define('late-hv-config', class extends HvConfigElement {});
    await (wrapper as HvConfigElement).updateComplete;
    await button.updateComplete;
    expect(hrefOf(button)).to.match(/^https:\/\/account\.healthvault\.com\/redirect\.aspx\?target=AUTH/);
  });

  it('configures a consumer defined AFTER the provider', async () => {
    customElements.define('first-hv-config', class extends HvConfigElement {});
    const wrapper = await fixture(
      html`<first-hv-config app-id=${APP_ID} shell="eu"
        ><second-connect-button></second-connect-button
      ></first-hv-config>`,
    );
    customElements.define('second-connect-button', class extends HvConnectButton {});
    const button = wrapper.querySelector('second-connect-button') as HvConnectButton;
    await button.updateComplete;
    expect(hrefOf(button)).to.match(/^https:\/\/account\.healthvault\.co\.uk\/redirect\.aspx/);
  });

  it("passes a proxy object down; an element's own proxy-url wins over it", async () => {
    customElements.define('proxy-hv-config', class extends HvConfigElement {});
    customElements.define('proxy-connect-button', class extends HvConnectButton {});
    const proxy = new FakeProxy();
    const wrapper = await fixture(
      html`<proxy-hv-config app-id=${APP_ID} shell="us" proxy-url="/ignored" .proxy=${proxy}
        ><proxy-connect-button lang="es-MX"></proxy-connect-button
        ><proxy-connect-button proxy-url="/hv-proxy"></proxy-connect-button
      ></proxy-hv-config>`,
    );
    const [inheriting, own] = wrapper.querySelectorAll('proxy-connect-button') as NodeListOf<HvConnectButton>;
    await inheriting.updateComplete;
    await own.updateComplete;
    expect(inheriting.config).to.deep.equal({ appId: APP_ID, shell: 'us', proxyUrl: '/ignored', proxy, lang: 'es-MX' });
    expect(inheriting.sessionSource()).to.deep.equal({ appId: APP_ID, proxy });
    expect(own.sessionSource()).to.deep.equal({ appId: APP_ID, proxy: '/hv-proxy' });
  });

  it('forgets the configuration of a place it left', async () => {
    customElements.define('moving-hv-config', class extends HvConfigElement {});
    customElements.define('moving-connect-button', class extends HvConnectButton {});
    const wrapper = await fixture(
      html`<moving-hv-config app-id=${APP_ID} shell="us"
        ><moving-connect-button></moving-connect-button
      ></moving-hv-config>`,
    );
    const button = wrapper.querySelector('moving-connect-button') as HvConnectButton;
    await button.updateComplete;
    expect(button.config.appId).to.equal(APP_ID);
    button.remove();
    expect(button.config.appId).to.equal(undefined);
  });

  it('publishes a new configuration only when something changed', async () => {
    customElements.define('quiet-hv-config', class extends HvConfigElement {});
    customElements.define('quiet-connect-button', class extends HvConnectButton {});
    const wrapper = await fixture<HvConfigElement>(
      html`<quiet-hv-config app-id=${APP_ID} shell="us"
        ><quiet-connect-button></quiet-connect-button
      ></quiet-hv-config>`,
    );
    const button = wrapper.querySelector('quiet-connect-button') as HvConnectButton;
    await button.updateComplete;
    let updates = 0;
    const update = button.requestUpdate.bind(button);
    button.requestUpdate = (...args: Parameters<typeof update>) => (updates++, update(...args));
    wrapper.requestUpdate();
    await wrapper.updateComplete;
    expect(updates).to.equal(0);
    wrapper.setAttribute('shell', 'eu');
    await wrapper.updateComplete;
    expect(updates).to.be.greaterThan(0);
  });

  it('hands a consumer over to an hv-config that upgrades between it and the one that served it', async () => {
    customElements.define('outer-hv-config', class extends HvConfigElement {});
    customElements.define('nested-connect-button', class extends HvConnectButton {});
    const wrapper = await fixture(
      html`<outer-hv-config app-id=${APP_ID} shell="us"
        ><inner-hv-config shell="eu"><nested-connect-button></nested-connect-button></inner-hv-config
      ></outer-hv-config>`,
    );
    const button = wrapper.querySelector('nested-connect-button') as HvConnectButton;
    await button.updateComplete;
    expect(hrefOf(button)).to.match(/^https:\/\/account\.healthvault\.com\//);
    customElements.define('inner-hv-config', class extends HvConfigElement {});
    const inner = wrapper.querySelector('inner-hv-config') as HvConfigElement;
    await inner.updateComplete;
    await button.updateComplete;
    // The inner one's shell; its missing app id is not inherited (each provider gives its own whole value).
    expect(button.config.shell).to.equal('eu');
    // The outer one no longer updates it: a change there leaves the button alone.
    (wrapper as HvConfigElement).setAttribute('shell', 'us-ppe');
    await (wrapper as HvConfigElement).updateComplete;
    await button.updateComplete;
    expect(button.config.shell).to.equal('eu');
  });

  it('speaks the Context Community Protocol: a @lit/context provider configures the elements, a consumer reads it', async () => {
    customElements.define(
      'lit-context-host',
      class extends LitElement {
        provider = new ContextProvider(this, {
          context: hvConfigContext,
          initialValue: { appId: APP_ID, shell: 'eu' },
        });
        protected override createRenderRoot() {
          return this;
        }
      },
    );
    customElements.define('lit-served-connect-button', class extends HvConnectButton {});
    const host = await fixture(
      html`<lit-context-host><lit-served-connect-button></lit-served-connect-button></lit-context-host>`,
    );
    const button = host.querySelector('lit-served-connect-button') as HvConnectButton;
    await button.updateComplete;
    expect(hrefOf(button)).to.match(/^https:\/\/account\.healthvault\.co\.uk\/redirect\.aspx/);

    let seen: HvConfig | undefined;
    customElements.define(
      'lit-context-reader',
      class extends LitElement {
        consumer = new ContextConsumer(this, {
          context: hvConfigContext,
          subscribe: true,
          callback: (v) => (seen = v),
        });
      },
    );
    customElements.define('reading-hv-config', class extends HvConfigElement {});
    const config = await fixture<HvConfigElement>(
      html`<reading-hv-config app-id=${APP_ID} shell="us"
        ><lit-context-reader></lit-context-reader
      ></reading-hv-config>`,
    );
    expect(seen).to.include({ appId: APP_ID, shell: 'us' });
    config.setAttribute('shell', 'eu-ppe');
    await config.updateComplete;
    expect(seen).to.include({ shell: 'eu-ppe' });
  });

  it('does not box its content', async () => {
    customElements.define('box-hv-config', class extends HvConfigElement {});
    const el = await fixture(html`<box-hv-config></box-hv-config>`);
    expect(getComputedStyle(el).display).to.equal('contents');
  });
});
