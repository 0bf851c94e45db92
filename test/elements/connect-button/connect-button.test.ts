import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/config.js';
import '../../../src/define/connect-button.js';
import { createRoundTripState, STATE_STORAGE_KEY } from '../../../src/core/shell/index.js';
import { HvError } from '../../../src/core/errors.js';
import { define } from '../../../src/elements/internal/define.js';
import { HvConnectButton } from '../../../src/elements/connect-button/connect-button.js';
import { expectNoEnglish } from '../../helpers/english-words.js';
import { contrast } from '../../helpers/contrast.js';
import { FakeProxy, PERSON_ID, personInfoNode } from '../../helpers/fake-proxy.js';
import { handleShellReturn } from '../../../src/session/shell-return.js';
import { getSession } from '../../../src/session/session.js';

const APP_ID = '8f3c7b1e-2a4d-4c5e-9f60-1a2b3c4d5e6f';
const SHELL = 'https://account.healthvault-ppe.com';

/** The targetqs of a Shell URL, decoded back into its parameters. */
function targetqs(href: string): URLSearchParams {
  return new URLSearchParams(new URL(href).searchParams.get('targetqs') ?? '');
}

function link(el: HvConnectButton): HTMLAnchorElement {
  return el.shadowRoot!.querySelector('a[part="button"]')!;
}

/** Keeps a click from navigating the test page away, as a listener after the element would. */
function stayOnPage(event: Event): void {
  event.preventDefault();
}

afterEach(() => {
  sessionStorage.clear();
  history.replaceState(
    null,
    '',
    location.pathname + location.search.replace(/[?&](target|wctoken|instanceid|actionqs)=[^&]*/gi, ''),
  );
  document.removeEventListener('click', stayOnPage);
});

/** As a person's pointer or focus does before they press: loads the code that makes round-trip states. */
async function showIntent(el: HvConnectButton): Promise<void> {
  link(el).dispatchEvent(new Event('pointerenter'));
  await import('../../../src/core/shell/round-trip-state.js');
  await new Promise((resolve) => setTimeout(resolve));
}

describe('hv-connect-button', () => {
  it('renders a real link to the Shell AUTH target with every attribute in targetqs', async () => {
    const el = await fixture<HvConnectButton>(
      html`<hv-connect-button
        app-id=${APP_ID}
        shell="us-ppe"
        redirect-url="http://localhost:5173/return"
        allowed-redirect-origins="https://partner.example http://localhost:5173"
        action=${'/after?x=1&y=2'}
        multi-record
        force-app-auth
        optional-online-rules="weight  steps"
        optional-offline-rules="sync"
        lang="fr-CA"
      ></hv-connect-button>`,
    );
    await showIntent(el);
    link(el).dispatchEvent(new MouseEvent('mousedown'));
    const href = link(el).href;
    expect(href.startsWith(`${SHELL}/redirect.aspx?target=AUTH&targetqs=`)).to.equal(true);
    const qs = targetqs(href);
    expect(qs.get('appid')).to.equal(APP_ID);
    expect(qs.get('redirect')).to.equal('http://localhost:5173/return');
    expect(qs.get('ismra')).to.equal('true');
    expect(qs.get('forceappauth')).to.equal('true');
    expect([qs.get('onopt1'), qs.get('onopt2'), qs.get('onopt3')]).to.deep.equal(['weight', 'steps', null]);
    expect(qs.get('offopt1')).to.equal('sync');
    expect(qs.get('culture')).to.equal('fr-CA');
    const actionqs = new URLSearchParams(qs.get('actionqs')!);
    expect(actionqs.get('action')).to.equal('/after?x=1&y=2');
    expect(actionqs.get('hvstate')).to.match(/^[A-Za-z0-9_-]{22}$/);
  });

  it('asks the Shell to post the token with trm="Post", and carries this page\'s path in actionqs', async () => {
    const el = await fixture<HvConnectButton>(
      html`<hv-connect-button
        app-id=${APP_ID}
        shell="us-ppe"
        redirect-url="http://localhost:5173/hv/shell-return"
        allowed-redirect-origins="http://localhost:5173"
        trm="Post"
      ></hv-connect-button>`,
    );
    await showIntent(el);
    link(el).dispatchEvent(new MouseEvent('mousedown'));
    const href = link(el).href;
    expect(href.endsWith('&trm=post')).to.equal(true);
    const qs = targetqs(href);
    expect(qs.get('trm')).to.equal('Post');
    expect(new URLSearchParams(qs.get('actionqs')!).get('hvreturn')).to.equal(location.pathname + location.search);
  });

  it('labels the link with its slot, or a default label', async () => {
    const el = await fixture<HvConnectButton>(
      html`<hv-connect-button app-id=${APP_ID} shell="us">Sign in with HealthVault</hv-connect-button>`,
    );
    expect(el.textContent).to.equal('Sign in with HealthVault');
    const bare = await fixture<HvConnectButton>(
      html`<hv-connect-button app-id=${APP_ID} shell="us"></hv-connect-button>`,
    );
    const slot = link(bare).querySelector('slot')!;
    expect(slot.assignedNodes()).to.have.length(0);
    expect(slot.textContent).to.equal('Connect to HealthVault');
  });

  it('takes its configuration from <hv-config>, and its own attributes win', async () => {
    const wrapper = await fixture(
      html`<hv-config app-id=${APP_ID} shell="us" lang="en-US">
        <hv-connect-button></hv-connect-button>
        <hv-connect-button shell="eu" lang="de-DE"></hv-connect-button>
      </hv-config>`,
    );
    const [inherited, overriding] = [...wrapper.querySelectorAll('hv-connect-button')];
    await inherited.updateComplete;
    await overriding.updateComplete;
    expect(link(inherited).href.startsWith('https://account.healthvault.com/redirect.aspx')).to.equal(true);
    expect(targetqs(link(inherited).href).get('culture')).to.equal('en-US');
    expect(link(overriding).href.startsWith('https://account.healthvault.co.uk/redirect.aspx')).to.equal(true);
    expect(targetqs(link(overriding).href).get('appid')).to.equal(APP_ID);
    expect(targetqs(link(overriding).href).get('culture')).to.equal('de-DE');
  });

  it('follows <hv-config> changes', async () => {
    const wrapper = await fixture(
      html`<hv-config app-id=${APP_ID} shell="us"><hv-connect-button></hv-connect-button></hv-config>`,
    );
    const button = wrapper.querySelector('hv-connect-button')!;
    await button.updateComplete;
    wrapper.setAttribute('shell', 'eu-ppe');
    await (wrapper as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    await button.updateComplete;
    expect(link(button).href.startsWith('https://account.healthvault-ppe.co.uk/redirect.aspx')).to.equal(true);
  });

  for (const [markup, code, text] of [
    [html`<hv-connect-button shell="us"></hv-connect-button>`, 'invalid-config', 'app-id attribute is missing'],
    [html`<hv-connect-button app-id=${APP_ID}></hv-connect-button>`, 'invalid-config', 'shell attribute is missing'],
    [
      html`<hv-connect-button app-id="not-a-guid" shell="us"></hv-connect-button>`,
      'invalid-shell-request',
      'not-a-guid',
    ],
    [html`<hv-connect-button app-id=${APP_ID} shell="mars"></hv-connect-button>`, 'invalid-shell-request', 'mars'],
    [
      html`<hv-connect-button
        app-id=${APP_ID}
        shell="us"
        redirect-url="http://partner.example/return"
      ></hv-connect-button>`,
      'invalid-shell-request',
      'http://partner.example/return',
    ],
    [
      html`<hv-connect-button
        app-id=${APP_ID}
        shell="us"
        redirect-url="https://elsewhere.example/return"
      ></hv-connect-button>`,
      'invalid-shell-request',
      'https://elsewhere.example is not in allowedRedirectOrigins',
    ],
    [
      html`<hv-connect-button app-id=${APP_ID} shell="us" action=${'cart-\uD800'}></hv-connect-button>`,
      'invalid-shell-request',
      'action has a lone surrogate',
    ],
    [
      html`<hv-connect-button app-id=${APP_ID} shell="us" optional-online-rules=${'w\uDC00'}></hv-connect-button>`,
      'invalid-shell-request',
      'onlineOptionalRules has a lone surrogate',
    ],
  ] as const) {
    it(`shows a specific message and fires hv-error (${code}) for: ${text}`, async () => {
      const errors: HvError[] = [];
      const listener = (event: Event) => errors.push((event as CustomEvent<{ error: HvError }>).detail.error);
      document.addEventListener('hv-error', listener);
      const el = await fixture<HvConnectButton>(markup);
      document.removeEventListener('hv-error', listener);
      const message = el.shadowRoot!.querySelector('[part="error"]')!;
      expect(message.getAttribute('role')).to.equal('alert');
      expect(message.textContent).to.contain(text);
      expect(link(el)).to.equal(null);
      expect(errors).to.have.length(1);
      expect(errors[0]).to.be.instanceOf(HvError);
      expect(errors[0].code).to.equal(code);
      expect(el.matches(':state(invalid)')).to.equal(true);
    });
  }

  it('recovers from an invalid configuration once it is fixed', async () => {
    const el = await fixture<HvConnectButton>(html`<hv-connect-button shell="us"></hv-connect-button>`);
    el.setAttribute('app-id', APP_ID);
    await el.updateComplete;
    expect(link(el)).to.not.equal(null);
    expect(el.matches(':state(invalid)')).to.equal(false);
  });

  it('updates its link when an optional rule list is removed', async () => {
    const el = await fixture<HvConnectButton>(
      html`<hv-connect-button app-id=${APP_ID} shell="us" optional-online-rules="weight"></hv-connect-button>`,
    );
    expect(targetqs(link(el).href).get('onopt1')).to.equal('weight');
    el.removeAttribute('optional-online-rules');
    await el.updateComplete;
    expect(targetqs(link(el).href).get('onopt1')).to.equal(null);
    expect(el.matches(':state(invalid)')).to.equal(false);
  });

  it('starts one flow when activated twice', async () => {
    const el = await fixture<HvConnectButton>(
      html`<hv-connect-button app-id=${APP_ID} shell="us"></hv-connect-button>`,
    );
    document.addEventListener('click', stayOnPage);
    let connects = 0;
    el.addEventListener('hv-connect', () => connects++);
    link(el).click();
    await el.updateComplete;
    link(el).click();
    expect(connects).to.equal(1);
  });

  it('makes its round-trip state even when activated before its code has loaded', async () => {
    const el = await fixture<HvConnectButton>(
      html`<hv-connect-button app-id=${APP_ID} shell="us"></hv-connect-button>`,
    );
    document.addEventListener('click', stayOnPage);
    const connect = oneEvent(el, 'hv-connect');
    link(el).click();
    const { url } = (await connect).detail;
    expect(targetqs(url).get('actionqs')).to.match(/^hvstate=[A-Za-z0-9_-]{22}&hvreturn=[^&]+$/);
  });

  it('fires a cancelable hv-connect with the URL; cancelling keeps the person on the page', async () => {
    const el = await fixture<HvConnectButton>(
      html`<hv-connect-button app-id=${APP_ID} shell="us"></hv-connect-button>`,
    );
    el.addEventListener('hv-connect', (event) => event.preventDefault(), { once: true });
    setTimeout(() => link(el).click());
    const event = await oneEvent(el, 'hv-connect');
    expect(event.detail).to.deep.equal({ url: link(el).href, mode: 'redirect' });
    expect(event.defaultPrevented).to.equal(true);
    expect(el.matches(':state(pending)')).to.equal(false);
  });

  it('shows a pending state while leaving, and announces it', async () => {
    const el = await fixture<HvConnectButton>(
      html`<hv-connect-button app-id=${APP_ID} shell="us"></hv-connect-button>`,
    );
    document.addEventListener('click', stayOnPage);
    link(el).click();
    await el.updateComplete;
    expect(el.matches(':state(pending)')).to.equal(true);
    expect(link(el).getAttribute('aria-busy')).to.equal('true');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('Opening HealthVault…');
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await el.updateComplete;
    expect(el.matches(':state(pending)')).to.equal(false);
  });

  it('is reachable by keyboard with a visible focus ring', async () => {
    const el = await fixture<HvConnectButton>(
      html`<hv-connect-button app-id=${APP_ID} shell="us"></hv-connect-button>`,
    );
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(link(el));
    const style = getComputedStyle(link(el));
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.greaterThan(1);
    // Drawn outside the button, on the page: WCAG asks 3:1 of a focus indicator against what is around it.
    expect(contrast(style.outlineColor, 'rgb(255, 255, 255)')).to.be.at.least(3);
  });

  it('passes axe, valid and invalid', async () => {
    const el = await fixture(
      html`<div>
        <hv-connect-button app-id=${APP_ID} shell="us"></hv-connect-button>
        <hv-connect-button shell="us"></hv-connect-button>
      </div>`,
    );
    await expect(el).to.be.accessible();
  });

  it('works where the browser has no custom states (older Safari): no state, no error', async () => {
    const states = Object.getOwnPropertyDescriptor(ElementInternals.prototype, 'states')!;
    Object.defineProperty(ElementInternals.prototype, 'states', { configurable: true, get: () => undefined });
    try {
      const el = await fixture<HvConnectButton>(html`<hv-connect-button shell="us"></hv-connect-button>`);
      expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('app-id attribute is missing');
    } finally {
      Object.defineProperty(ElementInternals.prototype, 'states', states);
    }
  });

  it('define() keeps the first definition when a tag is defined again', async () => {
    const first = customElements.get('hv-connect-button')!;
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      define('hv-connect-button', first);
      expect(warnings).to.have.length(0);
      define('hv-connect-button', class extends (first as typeof HTMLElement) {});
      expect(warnings).to.have.length(1);
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('hv-connect-button')).to.equal(first);
  });
});

/** Puts the Shell's return on the address bar, as the Shell leaves it. */
async function returnTo(query: Record<string, string>): Promise<void> {
  history.replaceState(null, '', `${location.pathname}?${new URLSearchParams(query)}`);
}

describe('hv-connect-button on the page the Shell returns to', () => {
  it('takes the token off the address bar, hands it to the proxy and fires hv-authorized', async () => {
    const actionqs = createRoundTripState('/dashboard');
    await returnTo({ target: 'AppAuthSuccess', wctoken: 'secret-user-token', instanceid: '1', actionqs });
    const proxy = new FakeProxy();
    const authorized = oneEvent(document, 'hv-authorized');
    const el = await fixture<HvConnectButton>(
      html`<hv-connect-button app-id=${APP_ID} shell="us" .proxy=${proxy}></hv-connect-button>`,
    );
    expect(location.href).to.not.contain('wctoken');
    expect(location.href).to.not.contain('secret-user-token');
    const event = await authorized;
    expect(event.target).to.equal(el);
    expect(event.detail.target).to.equal('AppAuthSuccess');
    expect(event.detail.action).to.equal('/dashboard');
    expect(event.detail.person.personId).to.equal(PERSON_ID);
    expect(proxy.signIns).to.deep.equal([{ wctoken: 'secret-user-token', instanceId: '1' }]);
    expect(proxy.calls.map((c) => c.method)).to.deep.equal(['GetPersonInfo']);
    expect(JSON.stringify({ ...sessionStorage, ...localStorage })).to.not.contain('secret-user-token');
    await el.updateComplete;
    expect(el.matches(':state(authorized)')).to.equal(true);
  });

  it('with trm=Post, claims the token its proxy parked (none in the return) and fires hv-authorized', async () => {
    const actionqs = createRoundTripState('/dashboard');
    await returnTo({ target: 'AppAuthSuccess', actionqs });
    const proxy = Object.assign(new FakeProxy(), { baseUrl: '/test-proxy' });
    const claims: { url: string; body: unknown; headers: unknown }[] = [];
    const realFetch = window.fetch;
    window.fetch = async (input, init) => {
      claims.push({ url: String(input), body: JSON.parse(String(init?.body)), headers: init?.headers });
      proxy.signedIn = true; // the proxy's session now holds the parked token
      return new Response(null, { status: 204 });
    };
    try {
      const authorized = oneEvent(document, 'hv-authorized');
      await fixture(html`<hv-connect-button app-id=${APP_ID} shell="us" .proxy=${proxy}></hv-connect-button>`);
      const event = await authorized;
      expect(event.detail.action).to.equal('/dashboard');
      expect(event.detail.person.personId).to.equal(PERSON_ID);
      expect(claims).to.deep.equal([
        {
          url: '/test-proxy/session',
          body: { claim: new URLSearchParams(actionqs).get('hvstate') },
          headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'hv-elements' },
        },
      ]);
      expect(proxy.signIns).to.have.length(0);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('fires hv-denied when the person declines (AppAuthReject), without calling the proxy', async () => {
    await returnTo({ target: 'AppAuthReject', actionqs: createRoundTripState('cart-42') });
    const proxy = new FakeProxy();
    const denied = oneEvent(document, 'hv-denied');
    await fixture(html`<hv-connect-button app-id=${APP_ID} shell="us" .proxy=${proxy}></hv-connect-button>`);
    expect((await denied).detail).to.deep.equal({ reason: 'rejected', action: 'cart-42' });
    expect(proxy.signIns).to.have.length(0);
  });

  it('refuses a return it did not start, and never hands its token over', async () => {
    await returnTo({ target: 'AppAuthSuccess', wctoken: 'stolen', actionqs: 'hvstate=forged-nonce' });
    const proxy = new FakeProxy();
    const failed = oneEvent(document, 'hv-error');
    await fixture(html`<hv-connect-button app-id=${APP_ID} shell="us" .proxy=${proxy}></hv-connect-button>`);
    const { error } = (await failed).detail;
    expect(error.code).to.equal('invalid-state');
    expect(error.message).to.contain('another tab');
    expect(proxy.signIns).to.have.length(0);
    expect(location.href).to.not.contain('stolen');
  });

  it('refuses the same return a second time (replay)', async () => {
    const actionqs = createRoundTripState(undefined);
    await returnTo({ target: 'AppAuthSuccess', wctoken: 't1', actionqs });
    const proxy = new FakeProxy();
    const first = oneEvent(document, 'hv-authorized');
    await fixture(html`<hv-connect-button app-id=${APP_ID} shell="us" .proxy=${proxy}></hv-connect-button>`);
    await first;
    await returnTo({ target: 'AppAuthSuccess', wctoken: 't1', actionqs });
    const replay = oneEvent(document, 'hv-error');
    // Another page load: a new session (each proxy object has its own).
    const nextLoad = new FakeProxy();
    await fixture(html`<hv-connect-button app-id=${APP_ID} shell="us" .proxy=${nextLoad}></hv-connect-button>`);
    expect((await replay).detail.error.message).to.contain('already used');
    expect(proxy.signIns).to.have.length(1);
    expect(nextLoad.signIns).to.have.length(0);
  });

  it('reports a failing proxy as hv-error and stays usable', async () => {
    await returnTo({ target: 'AppAuthSuccess', wctoken: 't2', actionqs: createRoundTripState(undefined) });
    const proxy = new FakeProxy();
    proxy.failSignIn = new HvError('network', 'The proxy at /hv-proxy could not be reached.', { retryable: true });
    const failed = oneEvent(document, 'hv-error');
    const el = await fixture<HvConnectButton>(
      html`<hv-connect-button app-id=${APP_ID} shell="us" .proxy=${proxy}></hv-connect-button>`,
    );
    const { error } = (await failed).detail;
    expect(error.code).to.equal('network');
    await el.updateComplete;
    expect(el.matches(':state(pending)')).to.equal(false);
    // Still a link to try again, and the failure in words, beside it.
    expect(link(el).href).to.contain('target=AUTH');
    await waitUntil(() => el.shadowRoot!.querySelector('[part="message"]'), 'the words load with the first failure');
    const message = el.shadowRoot!.querySelector('[part="message"]')!;
    expect(message.getAttribute('role')).to.equal('alert');
    expect(message.textContent).to.equal(
      'HealthVault cannot be reached right now. Check your connection and try again.',
    );
  });

  it('says a proxy is missing, is not busy meanwhile, and completes once one is configured', async () => {
    await returnTo({ target: 'AppAuthSuccess', wctoken: 't3', actionqs: createRoundTripState(undefined) });
    const failed = oneEvent(document, 'hv-error');
    const el = await fixture<HvConnectButton>(
      html`<hv-connect-button app-id=${APP_ID} shell="us"></hv-connect-button>`,
    );
    const { error } = (await failed).detail;
    expect(error.code).to.equal('invalid-config');
    expect(error.message).to.contain('proxy-url');
    expect(location.href).to.not.contain('t3');
    await el.updateComplete;
    expect(el.matches(':state(pending)')).to.equal(false);
    const proxy = new FakeProxy();
    const authorized = oneEvent(el, 'hv-authorized');
    el.proxy = proxy;
    await authorized;
    expect(proxy.signIns.map((signIn) => signIn.wctoken)).to.deep.equal(['t3']);
  });

  it("takes a token off the address bar even without the kit's state, and refuses to use it", async () => {
    history.replaceState(null, '', `${location.pathname}?target=AppAuthSuccess&wctoken=planted&instanceid=1`);
    const proxy = new FakeProxy();
    const failed = oneEvent(document, 'hv-error');
    await fixture(html`<hv-connect-button app-id=${APP_ID} shell="us" .proxy=${proxy}></hv-connect-button>`);
    expect(location.href).to.not.contain('planted');
    expect((await failed).detail.error.code).to.equal('invalid-state');
    expect(proxy.signIns).to.have.length(0);
  });

  it("leaves a partner page's own ?target= alone: no Shell return, no error", async () => {
    history.replaceState(null, '', `${location.pathname}?target=_blank&actionqs=mine`);
    const errors: unknown[] = [];
    document.addEventListener('hv-error', (event) => errors.push(event), { once: true });
    const el = await fixture<HvConnectButton>(
      html`<hv-connect-button app-id=${APP_ID} shell="us" .proxy=${new FakeProxy()}></hv-connect-button>`,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(location.search).to.equal('?target=_blank&actionqs=mine');
    expect(errors).to.have.length(0);
    expect(el.matches(':state(invalid)')).to.equal(false);
  });

  for (const target of ['Privacy', 'ServiceAgreement', 'Home', 'Help', 'SignOut']) {
    it(`hands a Shell-started ${target} return to the page as hv-shell-return, without a state check`, async () => {
      history.replaceState(null, '', `${location.pathname}?target=${target.toLowerCase()}`);
      const shellReturn = oneEvent(document, 'hv-shell-return');
      const errors: unknown[] = [];
      document.addEventListener('hv-error', (event) => errors.push(event), { once: true });
      await fixture(
        html`<hv-connect-button app-id=${APP_ID} shell="us" .proxy=${new FakeProxy()}></hv-connect-button>`,
      );
      expect((await shellReturn).detail.target).to.equal(target);
      expect(errors).to.have.length(0);
      // Nothing secret in it, so it stays for the page's own routing.
      expect(location.search).to.equal(`?target=${target.toLowerCase()}`);
    });
  }

  it('leaves completing the return to the page with manual-return: handleShellReturn does it', async () => {
    await returnTo({ target: 'AppAuthReject', actionqs: createRoundTripState('manual') });
    const heard: string[] = [];
    document.addEventListener('hv-denied', () => heard.push('hv-denied'), { once: true });
    await fixture(
      html`<hv-connect-button app-id=${APP_ID} shell="us" manual-return .proxy=${new FakeProxy()}></hv-connect-button>`,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Off the address bar all the same, but neither checked nor completed.
    expect(location.search).to.equal('');
    expect(sessionStorage.getItem(STATE_STORAGE_KEY)).to.contain('pending');
    expect(heard).to.deep.equal([]);
    const outcome = await handleShellReturn({ proxy: new FakeProxy() });
    expect(outcome).to.deep.equal({ kind: 'denied', detail: { reason: 'rejected', action: 'manual' } });
    expect(heard).to.deep.equal(['hv-denied']);
  });

  it('shows the person connected after the page completes the return itself (handleShellReturn with the session)', async () => {
    await returnTo({ target: 'AppAuthSuccess', wctoken: 'by-page', actionqs: createRoundTripState(undefined) });
    const proxy = new FakeProxy(() => personInfoNode('Pat Page'));
    const el = await fixture<HvConnectButton>(
      html`<hv-connect-button app-id=${APP_ID} shell="us" manual-return .proxy=${proxy}></hv-connect-button>`,
    );
    // The page load's check has answered "signed out" before the page hands the token over.
    await waitUntil(() => el.session?.state.status === 'signed-out');
    await handleShellReturn({ proxy, session: getSession(APP_ID, proxy) });
    await waitUntil(() => el.matches(':state(authorized)'), 'the button follows the session');
    expect(el.shadowRoot!.querySelector('[part="connected"]')!.textContent).to.equal(
      'Connected to HealthVault as Pat Page',
    );
  });
});

describe('hv-connect-button in popup mode', () => {
  const realOpen = window.open;
  afterEach(() => {
    window.open = realOpen;
  });

  /** A stand-in for the popup window that the test closes by hand. */
  function fakePopup(): Window & { closed: boolean } {
    return { closed: false } as Window & { closed: boolean };
  }

  /**
   * Opens, instead of the Shell, the partner's return page as the Shell would leave it in the popup: a real
   * window with the popup's name, this page as its opener and a copy of this tab's session storage.
   */
  function openReturnPageInstead(returnQuery: (actionqs: string) => Record<string, string>): string[] {
    const opened: string[] = [];
    window.open = (url?: string | URL, name?: string, features?: string) => {
      opened.push(String(url));
      const query = new URLSearchParams(returnQuery(targetqs(String(url)).get('actionqs')!));
      const page = new URL(`fixtures/popup-return.html?${query}`, import.meta.url);
      return realOpen.call(window, page.href, name, features);
    };
    return opened;
  }

  /** Every message this window receives, as the opener sees them. */
  function recordMessages(): unknown[] {
    const messages: unknown[] = [];
    window.addEventListener('message', (event) => messages.push(event.data));
    return messages;
  }

  it('opens the Shell in a popup within the click; the popup tells its opener, which reads the person', async function () {
    this.timeout(15_000);
    const opened = openReturnPageInstead((actionqs) => ({
      target: 'AppAuthSuccess',
      wctoken: 'popup-token',
      actionqs,
      person: 'Popup Copy',
    }));
    const messages = recordMessages();
    const proxy = new FakeProxy(() => personInfoNode('Jane Doe'));
    const el = await fixture<HvConnectButton>(
      html`<hv-connect-button
        app-id=${APP_ID}
        shell="us"
        mode="popup"
        action="a1"
        .proxy=${proxy}
      ></hv-connect-button>`,
    );
    const authorized = oneEvent(el, 'hv-authorized');
    // The popup's hand-off signs the person in at the backend, which this page's proxy talks to as well.
    proxy.signedIn = true;
    link(el).click();
    expect(opened).to.deep.equal([link(el).href]);
    await el.updateComplete;
    expect(el.matches(':state(pending)')).to.equal(true);
    const { detail } = await authorized;
    // The person as the opener's proxy knows them; the popup's message carries no personal data.
    expect(detail.person.name).to.equal('Jane Doe');
    expect(detail.action).to.equal('a1');
    expect(proxy.signIns).to.have.length(0);
    expect(JSON.stringify(messages)).to.not.contain('Popup Copy');
    await el.updateComplete;
    expect(el.matches(':state(pending)')).to.equal(false);
    expect(el.matches(':state(authorized)')).to.equal(true);
    expect(el.shadowRoot!.querySelector('[part="connected"]')!.textContent).to.equal(
      'Connected to HealthVault as Jane Doe',
    );
  });

  it('waits for a slow proxy after the popup has told it: the popup closing itself is no "closed"', async function () {
    this.timeout(15_000);
    openReturnPageInstead((actionqs) => ({ target: 'AppAuthSuccess', wctoken: 'slow', actionqs }));
    const proxy = new FakeProxy(() => personInfoNode('Sam Slow'));
    const answer = proxy.call.bind(proxy);
    proxy.call = async (...args) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return answer(...args);
    };
    const el = await fixture<HvConnectButton>(
      html`<hv-connect-button app-id=${APP_ID} shell="us" mode="popup" .proxy=${proxy}></hv-connect-button>`,
    );
    const heard: string[] = [];
    el.addEventListener('hv-denied', () => heard.push('hv-denied'));
    const authorized = oneEvent(el, 'hv-authorized');
    proxy.signedIn = true;
    await showIntent(el);
    link(el).click();
    expect((await authorized).detail.person.name).to.equal('Sam Slow');
    expect(heard).to.deep.equal([]);
  });

  it("uses up the opener's copy of the state, so the popup's return cannot be replayed in this tab", async function () {
    this.timeout(15_000);
    let returned: Record<string, string> = {};
    openReturnPageInstead((actionqs) => (returned = { target: 'AppAuthSuccess', wctoken: 'replayed', actionqs }));
    const proxy = new FakeProxy();
    const el = await fixture<HvConnectButton>(
      html`<hv-connect-button app-id=${APP_ID} shell="us" mode="popup" .proxy=${proxy}></hv-connect-button>`,
    );
    const authorized = oneEvent(el, 'hv-authorized');
    proxy.signedIn = true;
    link(el).click();
    await authorized;
    history.replaceState(null, '', `${location.pathname}?${new URLSearchParams(returned)}`);
    const replay = oneEvent(document, 'hv-error');
    await fixture(html`<hv-connect-button app-id=${APP_ID} shell="us" .proxy=${new FakeProxy()}></hv-connect-button>`);
    expect((await replay).detail.error.message).to.contain('already used');
  });

  it('ignores outcomes that do not come from its popup and its flow', async function () {
    this.timeout(15_000);
    // The popup comes back with a state of another flow of this tab (as another tab's popup would).
    openReturnPageInstead(() => ({
      target: 'AppAuthSuccess',
      wctoken: 'other-flow',
      actionqs: createRoundTripState(undefined),
    }));
    const el = await fixture<HvConnectButton>(
      html`<hv-connect-button app-id=${APP_ID} shell="us" mode="popup" .proxy=${new FakeProxy()}></hv-connect-button>`,
    );
    const heard: string[] = [];
    for (const type of ['hv-authorized', 'hv-denied', 'hv-error'] as const) {
      el.addEventListener(type, () => heard.push(type));
    }
    link(el).dispatchEvent(new MouseEvent('mousedown'));
    const flow = targetqs(link(el).href)
      .get('actionqs')!
      .match(/hvstate=([^&]+)/)![1];
    const closed = oneEvent(el, 'hv-denied');
    link(el).click();
    await import('../../../src/session/shell-return.js');
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Forgeries of any same-origin page: a message of the right flow from another window, and the old broadcast.
    const forged = { type: 'hv-elements:popup-outcome', flow, kind: 'authorized', target: 'AppAuthSuccess' };
    window.postMessage(forged, location.origin);
    const channel = new BroadcastChannel('hv-elements:popup-return');
    channel.postMessage({ kind: 'authorized', detail: { target: 'AppAuthSuccess', person: { name: 'Mallory' } } });
    channel.close();
    // The real popup reports another flow and closes: to this button, the person closed it.
    expect((await closed).detail.reason).to.equal('popup-closed');
    expect(heard).to.deep.equal(['hv-denied']);
  });

  it('notices when the person closes the popup and fires hv-denied', async () => {
    const popup = fakePopup();
    window.open = () => popup;
    const el = await fixture<HvConnectButton>(
      html`<hv-connect-button app-id=${APP_ID} shell="us" mode="popup"></hv-connect-button>`,
    );
    link(el).click();
    popup.closed = true;
    const denied = await oneEvent(el, 'hv-denied');
    expect(denied.detail.reason).to.equal('popup-closed');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('closed');
  });

  it('falls back to a full redirect when the popup is blocked', async () => {
    window.open = () => null;
    const left: string[] = [];
    customElements.define(
      'redirect-spy-button',
      class extends HvConnectButton {
        protected override leaveFor(url: string): void {
          left.push(url);
        }
      },
    );
    const el = await fixture<HvConnectButton>(
      html`<redirect-spy-button app-id=${APP_ID} shell="us" mode="popup"></redirect-spy-button>`,
    );
    link(el).click();
    expect(left).to.deep.equal([link(el).href]);
  });
});

describe('hv-connect-button on the page session', () => {
  it('shows the person as connected after a reload: the session asks the proxy who is signed in', async () => {
    const proxy = new FakeProxy(() => personInfoNode('Jane Doe'));
    proxy.signedIn = true;
    const el = await fixture<HvConnectButton>(
      html`<hv-connect-button app-id=${APP_ID} shell="us" .proxy=${proxy}></hv-connect-button>`,
    );
    await waitUntil(() => el.matches(':state(authorized)'));
    const connected = el.shadowRoot!.querySelector('[part="connected"]')!;
    expect(connected.textContent).to.equal('Connected to HealthVault as Jane Doe');
    expect(link(el)).to.equal(null);
    expect(el.session!.state.person!.name).to.equal('Jane Doe');
  });

  it('lets the host word the connected state through the "connected" slot', async () => {
    const proxy = new FakeProxy();
    proxy.signedIn = true;
    const el = await fixture<HvConnectButton>(
      html`<hv-connect-button app-id=${APP_ID} shell="us" .proxy=${proxy}
        ><span slot="connected">Your record is linked</span></hv-connect-button
      >`,
    );
    await waitUntil(() => el.matches(':state(authorized)'));
    const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="connected"]')!;
    expect(slot.assignedNodes().map((node) => node.textContent)).to.deep.equal(['Your record is linked']);
  });

  it('makes no round-trip state until the person acts: the first of twelve buttons completes its return', async () => {
    const proxy = new FakeProxy();
    const wrapper = await fixture(
      html`<div>
        ${Array.from({ length: 12 }, () => html`<hv-connect-button app-id=${APP_ID} shell="us"></hv-connect-button>`)}
      </div>`,
    );
    expect(sessionStorage.getItem(STATE_STORAGE_KEY)).to.equal(null);
    const first = wrapper.querySelector('hv-connect-button')!;
    const connect = oneEvent(first, 'hv-connect');
    document.addEventListener('click', stayOnPage);
    link(first).click();
    const actionqs = targetqs((await connect).detail.url).get('actionqs')!;
    // The Shell comes back to a new page load.
    history.replaceState(
      null,
      '',
      `${location.pathname}?${new URLSearchParams({ target: 'AppAuthSuccess', wctoken: 'w12', actionqs })}`,
    );
    const authorized = oneEvent(document, 'hv-authorized');
    await fixture(html`<hv-connect-button app-id=${APP_ID} shell="us" .proxy=${proxy}></hv-connect-button>`);
    await authorized;
    expect(proxy.signIns.map((signIn) => signIn.wctoken)).to.deep.equal(['w12']);
  });

  it('starts one flow when activated twice in popup mode', async () => {
    const popup = { closed: false } as Window;
    let opened = 0;
    const realOpen = window.open;
    window.open = () => (opened++, popup);
    try {
      const el = await fixture<HvConnectButton>(
        html`<hv-connect-button app-id=${APP_ID} shell="us" mode="popup"></hv-connect-button>`,
      );
      let connects = 0;
      el.addEventListener('hv-connect', () => connects++);
      link(el).click();
      link(el).click();
      expect([connects, opened]).to.deep.equal([1, 1]);
    } finally {
      window.open = realOpen;
    }
  });

  it('reads in Spanish under lang="es", errors included, and takes the host\'s own words', async () => {
    const wrapper = await fixture(
      html`<div lang="es">
        <hv-connect-button app-id=${APP_ID} shell="us"></hv-connect-button>
        <hv-connect-button shell="us"></hv-connect-button>
        <hv-connect-button
          app-id=${APP_ID}
          shell="us"
          .strings=${{ connect: 'Vincular mi historial' }}
        ></hv-connect-button>
      </div>`,
    );
    const [plain, broken, worded] = wrapper.querySelectorAll('hv-connect-button');
    const label = (el: Element) => el.shadowRoot!.querySelector('slot:not([name])')?.textContent;
    await waitUntil(() => label(plain!) === 'Conectar con HealthVault', 'the Spanish table loads on first use');
    expect(broken!.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain(
      'HealthVault no está bien configurado en esta página.',
    );
    expect(label(worded!)).to.equal('Vincular mi historial');
  });

  it('takes its language from <hv-config lang>, and its own lang wins', async () => {
    const wrapper = await fixture(
      html`<hv-config app-id=${APP_ID} shell="us" lang="es-MX">
        <hv-connect-button></hv-connect-button>
        <hv-connect-button lang="en-GB"></hv-connect-button>
      </hv-config>`,
    );
    const [inherited, own] = wrapper.querySelectorAll('hv-connect-button');
    const label = (el: Element) => el.shadowRoot!.querySelector('slot:not([name])')?.textContent;
    await waitUntil(() => label(inherited!) === 'Conectar con HealthVault');
    expect(label(own!)).to.equal('Connect to HealthVault');
  });
});

describe('hv-connect-button in Spanish', () => {
  const realOpen = window.open;
  afterEach(() => {
    window.open = realOpen;
  });

  /** A button under lang="es" with `attributes` (app-id and shell unless given) and `proxy`. */
  async function spanish(proxy?: FakeProxy, mode = 'redirect', appId: string | undefined = APP_ID) {
    const page = await fixture(
      html`<div lang="es">
        <hv-connect-button app-id=${appId ?? ''} shell="us" mode=${mode} .proxy=${proxy}></hv-connect-button>
      </div>`,
    );
    return page.querySelector('hv-connect-button')!;
  }

  it('says nothing in English, in any state', async () => {
    await expectNoEnglish(await spanish(), 'ready');
    await expectNoEnglish(await spanish(undefined, 'redirect', ''), 'invalid');

    const leaving = await spanish();
    document.addEventListener('click', stayOnPage);
    link(leaving).click();
    await expectNoEnglish(leaving, 'pending');

    const popup = { closed: false } as Window & { closed: boolean };
    window.open = () => popup;
    const closed = await spanish(undefined, 'popup');
    link(closed).click();
    popup.closed = true;
    await oneEvent(closed, 'hv-denied');
    await expectNoEnglish(closed, 'popup closed');

    const slowProxy = new FakeProxy();
    slowProxy.signIn = () => new Promise(() => {});
    await returnTo({ target: 'AppAuthSuccess', wctoken: 't4', actionqs: createRoundTripState(undefined) });
    const connecting = await spanish(slowProxy);
    await waitUntil(() => connecting.matches(':state(pending)'));
    await expectNoEnglish(connecting, 'connecting');

    await returnTo({ target: 'AppAuthReject', actionqs: createRoundTripState(undefined) });
    await expectNoEnglish(await spanish(new FakeProxy()), 'declined');

    const downProxy = new FakeProxy();
    downProxy.failSignIn = new HvError('network', 'The proxy could not be reached.', { retryable: true });
    await returnTo({ target: 'AppAuthSuccess', wctoken: 't5', actionqs: createRoundTripState(undefined) });
    const failed = await spanish(downProxy);
    await waitUntil(() => failed.shadowRoot!.querySelector('[part="message"]'));
    await expectNoEnglish(failed, 'failed');

    const signedIn = new FakeProxy(() => personInfoNode('Ana Ruiz'));
    signedIn.signedIn = true;
    const connected = await spanish(signedIn);
    await waitUntil(() => connected.matches(':state(authorized)'));
    await expectNoEnglish(connected, 'connected');
  });
});
