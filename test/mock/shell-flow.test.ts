import { expect } from '@open-wc/testing';
import { Methods } from '../../src/core/platform/methods.js';
import { createClock } from '../../src/mock/clock.js';
import { DEMO_APP_ID, DEMO_ACTION_URL, OTHER_APP_ID, ThingType, type ScenarioName } from '../../src/mock/scenarios.js';
import {
  afterSignIn,
  approve,
  isAllowedReturnUrl,
  openShellRequest,
  parseShellRequest,
  rejectUrl,
  type AuthorizationPage,
  type NextStep,
  type OpenedRequest,
} from '../../src/mock/shell-flow.js';
import { createSimulator, type ShellApi } from '../../src/mock/simulator.js';
import { expectValid, schemasReady } from '../helpers/xsd.js';
import { call, infoDocument, parseXml, records, TEST_START } from './helpers.js';

/** A Shell request URL's query as the kit builds it: each targetqs value encoded, then the whole targetqs again. */
function shellQuery(target: string, params: Record<string, string>, { leadingQuestionMark = false } = {}): string {
  const inner = Object.entries(params)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&');
  return `?target=${target}&targetqs=${encodeURIComponent((leadingQuestionMark ? '?' : '') + inner)}`;
}

function opening(shell: ShellApi, query: string): OpenedRequest {
  const opened = openShellRequest(shell, query);
  if (!opened.ok) throw new Error(opened.problem);
  return opened.value;
}

function open(scenario: ScenarioName, target: string, params: Record<string, string>) {
  const simulator = createSimulator({ scenario, clock: createClock(TEST_START) });
  return { simulator, opened: opening(simulator.shell, shellQuery(target, { appid: DEMO_APP_ID, ...params })) };
}

function page(step: NextStep): AuthorizationPage {
  if (step.kind !== 'authorize') throw new Error(`expected the authorization page, got ${JSON.stringify(step)}`);
  return step.page;
}

function returned(step: NextStep): URL {
  if (step.kind !== 'return') throw new Error(`expected a return, got ${JSON.stringify(step)}`);
  return new URL(step.url);
}

describe('simulated Shell flow', () => {
  describe('parseShellRequest', () => {
    it('decodes targetqs twice, with or without a leading "?", reading names in any casing', () => {
      const actionqs = 'state=a+b/c%&next=/x?y=1';
      for (const leadingQuestionMark of [false, true]) {
        const query = shellQuery(
          'appauth',
          {
            AppId: DEMO_APP_ID,
            isMra: 'True',
            extrecordid: OTHER_APP_ID,
            actionqs,
            onopt1: 'weight',
            onopt2: 'blood pressure',
            offopt1: 'offline-sync',
            redirect: 'http://localhost:5173/back?x=1',
          },
          { leadingQuestionMark },
        );
        const parsed = parseShellRequest(query);
        expect(parsed).to.deep.equal({
          ok: true,
          value: {
            target: 'APPAUTH',
            language: 'en',
            appId: DEMO_APP_ID,
            multiRecord: true,
            forceAppAuth: false,
            onlineOptionalRules: ['weight', 'blood pressure'],
            offlineOptionalRules: ['offline-sync'],
            recordId: OTHER_APP_ID,
            actionqs,
            redirect: 'http://localhost:5173/back?x=1',
          },
        });
      }
    });

    it('reads the reference example: AUTH with forceappauth and an optional rule', () => {
      const parsed = parseShellRequest(
        `?target=AUTH&targetqs=appid%3d${DEMO_APP_ID}%26forceappauth%3dtrue%26onopt1%3dweight%26onopt3%3dskipped`,
      );
      expect(parsed.ok && parsed.value).to.include({ target: 'AUTH', forceAppAuth: true, multiRecord: false });
      expect(parsed.ok && parsed.value).to.deep.include({ onlineOptionalRules: ['weight'] }); // from 1, no gaps
      expect(parsed.ok && 'recordId' in parsed.value).to.equal(false);
    });

    const refused: [what: string, query: string, problem: RegExp][] = [
      [
        'another target',
        shellQuery('SHARERECORD', { appid: DEMO_APP_ID }),
        /AUTH, APPAUTH, CONNECT and PICKUP targets only; got "SHARERECORD"/,
      ],
      ['no target', `?targetqs=${encodeURIComponent(`appid=${DEMO_APP_ID}`)}`, /got ""/],
      ['no appid', '?target=AUTH', /application id "" is not a GUID/],
      ['an appid that is not a GUID', shellQuery('AUTH', { appid: 'demo' }), /"demo" is not a GUID/],
      [
        'a list of appids',
        shellQuery('APPAUTH', { appid: `${DEMO_APP_ID},${OTHER_APP_ID}` }),
        /one application at a time/,
      ],
      [
        'an http redirect elsewhere',
        shellQuery('AUTH', { appid: DEMO_APP_ID, redirect: 'http://example.com/' }),
        /must be an https URL/,
      ],
      [
        'a javascript: redirect',
        shellQuery('AUTH', { appid: DEMO_APP_ID, redirect: 'javascript:alert(1)' }),
        /is not allowed/,
      ],
    ];
    for (const [what, query, problem] of refused) {
      it(`refuses ${what}`, () => {
        const parsed = parseShellRequest(query);
        expect(parsed.ok).to.equal(false);
        expect(!parsed.ok && parsed.problem).to.match(problem);
      });
    }
  });

  describe('culture', () => {
    const languages: [params: Record<string, string>, language: string][] = [
      [{ culture: 'es-ES' }, 'es'],
      [{ culture: 'es-MX' }, 'es'],
      [{ Culture: 'ES' }, 'es'],
      [{ culture: 'en-US' }, 'en'],
      [{ culture: 'fr-FR' }, 'en'],
      [{ culture: 'est' }, 'en'],
      [{ lcid: '3082' }, 'es'], // es-ES
      [{ lcid: '2058' }, 'es'], // es-MX
      [{ lcid: '1033' }, 'en'],
      [{ lcid: 'spanish' }, 'en'],
      [{ culture: 'en-GB', lcid: '3082' }, 'en'],
      [{}, 'en'],
    ];
    for (const [params, language] of languages) {
      it(`${JSON.stringify(params)} → ${language}`, () => {
        const parsed = parseShellRequest(shellQuery('AUTH', { appid: DEMO_APP_ID, ...params }));
        expect(parsed.ok && parsed.value.language).to.equal(language);
      });
    }

    it("words the Shell's problems, notes and rules in Spanish", async () => {
      const parsed = parseShellRequest(shellQuery('AUTH', { appid: 'demo', culture: 'es-MX' }));
      expect(!parsed.ok && parsed.problem).to.equal('El identificador de aplicación "demo" no es un GUID.');
      const { simulator, opened } = open('reauth-required', 'AUTH', { culture: 'es-ES' });
      const shown = page(await afterSignIn(simulator.shell, opened, 'taylor'));
      expect(shown.records.map((r) => [r.relName, r.note])).to.deep.equal([
        ['Yo', 'La aplicación ahora pide más de lo que usted permitió.'],
        ['Cónyuge', 'Puede ver este registro, pero no autorizar aplicaciones para él.'],
      ]);
      expect(shown.requiredRules.map((r) => r.access)).to.deep.equal(['Leer: Medicamentos, Alergias']);
      // The application's reason in the Shell's language, where the application gives one.
      expect(shown.requiredRules.map((r) => r.reason)).to.deep.equal([
        'Muestra sus medicamentos y alergias actuales en su panel para que pueda revisarlos antes de una visita.',
      ]);
    });
  });

  describe('the way back from the error page', () => {
    const cases: [what: string, params: Record<string, string>, target: string, returnUrl: string | undefined][] = [
      [
        'an optional rule the application does not have',
        { appid: DEMO_APP_ID, onopt1: 'nope', actionqs: 's 1' },
        'AUTH',
        `${DEMO_ACTION_URL}?target=AppAuthFailure&actionqs=s+1`,
      ],
      [
        'a target the Shell does not play, for a known application, to its allowed redirect',
        { appid: DEMO_APP_ID, redirect: 'https://partner.example.com/back' },
        'SHARERECORD',
        'https://partner.example.com/back?target=AppAuthFailure',
      ],
      [
        'a redirect that is not allowed: to the registered action URL instead',
        { appid: DEMO_APP_ID, redirect: 'http://example.com/' },
        'AUTH',
        `${DEMO_ACTION_URL}?target=AppAuthFailure`,
      ],
      [
        'an application HealthVault does not know',
        { appid: '00000000-0000-0000-0000-000000000000' },
        'AUTH',
        undefined,
      ],
      ['an appid that is not a GUID', { appid: 'demo' }, 'AUTH', undefined],
      ['no appid', {}, 'APPAUTH', undefined],
    ];
    for (const [what, params, target, returnUrl] of cases) {
      it(`${what}: ${returnUrl ?? 'none, the page says to close the tab'}`, () => {
        const opened = openShellRequest(createSimulator().shell, shellQuery(target, params));
        expect(opened.ok).to.equal(false);
        expect(!opened.ok && opened.returnUrl).to.equal(returnUrl);
      });
    }
  });

  it('isAllowedReturnUrl accepts https and http on this machine only', () => {
    const cases: [string, boolean][] = [
      ['https://partner.example.com/hv', true],
      ['http://localhost:5173/', true],
      ['http://127.0.0.1:8000/x', true],
      ['http://[::1]/', true],
      ['http://partner.example.com/', false],
      ['ftp://localhost/', false],
      ['/relative', false],
    ];
    for (const [url, allowed] of cases) expect(isAllowedReturnUrl(url), url).to.equal(allowed);
  });

  describe('openShellRequest', () => {
    it('refuses an application HealthVault does not know, and optional rules it does not have', () => {
      const { shell } = createSimulator();
      const unknown = openShellRequest(shell, shellQuery('AUTH', { appid: '00000000-0000-0000-0000-000000000000' }));
      expect(!unknown.ok && unknown.problem).to.match(/No application with id 00000000-/);
      const wrongScope = openShellRequest(shell, shellQuery('AUTH', { appid: DEMO_APP_ID, onopt1: 'offline-sync' }));
      expect(!wrongScope.ok && wrongScope.problem).to.match(/no optional online rule named "offline-sync"/);
      const required = openShellRequest(shell, shellQuery('AUTH', { appid: DEMO_APP_ID, onopt1: 'health-summary' }));
      expect(required.ok).to.equal(false);
    });
  });

  describe('afterSignIn', () => {
    it('AUTH for a returning user goes straight back with AppAuthSuccess, a token, instanceId (as the docs spell it) and the echoed actionqs', async () => {
      const { simulator, opened } = open('returning-user', 'AUTH', { actionqs: 'back to /meds&x' });
      const url = returned(await afterSignIn(simulator.shell, opened, 'jordan'));
      expect(`${url.origin}${url.pathname}`).to.equal(DEMO_ACTION_URL);
      expect([...url.searchParams.keys()]).to.deep.equal(['target', 'wctoken', 'instanceId', 'actionqs']);
      expect(url.searchParams.get('target')).to.equal('AppAuthSuccess');
      expect(url.searchParams.get('instanceId')).to.equal('1');
      expect(url.searchParams.get('actionqs')).to.equal('back to /meds&x');
      await simulator.openProxySession(DEMO_APP_ID, url.searchParams.get('wctoken')!, '1');
      expect(records(call(simulator, Methods.GetPersonInfo)).map((r) => r['name'])).to.deep.equal(['Jordan Lee']);
    });

    it('AUTH with forceappauth, and APPAUTH, show the authorization page even when nothing is missing', async () => {
      for (const [target, params] of [
        ['AUTH', { forceappauth: 'true' }],
        ['APPAUTH', {}],
      ] as const) {
        const { simulator, opened } = open('returning-user', target, params);
        const shown = page(await afterSignIn(simulator.shell, opened, 'jordan'));
        expect(shown.optionalRules.map((r) => [r.name, r.checked])).to.deep.equal([]);
      }
    });

    it('offers a new user the required rules, DisplayFirstTime rules (pre-checked with CheckedFirstTime) and the rules asked for', async () => {
      const { simulator, opened } = open('new-user', 'AUTH', { onopt1: 'blood-pressure', offopt1: 'offline-sync' });
      const shown = page(await afterSignIn(simulator.shell, opened, 'avery'));
      expect(shown).to.include({ appName: 'hv-elements Demo Clinic', multiRecord: false });
      expect(shown.records).to.deep.equal([
        {
          id: simulator.shell.records('avery', DEMO_APP_ID)[0]!.id,
          name: 'Avery Quinn',
          relName: 'Self',
          selectable: true,
          checked: true,
        },
      ]);
      expect(shown.requiredRules.map((r) => [r.name, r.access, r.scope])).to.deep.equal([
        ['health-summary', 'Read: Medications, Allergies', 'online'],
      ]);
      expect(shown.requiredRules[0]!.reason).to.match(/medications and allergies/);
      expect(shown.optionalRules.map((r) => [r.name, r.checked, r.scope])).to.deep.equal([
        ['weight', true, 'online'],
        ['blood-pressure', false, 'online'],
        ['offline-sync', false, 'offline'],
      ]);
    });

    it('offers DisplayFirstTime rules only on the first authorization, and checks rules already granted', async () => {
      const { simulator, opened } = open('returning-user', 'APPAUTH', { onopt1: 'blood-pressure' });
      const shown = page(await afterSignIn(simulator.shell, opened, 'jordan'));
      expect(shown.optionalRules.map((r) => [r.name, r.checked])).to.deep.equal([['blood-pressure', false]]);
      const again = open('returning-user', 'APPAUTH', { onopt1: 'weight' });
      expect(
        page(await afterSignIn(again.simulator.shell, again.opened, 'jordan')).optionalRules.map((r) => [
          r.name,
          r.checked,
        ]),
      ).to.deep.equal([['weight', true]]);
    });

    it('lets a multi-record application pick several records', async () => {
      const { simulator, opened } = open('multi-record', 'AUTH', { ismra: 'true' });
      const shown = page(await afterSignIn(simulator.shell, opened, 'sam'));
      expect(shown.multiRecord).to.equal(true);
      expect(shown.records.map((r) => [r.name, r.relName, r.selectable, r.checked])).to.deep.equal([
        ['Sam Rivera', 'Self', true, true],
        ['Mia Rivera', 'Child', true, false],
        ['Elena Rivera', 'Parent', true, false],
      ]);
    });

    it('asks for reauthorization of the grown rule and explains the records the person cannot authorize', async () => {
      const { simulator, opened } = open('reauth-required', 'AUTH', {});
      const shown = page(await afterSignIn(simulator.shell, opened, 'taylor'));
      expect(shown.records.map((r) => [r.name, r.selectable, r.checked, r.note])).to.deep.equal([
        ['Taylor Morgan', true, true, 'The application now asks for more than you allowed.'],
        ['Pat Morgan', false, false, 'You can view this record but cannot authorize applications for it.'],
      ]);
    });

    it('AUTH for a multi-record application goes back as soon as any record is fully authorized', async () => {
      const { simulator, opened } = open('suspended-record', 'AUTH', { ismra: 'true' });
      expect(returned(await afterSignIn(simulator.shell, opened, 'casey')).searchParams.get('target')).to.equal(
        'AppAuthSuccess',
      );
    });

    it('APPAUTH with extrecordid acts on that record only, and answers AppAuthInvalidRecord for one the app was never given', async () => {
      const { simulator } = open('multi-record', 'AUTH', { ismra: 'true' });
      const all = simulator.shell.records('sam', DEMO_APP_ID).map((r) => r.id);
      await simulator.openProxySession(
        DEMO_APP_ID,
        await simulator.shell.authorize({ personId: 'sam', appId: DEMO_APP_ID, recordIds: all }),
        '1',
      );
      const appFacing = records(call(simulator, Methods.GetPersonInfo));

      const named = opening(
        simulator.shell,
        shellQuery('APPAUTH', { appid: DEMO_APP_ID, extrecordid: appFacing[2]!['id']! }),
      );
      const shown = page(await afterSignIn(simulator.shell, named, 'sam'));
      expect(shown.records.map((r) => r.name)).to.deep.equal(['Elena Rivera']);

      const unknown = opening(
        simulator.shell,
        shellQuery('APPAUTH', { appid: DEMO_APP_ID, extrecordid: OTHER_APP_ID, actionqs: 'r' }),
      );
      const url = returned(await afterSignIn(simulator.shell, unknown, 'sam'));
      expect(url.search).to.equal('?target=AppAuthInvalidRecord&actionqs=r');
    });

    it('shows an error when none of the records can be authorized', async () => {
      const state = createSimulator({ scenario: 'suspended-record' }).snapshot();
      state.people['casey']!.records.shift(); // only the suspended record is left
      const simulator = createSimulator({ state });
      const opened = opening(simulator.shell, shellQuery('APPAUTH', { appid: DEMO_APP_ID }));
      expect(await afterSignIn(simulator.shell, opened, 'casey')).to.deep.equal({
        kind: 'error',
        message: 'None of your records can be authorized for hv-elements Demo Clinic.',
        returnUrl: `${DEMO_ACTION_URL}?target=AppAuthFailure`,
      });
    });
  });

  describe('returning to the application', () => {
    it('approve records the choices and returns with a token the proxy can use', async () => {
      const { simulator, opened } = open('multi-record', 'AUTH', { ismra: 'true', actionqs: 'mra' });
      const [, child, parent] = simulator.shell.records('sam', DEMO_APP_ID);
      const url = new URL(
        await approve(simulator.shell, opened, 'sam', {
          recordIds: [child!.id, parent!.id],
          optionalRules: { weight: false },
        }),
      );
      expect(url.searchParams.get('target')).to.equal('AppAuthSuccess');
      expect(url.searchParams.get('actionqs')).to.equal('mra');
      await simulator.openProxySession(
        DEMO_APP_ID,
        url.searchParams.get('wctoken')!,
        url.searchParams.get('instanceId')!,
      );
      expect(records(call(simulator, Methods.GetPersonInfo)).map((r) => r['name'])).to.deep.equal([
        'Mia Rivera',
        'Elena Rivera',
      ]);
    });

    it('APPAUTH for a record that needs reauthorization moves it back to NoActionRequired (seed 002)', async function () {
      const clock = createClock(TEST_START);
      const simulator = createSimulator({ scenario: 'reauth-required', clock });
      await simulator.openProxySession(DEMO_APP_ID, await simulator.shell.signIn('taylor', DEMO_APP_ID), '1');
      const [own, spouse] = records(call(simulator, Methods.GetPersonInfo));
      expect(own!['app-record-auth-action']).to.equal('ReauthorizationRequired');

      // What a badge sends for that record: APPAUTH with extrecordid, and the required rule's name.
      const opened = opening(
        simulator.shell,
        shellQuery('APPAUTH', { appid: DEMO_APP_ID, extrecordid: own!['id']!, actionqs: 'reauth' }),
      );
      const shown = page(await afterSignIn(simulator.shell, opened, 'taylor'));
      expect(shown.records.map((r) => [r.name, r.selectable, r.checked])).to.deep.equal([
        ['Taylor Morgan', true, true],
      ]);
      expect(shown.requiredRules.map((r) => r.access)).to.deep.equal(['Read: Medications, Allergies']);
      const url = new URL(
        await approve(simulator.shell, opened, 'taylor', { recordIds: [shown.records[0]!.id], optionalRules: {} }),
      );
      expect([url.searchParams.get('target'), url.searchParams.get('actionqs')]).to.deep.equal([
        'AppAuthSuccess',
        'reauth',
      ]);

      await simulator.openProxySession(DEMO_APP_ID, url.searchParams.get('wctoken')!, '1');
      const personInfo = call(simulator, Methods.GetPersonInfo);
      expect(records(personInfo).map((r) => [r['id'], r['app-record-auth-action']])).to.deep.equal([
        [own!['id'], 'NoActionRequired'],
        [spouse!['id'], 'ReauthorizationNotPossible'], // Taylor may only view Pat's record
      ]);
      expect(records(personInfo)[0]!['record-app-auth-created-date']).to.equal(own!['record-app-auth-created-date']);
      const types = `<thing-type-id>${ThingType.Medication}</thing-type-id><thing-type-id>${ThingType.Allergy}</thing-type-id>`;
      const permissions = call(simulator, Methods.QueryPermissions, types, { recordId: own!['id']! });
      const granted = [...parseXml(permissions).querySelectorAll('thing-type-permission')].map((p) => [
        p.querySelector('thing-type-id')!.textContent,
        p.querySelector('online-access-permissions')?.textContent,
        p.querySelector('offline-access-permissions')?.textContent,
      ]);
      // Allergy online now, and offline too: the optional offline rule granted before covers what it asks for now.
      expect(granted).to.deep.equal([
        [ThingType.Medication, 'Read', 'CreateReadUpdate'],
        [ThingType.Allergy, 'Read', 'CreateReadUpdate'],
      ]);
      if (!(await schemasReady(this))) return;
      await expectValid('response-getpersoninfo.xsd', infoDocument(personInfo));
      await expectValid('response-querypermissions.xsd', infoDocument(permissions));
    });

    it('reauth-not-possible: APPAUTH for the record cannot authorize it; the person may authorize another', async () => {
      const simulator = createSimulator({ scenario: 'reauth-not-possible', clock: createClock(TEST_START) });
      await simulator.openProxySession(DEMO_APP_ID, await simulator.shell.signIn('jamie', DEMO_APP_ID), '1');
      const [father] = records(call(simulator, Methods.GetPersonInfo));
      const named = opening(
        simulator.shell,
        shellQuery('APPAUTH', { appid: DEMO_APP_ID, extrecordid: father!['id']! }),
      );
      expect(await afterSignIn(simulator.shell, named, 'jamie')).to.deep.equal({
        kind: 'error',
        message: 'None of your records can be authorized for hv-elements Demo Clinic.',
        returnUrl: `${DEMO_ACTION_URL}?target=AppAuthFailure`,
      });
      const any = opening(simulator.shell, shellQuery('APPAUTH', { appid: DEMO_APP_ID }));
      expect(
        page(await afterSignIn(simulator.shell, any, 'jamie')).records.map((r) => [r.name, r.selectable, r.checked]),
      ).to.deep.equal([
        ['Jamie Ortiz', true, true],
        ['Luis Ortiz', false, false],
      ]);
    });

    it('authorization-required: APPAUTH with extrecordid lets the person authorize the record; then NoActionRequired', async function () {
      const simulator = createSimulator({ scenario: 'authorization-required', clock: createClock(TEST_START) });
      const [own, son] = records(call(simulator, Methods.GetPersonInfo));
      expect(son!['app-record-auth-action']).to.equal('AuthorizationRequired');

      const opened = opening(
        simulator.shell,
        shellQuery('APPAUTH', { appid: DEMO_APP_ID, extrecordid: son!['id']!, ismra: 'true', actionqs: 'leo' }),
      );
      const shown = page(await afterSignIn(simulator.shell, opened, 'robin'));
      expect(shown.records.map((r) => [r.name, r.selectable, r.checked, r.note])).to.deep.equal([
        ['Leo Hayes', true, true, undefined],
      ]);
      const url = new URL(
        await approve(simulator.shell, opened, 'robin', { recordIds: [shown.records[0]!.id], optionalRules: {} }),
      );
      expect([url.searchParams.get('target'), url.searchParams.get('actionqs')]).to.deep.equal([
        'AppAuthSuccess',
        'leo',
      ]);

      await simulator.openProxySession(DEMO_APP_ID, url.searchParams.get('wctoken')!, '1');
      const personInfo = call(simulator, Methods.GetPersonInfo);
      expect(records(personInfo).map((r) => [r['id'], r['app-record-auth-action']])).to.deep.equal([
        [own!['id'], 'NoActionRequired'],
        [son!['id'], 'NoActionRequired'],
      ]);
      expect(records(personInfo)[1]!['record-app-auth-created-date']).to.equal(new Date(TEST_START).toISOString());
      if (!(await schemasReady(this))) return;
      await expectValid('response-getpersoninfo.xsd', infoDocument(personInfo));
    });

    it('location-not-supported: APPAUTH cannot authorize the record, and says why', async () => {
      const simulator = createSimulator({ scenario: 'location-not-supported', clock: createClock(TEST_START) });
      const [, mother] = records(call(simulator, Methods.GetPersonInfo));
      const named = opening(
        simulator.shell,
        shellQuery('APPAUTH', { appid: DEMO_APP_ID, extrecordid: mother!['id']!, ismra: 'true' }),
      );
      expect(await afterSignIn(simulator.shell, named, 'priya')).to.deep.equal({
        kind: 'error',
        message: 'None of your records can be authorized for hv-elements Demo Clinic.',
        returnUrl: `${DEMO_ACTION_URL}?target=AppAuthFailure`,
      });
      const any = opening(simulator.shell, shellQuery('APPAUTH', { appid: DEMO_APP_ID, ismra: 'true' }));
      expect(
        page(await afterSignIn(simulator.shell, any, 'priya')).records.map((r) => [r.name, r.selectable, r.note]),
      ).to.deep.equal([
        ['Priya Shah', true, undefined],
        ['Asha Shah', false, "This application does not support records in this record's location."],
      ]);
      const ashaRecord = simulator.shell.records('priya', DEMO_APP_ID)[1]!.id;
      const refused = await simulator.shell
        .authorize({ personId: 'priya', appId: DEMO_APP_ID, recordIds: [ashaRecord] })
        .then(undefined, (error: Error) => error.message);
      expect(refused).to.contain('cannot authorize applications for record');
      expect(records(call(simulator, Methods.GetPersonInfo))[1]!['app-record-auth-action']).to.equal(
        'RecordLocationNotSupported',
      );
    });

    describe('a record switch', () => {
      /** Sam (multi-record) has authorized their own record for the single-record demo application. */
      async function samAuthorizedOwnRecord() {
        const simulator = createSimulator({ scenario: 'multi-record', clock: createClock(TEST_START) });
        const [own, child] = simulator.shell.records('sam', DEMO_APP_ID);
        const first = opening(simulator.shell, shellQuery('AUTH', { appid: DEMO_APP_ID }));
        const firstUrl = new URL(
          await approve(simulator.shell, first, 'sam', { recordIds: [own!.id], optionalRules: {} }),
        );
        expect(firstUrl.searchParams.get('target'), 'a first authorization').to.equal('AppAuthSuccess');
        await simulator.openProxySession(DEMO_APP_ID, firstUrl.searchParams.get('wctoken')!, '1');
        return { simulator, own: own!, child: child! };
      }

      it('in a single-record application returns SelectedRecordChanged with a new user token (reference §3)', async function () {
        const { simulator, child } = await samAuthorizedOwnRecord();
        const before = parseXml(call(simulator, Methods.GetPersonInfo));
        const opened = opening(
          simulator.shell,
          shellQuery('AUTH', { appid: DEMO_APP_ID, forceappauth: 'true', actionqs: 's' }),
        );
        const url = new URL(
          await approve(simulator.shell, opened, 'sam', { recordIds: [child.id], optionalRules: {} }),
        );
        expect([...url.searchParams.keys()]).to.deep.equal(['target', 'wctoken', 'instanceId', 'actionqs']);
        expect(url.searchParams.get('target')).to.equal('SelectedRecordChanged');

        await simulator.openProxySession(DEMO_APP_ID, url.searchParams.get('wctoken')!, '1');
        const personInfo = call(simulator, Methods.GetPersonInfo);
        const after = parseXml(personInfo);
        const childId = records(personInfo).find((r) => r['name'] === 'Mia Rivera')!['id'];
        const selected = (document: Document) => document.querySelector('selected-record-id')?.textContent;
        expect(selected(after)).to.equal(childId);
        expect(selected(before)).to.not.equal(childId);
        if (!(await schemasReady(this))) return;
        await expectValid('response-getpersoninfo.xsd', infoDocument(personInfo));
      });

      it('is AppAuthSuccess when the record stays, in a multi-record application, or when the old one is gone', async () => {
        const { simulator, own, child } = await samAuthorizedOwnRecord();
        const target = async (params: Record<string, string>, recordIds: string[]) => {
          const opened = opening(simulator.shell, shellQuery('APPAUTH', { appid: DEMO_APP_ID, ...params }));
          const url = new URL(await approve(simulator.shell, opened, 'sam', { recordIds, optionalRules: {} }));
          return url.searchParams.get('target');
        };
        expect(await target({}, [own.id]), 'the same record').to.equal('AppAuthSuccess');
        expect(await target({ ismra: 'true' }, [child.id, own.id]), 'multi-record').to.equal('AppAuthSuccess');
        simulator.shell.revoke('sam', DEMO_APP_ID, child.id); // the selected record's authorization is gone
        expect(await target({}, [own.id]), 'after a revocation').to.equal('AppAuthSuccess');
        expect(await target({}, [child.id]), 'a switch again').to.equal('SelectedRecordChanged');
      });
    });

    it("links to the application's privacy statement and terms at its return address, without the actionqs", async () => {
      const { simulator, opened } = open('new-user', 'AUTH', {
        redirect: 'https://partner.example.com/hv?x=1',
        actionqs: 'hvstate=abc',
      });
      expect(page(await afterSignIn(simulator.shell, opened, 'avery')).appLinks).to.deep.equal({
        privacy: 'https://partner.example.com/hv?x=1&target=Privacy',
        serviceAgreement: 'https://partner.example.com/hv?x=1&target=ServiceAgreement',
      });
    });

    it('rejectUrl (Cancel) returns AppAuthReject with the actionqs to the redirect, else to the action URL', () => {
      const withRedirect = open('new-user', 'AUTH', {
        redirect: 'https://partner.example.com/hv/return?from=shell',
        actionqs: 'state 1',
      });
      expect(rejectUrl(withRedirect.opened)).to.equal(
        'https://partner.example.com/hv/return?from=shell&target=AppAuthReject&actionqs=state+1',
      );
      const plain = open('new-user', 'AUTH', {});
      expect(rejectUrl(plain.opened)).to.equal(`${DEMO_ACTION_URL}?target=AppAuthReject`);
    });
  });
});
