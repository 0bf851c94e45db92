import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { startShellPage } from '../../demo/shell/shell-page.js';
import { Methods } from '../../src/core/platform/methods.js';
import { createClock } from '../../src/mock/clock.js';
import { DEMO_ACTION_URL, DEMO_APP_ID, type ScenarioName } from '../../src/mock/scenarios.js';
import type { TokenPost } from '../../src/mock/shell-flow.js';
import { createSimulator, type Simulator } from '../../src/mock/simulator.js';
import type { SimulatorState } from '../../src/mock/state.js';
import { call, records, TEST_START } from './helpers.js';

function shellSearch(target: string, params: Record<string, string>): string {
  const inner = Object.entries({ appid: DEMO_APP_ID, ...params })
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&');
  return `?target=${target}&targetqs=${encodeURIComponent(inner)}`;
}

interface Page {
  root: HTMLElement;
  simulator: Simulator;
  /** Resolves with the URL the page leaves for. */
  left: Promise<URL>;
  /** Resolves with the form the page posts back (trm=post). */
  posted?: Promise<TokenPost>;
}

async function shellPage(
  source: ScenarioName | SimulatorState,
  target: string,
  params: Record<string, string> = {},
): Promise<Page> {
  const root = await fixture<HTMLElement>(html`<main></main>`);
  const clock = createClock(TEST_START);
  const simulator =
    typeof source === 'string'
      ? createSimulator({ scenario: source, clock })
      : createSimulator({ state: source, clock });
  let navigate!: (url: string) => void;
  const left = new Promise<URL>((resolve) => (navigate = (url) => resolve(new URL(url))));
  let post!: (form: TokenPost) => void;
  const posted = new Promise<TokenPost>((resolve) => (post = resolve));
  startShellPage({ root, search: shellSearch(target, params), shell: simulator.shell, navigate, post });
  return { root, simulator, left, posted };
}

const byId = <T extends HTMLElement>(root: HTMLElement, id: string) => root.querySelector<T>(`#${CSS.escape(id)}`)!;
const heading = (root: HTMLElement) => root.querySelector('h1')?.textContent;

async function signIn(page: Page, personId: string): Promise<void> {
  byId<HTMLInputElement>(page.root, `person-${personId}`).click();
  byId(page.root, 'sign-in').click();
  await waitUntil(() => heading(page.root) !== 'Sign in to HealthVault', 'the Shell never left the sign-in page');
}

describe('simulated Shell page', () => {
  it('signs a new user in, authorizes with the chosen optional rules and returns AppAuthSuccess', async () => {
    const page = await shellPage('new-user', 'AUTH', {
      actionqs: 'demo-return',
      redirect: 'http://localhost:5173/demo',
    });
    expect(heading(page.root)).to.equal('Sign in to HealthVault');
    expect(page.root.querySelector('label[for="person-avery"]')?.textContent).to.equal('Avery Quinn');
    await expect(page.root).to.be.accessible();

    await signIn(page, 'avery');
    expect(heading(page.root)).to.equal('Authorize hv-elements Demo Clinic');
    expect(document.activeElement).to.equal(page.root.querySelector('h1'));
    const record = byId<HTMLInputElement>(page.root, 'record-1');
    expect([record.type, record.checked, page.root.querySelector('label[for="record-1"]')?.textContent]).to.deep.equal([
      'radio',
      true,
      'Avery Quinn (Self)',
    ]);
    expect(page.root.textContent).to.contain('Read: Medications, Allergies');
    const weight = byId<HTMLInputElement>(page.root, 'optional-rule-weight');
    expect(weight.checked, 'CheckedFirstTime').to.equal(true);
    expect(byId(page.root, 'approve').textContent).to.equal('Approve and continue');
    await expect(page.root).to.be.accessible();

    weight.click();
    byId(page.root, 'approve').click();
    const url = await page.left;
    expect(`${url.origin}${url.pathname}`).to.equal('http://localhost:5173/demo');
    expect(url.searchParams.get('target')).to.equal('AppAuthSuccess');
    expect(url.searchParams.get('actionqs')).to.equal('demo-return');
    expect(page.simulator.shell.records('avery', DEMO_APP_ID)[0]).to.include({ authAction: 'NoActionRequired' });
    expect(page.simulator.shell.records('avery', DEMO_APP_ID)[0]!.grantedOptionalRules).to.deep.equal([]);

    await page.simulator.openProxySession(
      DEMO_APP_ID,
      url.searchParams.get('wctoken')!,
      url.searchParams.get('instanceId')!,
    );
    expect(records(call(page.simulator, Methods.GetPersonInfo)).map((r) => r['name'])).to.deep.equal(['Avery Quinn']);
  });

  it('Cancel returns AppAuthReject with the actionqs and authorizes nothing', async () => {
    const page = await shellPage('new-user', 'AUTH', { actionqs: 'state-123' });
    await signIn(page, 'avery');
    byId(page.root, 'cancel').click();
    const url = await page.left;
    expect(url.search).to.equal('?target=AppAuthReject&actionqs=state-123');
    expect(page.simulator.shell.records('avery', DEMO_APP_ID)[0]!.authAction).to.equal('AuthorizationRequired');
  });

  it('with trm=post, posts the token to the return URL as a form field, target and actionqs in its query', async () => {
    const page = await shellPage('new-user', 'AUTH', {
      actionqs: 'state-9',
      redirect: 'http://localhost:5173/hv/shell-return',
      trm: 'Post',
    });
    await signIn(page, 'avery');
    byId(page.root, 'approve').click();
    const { action, fields } = await page.posted!;
    expect(action).to.equal('http://localhost:5173/hv/shell-return?target=AppAuthSuccess&actionqs=state-9');
    expect(Object.keys(fields)).to.deep.equal(['wctoken', 'instanceId']);
    expect(fields['instanceId']).to.equal('1');
    expect(fields['wctoken']).to.have.length.above(20);
  });

  it('with trm=post, a decline is still a redirect (it carries no token)', async () => {
    const page = await shellPage('new-user', 'AUTH', { actionqs: 's', trm: 'Post' });
    await signIn(page, 'avery');
    byId(page.root, 'cancel').click();
    expect((await page.left).searchParams.get('target')).to.equal('AppAuthReject');
  });

  it('returns at once for a returning user (AUTH), keyboard only', async () => {
    const page = await shellPage('returning-user', 'AUTH');
    await sendKeys({ press: 'Tab' }); // the checked person
    await sendKeys({ press: 'Tab' }); // Sign in
    expect(document.activeElement?.id).to.equal('sign-in');
    await sendKeys({ press: 'Enter' });
    expect((await page.left).searchParams.get('target')).to.equal('AppAuthSuccess');
  });

  it('offers records as checkboxes to a multi-record application and needs at least one', async () => {
    const page = await shellPage('multi-record', 'AUTH', { ismra: 'true' });
    await signIn(page, 'sam');
    const boxes = [1, 2, 3].map((n) => byId<HTMLInputElement>(page.root, `record-${n}`));
    expect(boxes.map((box) => [box.type, box.checked])).to.deep.equal([
      ['checkbox', true],
      ['checkbox', false],
      ['checkbox', false],
    ]);
    boxes[0]!.click();
    byId(page.root, 'approve').click();
    expect(byId(page.root, 'authorize-error').textContent).to.equal('Choose at least one record.');
    boxes[1]!.click();
    boxes[2]!.click();
    byId(page.root, 'approve').click();
    await page.left;
    expect(page.simulator.shell.records('sam', DEMO_APP_ID).map((r) => r.authAction)).to.deep.equal([
      'AuthorizationRequired',
      'NoActionRequired',
      'NoActionRequired',
    ]);
  });

  it('disables and explains a record the person cannot authorize', async () => {
    const page = await shellPage('reauth-required', 'AUTH');
    await signIn(page, 'taylor');
    const spouse = byId<HTMLInputElement>(page.root, 'record-2');
    expect(spouse.disabled).to.equal(true);
    expect(byId(page.root, spouse.getAttribute('aria-describedby')!).textContent).to.match(
      /cannot authorize applications/,
    );
  });

  it('reauthorizes the record APPAUTH names: back to NoActionRequired, keyboard only', async () => {
    const simulator = createSimulator({ scenario: 'reauth-required', clock: createClock(TEST_START) });
    await simulator.openProxySession(DEMO_APP_ID, await simulator.shell.signIn('taylor', DEMO_APP_ID), '1');
    const own = records(call(simulator, Methods.GetPersonInfo))[0]!['id']!; // the id the application knows
    const page = await shellPage(simulator.snapshot(), 'APPAUTH', { extrecordid: own });
    await signIn(page, 'taylor');
    const record = byId<HTMLInputElement>(page.root, 'record-1');
    expect(page.root.querySelector('#record-2')).to.equal(null);
    expect(byId(page.root, record.getAttribute('aria-describedby')!).textContent).to.equal(
      'The application now asks for more than you allowed.',
    );
    await expect(page.root).to.be.accessible();
    byId(page.root, 'approve').focus();
    await sendKeys({ press: 'Enter' });
    expect((await page.left).searchParams.get('target')).to.equal('AppAuthSuccess');
    expect(page.simulator.shell.records('taylor', DEMO_APP_ID).map((r) => r.authAction)).to.deep.equal([
      'NoActionRequired',
      'ReauthorizationNotPossible',
    ]);
  });

  it('returns SelectedRecordChanged when the person picks another record for a single-record application', async () => {
    const page = await shellPage('read-only-record', 'AUTH', { forceappauth: 'true' });
    await signIn(page, 'alex');
    const [own, child] = [1, 2].map((n) => byId<HTMLInputElement>(page.root, `record-${n}`));
    expect([own!.checked, child!.checked, child!.disabled]).to.deep.equal([true, false, false]);
    child!.click();
    byId(page.root, 'approve').click();
    const url = await page.left;
    expect(url.searchParams.get('target')).to.equal('SelectedRecordChanged');
    expect(url.searchParams.get('wctoken')).to.have.length.above(20);
    expect(page.simulator.shell.selectedRecord('alex', DEMO_APP_ID)).to.equal(child!.value);
  });

  it('answers APPAUTH for a record the application was never given with AppAuthInvalidRecord', async () => {
    const page = await shellPage('returning-user', 'APPAUTH', { extrecordid: crypto.randomUUID() });
    byId(page.root, 'sign-in').click();
    expect((await page.left).searchParams.get('target')).to.equal('AppAuthInvalidRecord');
  });

  it('shows its error page for a request it cannot serve; with no application to go back to, says to close the tab', async () => {
    const page = await shellPage('new-user', 'AUTH', { appid: 'not-a-guid' });
    expect(heading(page.root)).to.equal('HealthVault cannot continue');
    expect(byId(page.root, 'shell-error').textContent).to.equal('The application id "not-a-guid" is not a GUID.');
    expect(byId(page.root, 'close-tab').textContent).to.match(/You can close this tab\.$/);
    expect(page.root.querySelector('#return')).to.equal(null);
    await expect(page.root).to.be.accessible();
  });

  it('leads from its error page back to a known application: AppAuthFailure with the actionqs', async () => {
    const page = await shellPage('new-user', 'SHARERECORD', { actionqs: 'state-7' });
    expect(byId(page.root, 'shell-error').textContent).to.match(/got "SHARERECORD"/);
    expect(page.root.querySelector('#close-tab')).to.equal(null);
    expect(byId(page.root, 'return').textContent).to.equal('Return to the application');
    await expect(page.root).to.be.accessible();
    byId(page.root, 'return').click();
    expect((await page.left).href).to.equal(`${DEMO_ACTION_URL}?target=AppAuthFailure&actionqs=state-7`);
  });

  for (const target of ['AUTH', 'APPAUTH']) {
    it(`${target}: Cancel on the sign-in page returns AppAuthReject with the actionqs`, async () => {
      const page = await shellPage('returning-user', target, { actionqs: 'state-5' });
      expect(byId(page.root, 'cancel').textContent).to.equal('Cancel');
      byId(page.root, 'cancel').click();
      expect((await page.left).search).to.equal('?target=AppAuthReject&actionqs=state-5');
      expect(page.simulator.snapshot().proxySessions).to.deep.equal({});
    });
  }

  it("links to the application's privacy statement and terms, in a new tab, from the authorization page", async () => {
    const page = await shellPage('new-user', 'AUTH', { actionqs: 'hvstate=1' });
    await signIn(page, 'avery');
    const privacy = byId<HTMLAnchorElement>(page.root, 'privacy-link');
    const terms = byId<HTMLAnchorElement>(page.root, 'terms-link');
    expect([privacy.href, terms.href]).to.deep.equal([
      `${DEMO_ACTION_URL}?target=Privacy`,
      `${DEMO_ACTION_URL}?target=ServiceAgreement`,
    ]);
    expect([privacy.textContent, terms.textContent]).to.deep.equal([
      'Privacy statement of hv-elements Demo Clinic (opens in a new tab)',
      'Terms of use of hv-elements Demo Clinic (opens in a new tab)',
    ]);
    expect([privacy.target, privacy.rel, terms.target, terms.rel]).to.deep.equal([
      '_blank',
      'noopener',
      '_blank',
      'noopener',
    ]);
    await expect(page.root).to.be.accessible();
  });

  describe('in Spanish', () => {
    afterEach(() => {
      document.documentElement.lang = 'en';
    });

    it('culture es-MX: lang="es" on the page, and every word of the Shell in Spanish', async () => {
      const page = await shellPage('new-user', 'AUTH', { culture: 'es-MX' });
      expect(document.documentElement.lang).to.equal('es');
      expect(document.title).to.equal('HealthVault (Shell simulado)');
      expect(heading(page.root)).to.equal('Iniciar sesión en HealthVault');
      expect(page.root.querySelector('legend')?.textContent).to.equal('Elija quién inicia sesión');
      expect([byId(page.root, 'sign-in').textContent, byId(page.root, 'cancel').textContent]).to.deep.equal([
        'Iniciar sesión',
        'Cancelar',
      ]);
      await expect(page.root).to.be.accessible();
      await signIn(page, 'avery');
      expect(heading(page.root)).to.equal('Autorizar a hv-elements Demo Clinic');
      expect(page.root.querySelector('label[for="record-1"]')?.textContent).to.equal('Avery Quinn (Yo)');
      expect(byId(page.root, 'approve').textContent).to.equal('Aprobar y continuar');
      expect(byId(page.root, 'privacy-link').textContent).to.equal(
        'Declaración de privacidad de hv-elements Demo Clinic (se abre en una pestaña nueva)',
      );
      expect(page.root.textContent).to.contain('Leer: Medicamentos, Alergias (mientras tenga la sesión iniciada)');
      await expect(page.root).to.be.accessible();
    });

    it('lcid 3082 (es-ES) too; any other culture is English', async () => {
      await shellPage('new-user', 'AUTH', { lcid: '3082' });
      expect(document.documentElement.lang).to.equal('es');
      const french = await shellPage('new-user', 'AUTH', { culture: 'fr-FR' });
      expect(document.documentElement.lang).to.equal('en');
      expect(heading(french.root)).to.equal('Sign in to HealthVault');
    });
  });

  it('shows strings from the application configuration as text, never as markup', async () => {
    const state = createSimulator({ scenario: 'new-user' }).snapshot();
    const app = state.applications[DEMO_APP_ID]!;
    app.name = '<img src=x id=injected>';
    app.rules[0]!.reason = '<b id=bold>why</b>';
    state.people['avery']!.name = '<i id=italic>Avery</i>';
    const page = await shellPage(state, 'AUTH');
    expect(page.root.querySelector('label')?.textContent).to.equal('<i id=italic>Avery</i>');
    await signIn(page, 'avery');
    expect(heading(page.root)).to.equal('Authorize <img src=x id=injected>');
    expect(page.root.textContent).to.contain('<b id=bold>why</b>');
    expect(page.root.querySelector('#injected, #bold, #italic')).to.equal(null);
  });

  describe('CONNECT and PICKUP', () => {
    const REQUEST_CODE = 'KZTR-MVNP-QDWX-HLBC-JRSF';
    const PACKAGE_CODE = 'PKGD-WNRT-XBQV-MZLH-CJSY';

    interface CodePage extends Page {
      /** How often the page went back (its Back button). */
      backs: () => number;
    }

    /** The Shell page for `target` on `scenario`, with `packageid` when given, `advanceMs` after the scenario began. */
    async function codePage(
      scenario: ScenarioName,
      target: 'CONNECT' | 'PICKUP',
      packageId?: string,
      advanceMs = 0,
    ): Promise<CodePage> {
      const root = await fixture<HTMLElement>(html`<main></main>`);
      const clock = createClock(TEST_START);
      const simulator = createSimulator({ scenario, clock });
      clock.advance(advanceMs);
      let navigate!: (url: string) => void;
      const left = new Promise<URL>((resolve) => (navigate = (url) => resolve(new URL(url))));
      let backs = 0;
      const search =
        packageId === undefined
          ? `?target=${target}`
          : `?target=${target}&targetqs=${encodeURIComponent(`packageid=${packageId}`)}`;
      startShellPage({ root, search, shell: simulator.shell, navigate, back: () => backs++ });
      return { root, simulator, left, backs: () => backs };
    }

    function type(root: HTMLElement, id: string, value: string, submit: string): void {
      byId<HTMLInputElement>(root, id).value = value;
      byId(root, submit).click();
    }

    it('CONNECT: sign-in, the question (a wrong answer says the tries left), the record and rules, the confirmation, back with AppAuthSuccess', async () => {
      const page = await codePage('connect-request', 'CONNECT', REQUEST_CODE);
      expect(heading(page.root)).to.equal('Sign in to HealthVault');
      expect(page.root.textContent).to.contain('to connect to hv-elements Demo Clinic');
      await signIn(page, 'morgan');
      expect(heading(page.root)).to.equal('Answer the question');
      expect(page.root.querySelector('label[for="answer"]')?.textContent).to.equal(
        'What was the name of your first pet?',
      );
      await expect(page.root).to.be.accessible();

      type(page.root, 'answer', 'Rex', 'check-answer');
      expect(byId(page.root, 'answer-error').textContent).to.equal('That is not the answer. You have 2 tries left.');
      type(page.root, 'answer', 'biscuit', 'check-answer');
      expect(heading(page.root)).to.equal('Authorize hv-elements Demo Clinic');
      expect(page.root.textContent).to.contain('asks to connect to your record: Morgan Blake.');
      expect(byId<HTMLInputElement>(page.root, 'record-1')).to.include({ type: 'radio', checked: true });
      await expect(page.root).to.be.accessible();

      byId(page.root, 'approve').click();
      await waitUntil(() => heading(page.root) === 'Connected', 'no confirmation');
      expect(byId(page.root, 'done').textContent).to.equal(
        'hv-elements Demo Clinic can now use the record of Morgan Blake.',
      );
      expect(byId(page.root, 'return').textContent).to.equal('Return to hv-elements Demo Clinic');
      await expect(page.root).to.be.accessible();
      byId(page.root, 'return').click();
      const url = await page.left;
      expect(url.search).to.equal('?target=AppAuthSuccess&instanceId=1');
      expect(page.simulator.connectRequests()[0]).to.include({ status: 'validated', pickups: 1 });
    });

    it('CONNECT: the third wrong answer locks the code; the error page leads back to the application', async () => {
      const page = await codePage('connect-request', 'CONNECT', REQUEST_CODE);
      await signIn(page, 'morgan');
      type(page.root, 'answer', 'Rex', 'check-answer');
      type(page.root, 'answer', 'Max', 'check-answer');
      expect(byId(page.root, 'answer-error').textContent).to.contain('1 try left');
      type(page.root, 'answer', 'Fido', 'check-answer');
      expect(heading(page.root)).to.equal('HealthVault cannot continue');
      expect(byId(page.root, 'shell-error').textContent).to.contain('answered wrongly three times');
      await expect(page.root).to.be.accessible();
      byId(page.root, 'return').click();
      expect((await page.left).search).to.equal('?target=AppAuthFailure');
      expect(page.simulator.connectRequests()[0]!.status).to.equal('locked');
    });

    for (const [where, reach] of [
      ['sign-in', async () => undefined],
      ['question', async (page: CodePage) => signIn(page, 'morgan')],
      [
        'authorization',
        async (page: CodePage) => {
          await signIn(page, 'morgan');
          type(page.root, 'answer', 'Biscuit', 'check-answer');
        },
      ],
    ] as const) {
      it(`CONNECT: Cancel on the ${where} page returns AppAuthReject and connects nothing`, async () => {
        const page = await codePage('connect-request', 'CONNECT', REQUEST_CODE);
        await reach(page);
        byId(page.root, 'cancel').click();
        expect((await page.left).search).to.equal('?target=AppAuthReject');
        expect(page.simulator.connectRequests()[0]!.status).to.equal('pending');
      });
    }

    it('CONNECT: says when an expired code expired, with the way back', async () => {
      const page = await codePage('connect-request', 'CONNECT', REQUEST_CODE, 30 * 24 * 60 * 60 * 1000);
      expect(byId(page.root, 'shell-error').textContent).to.equal(
        'This identity code expired on December 18, 2026. Ask hv-elements Demo Clinic for a new one.',
      );
      byId(page.root, 'return').click();
      expect((await page.left).search).to.equal('?target=AppAuthFailure');
    });

    it('CONNECT without a code asks for it, says what is wrong with what was typed, and Cancel goes back', async () => {
      const page = await codePage('connect-request', 'CONNECT');
      expect(heading(page.root)).to.equal('Enter your identity code');
      expect(page.root.querySelector('label[for="identity-code"]')?.textContent).to.equal('Identity code');
      await expect(page.root).to.be.accessible();
      type(page.root, 'identity-code', 'KZTR-MVNP', 'continue');
      expect(byId(page.root, 'code-error').textContent).to.equal('That is 8 letters; an identity code has 20.');
      expect(byId<HTMLInputElement>(page.root, 'identity-code').value, 'kept to be corrected').to.equal('KZTR-MVNP');
      type(page.root, 'identity-code', 'BCDF-GHJK-LMNP-QRST-VWXZ', 'continue');
      expect(byId(page.root, 'code-error').textContent).to.contain('No connect request or package has this');
      expect(byId(page.root, 'code-error').textContent).to.not.contain('BCDF');
      byId(page.root, 'cancel').click();
      expect(page.backs()).to.equal(1);
      type(page.root, 'identity-code', ' kztr mvnp qdwx hlbc jrsf ', 'continue');
      expect(heading(page.root)).to.equal('Sign in to HealthVault');
    });

    it('CONNECT without a code and no page to go back to: Cancel says nothing was shared and to close the tab', async () => {
      const root = await fixture<HTMLElement>(html`<main></main>`);
      const simulator = createSimulator({ scenario: 'connect-request', clock: createClock(TEST_START) });
      startShellPage({ root, search: '?target=CONNECT', shell: simulator.shell, navigate: () => undefined });
      byId(root, 'cancel').click();
      expect(heading(root)).to.equal('Nothing was shared');
      expect(byId(root, 'done').textContent).to.contain('You can close this tab');
      await expect(root).to.be.accessible();
    });

    it('PICKUP: sign-in, the question, the record, "added to your record", back with Home', async () => {
      const page = await codePage('pickup-package', 'PICKUP', PACKAGE_CODE);
      expect(page.root.textContent).to.contain('to pick up a package from hv-elements Demo Clinic');
      await signIn(page, 'dana');
      type(page.root, 'answer', 'Porto', 'check-answer');
      expect(byId(page.root, 'answer-error').textContent).to.contain('2 tries left');
      type(page.root, 'answer', 'Lisbon', 'check-answer');
      expect(heading(page.root)).to.equal('Pick up your package');
      expect([...byId(page.root, 'package-contents').children].map((li) => li.textContent)).to.deep.equal([
        'Lipid panel: total cholesterol 182 mg/dL, LDL 96 mg/dL, HDL 58 mg/dL',
        'Blood pressure: 118/76 mmHg, pulse 64',
      ]);
      expect(byId<HTMLInputElement>(page.root, 'record-1').checked).to.equal(true);
      await expect(page.root).to.be.accessible();
      byId(page.root, 'add-to-record').click();
      expect(heading(page.root)).to.equal('Added to your record');
      expect(byId(page.root, 'done').textContent).to.equal('Added to the record of Dana Whitfield:');
      await expect(page.root).to.be.accessible();
      byId(page.root, 'return').click();
      expect((await page.left).search).to.equal('?target=Home');
      expect(page.simulator.packages()[0]!.status).to.equal('picked-up');
    });

    it('PICKUP: Cancel on the record page returns AppAuthReject and adds nothing', async () => {
      const page = await codePage('pickup-package', 'PICKUP', PACKAGE_CODE);
      await signIn(page, 'dana');
      type(page.root, 'answer', 'Lisbon', 'check-answer');
      byId(page.root, 'cancel').click();
      expect((await page.left).search).to.equal('?target=AppAuthReject');
      expect(page.simulator.packages()[0]!.status).to.equal('waiting');
    });
  });
});
