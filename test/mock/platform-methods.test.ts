import { expect } from '@open-wc/testing';
import { Methods } from '../../src/core/platform/methods.js';
import { StatusCode } from '../../src/core/platform/status-codes.js';
import { createClock } from '../../src/mock/clock.js';
import { NEVER_EXPIRES } from '../../src/mock/platform-methods.js';
import { DEMO_APP_ID, OTHER_APP_ID, SCENARIO_NAMES, ThingType, type ScenarioName } from '../../src/mock/scenarios.js';
import { createSimulator } from '../../src/mock/simulator.js';
import { expectValid, schemasReady } from '../helpers/xsd.js';
import {
  call,
  infoDocument,
  infoRequest,
  parseXml,
  records,
  scenarioPlatform,
  signedIn,
  statusCode,
  TEST_START,
} from './helpers.js';

const ALL_TYPES = Object.values(ThingType)
  .map((id) => `<thing-type-id>${id}</thing-type-id>`)
  .join('');

/** QueryPermissions' answer as thing type → online and offline permissions. */
function permissionsByType(document: Document): Record<string, { online: string[]; offline: string[] }> {
  return Object.fromEntries(
    [...document.querySelectorAll('thing-type-permission')].map((p) => [
      p.querySelector('thing-type-id')!.textContent!,
      {
        online: [...p.querySelectorAll('online-access-permissions > permission')].map((e) => e.textContent!),
        offline: [...p.querySelectorAll('offline-access-permissions > permission')].map((e) => e.textContent!),
      },
    ]),
  );
}

describe('simulated platform methods', () => {
  describe('responses validate against the official response schemas in every scenario', () => {
    for (const scenario of SCENARIO_NAMES) {
      it(scenario, async function () {
        if (!(await schemasReady(this))) return;
        const { simulator } = await signedIn(scenario, { authorize: scenario !== 'revoked' });

        const appInfo = call(simulator, Methods.GetApplicationInfo);
        expect(statusCode(appInfo)).to.equal(0);
        await expectValid('response-getapplicationinfo.xsd', infoDocument(appInfo));

        const personInfo = call(
          simulator,
          Methods.GetPersonInfo,
          '<group-membership>true</group-membership><effective-record-permissions>true</effective-record-permissions>',
        );
        if (scenario === 'revoked') {
          expect(statusCode(personInfo)).to.equal(StatusCode.ACCESS_DENIED);
          return;
        }
        expect(statusCode(personInfo)).to.equal(0);
        await expectValid('response-getpersoninfo.xsd', infoDocument(personInfo));

        const ids = records(personInfo).map((record) => record['id']!);
        expect(ids).to.have.length.above(0);
        const authorized = call(simulator, Methods.GetAuthorizedRecords, ids.map((id) => `<id>${id}</id>`).join(''));
        expect(records(authorized).map((record) => record['id'])).to.deep.equal(ids);
        await expectValid('response-getauthorizedrecords.xsd', infoDocument(authorized));

        for (const recordId of ids) {
          const permissions = call(simulator, Methods.QueryPermissions, ALL_TYPES, { recordId });
          if (statusCode(permissions) === StatusCode.INVALID_RECORD_STATE) continue; // checked below
          expect(statusCode(permissions), permissions).to.equal(0);
          await expectValid('response-querypermissions.xsd', infoDocument(permissions));
        }
      });
    }
  });

  describe("each scenario's own answers, as the scenario stands, validate against the response schemas", () => {
    /** Per record listed: state, app-record-auth-action, QueryPermissions status; or GetPersonInfo's error. */
    const expected: Record<ScenarioName, [state: string, action: string, queryStatus: number][] | number> = {
      'new-user': StatusCode.ACCESS_DENIED,
      'returning-user': [['Active', 'NoActionRequired', 0]],
      'multi-record': StatusCode.ACCESS_DENIED,
      'reauth-required': [
        ['Active', 'ReauthorizationRequired', 0],
        ['Active', 'ReauthorizationNotPossible', 0],
      ],
      'reauth-not-possible': [['Active', 'ReauthorizationNotPossible', 0]],
      revoked: StatusCode.ACCESS_DENIED,
      'suspended-record': [
        ['Active', 'NoActionRequired', 0],
        ['Suspended', 'NoActionRequired', StatusCode.INVALID_RECORD_STATE],
      ],
      'deleted-record': [
        ['Active', 'NoActionRequired', 0],
        ['Deleted', 'NoActionRequired', StatusCode.INVALID_RECORD_STATE],
      ],
      'read-only-record': [
        ['Active', 'NoActionRequired', 0],
        ['ReadOnly', 'NoActionRequired', 0],
      ],
      'token-expired': StatusCode.CREDENTIAL_TOKEN_EXPIRED,
      // The proxy's condition is the handlers' business (handlers.test.ts); behind it the platform answers.
      'proxy-down': [['Active', 'NoActionRequired', 0]],
      'proxy-slow': [['Active', 'NoActionRequired', 0]],
      'proxy-unresponsive': [['Active', 'NoActionRequired', 0]],
      // Leo's record: Robin never authorized it, so the application may do nothing there for Robin.
      'authorization-required': [
        ['Active', 'NoActionRequired', 0],
        ['Active', 'AuthorizationRequired', StatusCode.ACCESS_DENIED],
      ],
      // Asha's record: listed, but the application gets no permission on it.
      'location-not-supported': [
        ['Active', 'NoActionRequired', 0],
        ['Active', 'RecordLocationNotSupported', 0],
      ],
      'offline-access': [['Active', 'NoActionRequired', 0]],
      'offline-granted': [['Active', 'NoActionRequired', 0]],
      // Signed in without authorizing: the request and the package wait for their code.
      'connect-request': StatusCode.ACCESS_DENIED,
      'connect-request-expired': StatusCode.ACCESS_DENIED,
      'pickup-package': StatusCode.ACCESS_DENIED,
    };

    for (const scenario of SCENARIO_NAMES) {
      it(scenario, async function () {
        if (!(await schemasReady(this))) return;
        const simulator = await scenarioPlatform(scenario);
        const personInfo = call(
          simulator,
          Methods.GetPersonInfo,
          '<effective-record-permissions>true</effective-record-permissions>',
        );
        const wanted = expected[scenario];
        if (typeof wanted === 'number') {
          expect(statusCode(personInfo)).to.equal(wanted);
          expect(parseXml(personInfo).documentElement.children, 'no <wc:info> on errors').to.have.length(1);
          return;
        }
        expect(statusCode(personInfo)).to.equal(0);
        await expectValid('response-getpersoninfo.xsd', infoDocument(personInfo));
        const listed = records(personInfo);
        const ids = listed.map((record) => record['id']!);
        const authorized = call(simulator, Methods.GetAuthorizedRecords, ids.map((id) => `<id>${id}</id>`).join(''));
        expect(records(authorized)).to.deep.equal(listed);
        await expectValid('response-getauthorizedrecords.xsd', infoDocument(authorized));

        const seen: [string, string, number][] = [];
        for (const record of listed) {
          const permissions = call(simulator, Methods.QueryPermissions, ALL_TYPES, { recordId: record['id']! });
          seen.push([record['state']!, record['app-record-auth-action']!, statusCode(permissions)]);
          if (statusCode(permissions) === 0)
            await expectValid('response-querypermissions.xsd', infoDocument(permissions));
        }
        expect(seen).to.deep.equal(wanted);
      });
    }
  });

  it('answers GetApplicationInfo without a sign-in, with the rules as configured', () => {
    const simulator = createSimulator({ scenario: 'new-user' });
    const document = parseXml(call(simulator, Methods.GetApplicationInfo));
    expect(document.querySelector('application > id')?.textContent).to.equal(DEMO_APP_ID);
    const rules = [...document.querySelectorAll('rule')].map(
      (rule) => `${rule.getAttribute('name')}:${rule.getAttribute('is-optional')}`,
    );
    expect(rules).to.deep.equal([
      'health-summary:false',
      'weight:true',
      'blood-pressure:true',
      'offline-sync:true',
      'lab-results:true',
    ]);
    expect(document.querySelector('person-offline-base-auth-xml rule')?.getAttribute('name')).to.equal('offline-sync');
    const reasons = [...document.querySelectorAll('rule[name="weight"] > reason')];
    expect(reasons.map((reason) => reason.getAttribute('xml:lang'))).to.deep.equal([null, 'es']);
    expect(reasons.map((reason) => reason.textContent)).to.satisfy(
      ([english, spanish]: string[]) => /weight/.test(english) && /peso/.test(spanish),
    );
    expect(document.querySelector('rule[name="weight"] > display-flags')?.textContent).to.equal('3');
    expect(document.querySelector('rule[name="lab-results"] > display-flags')?.textContent).to.equal('4');
  });

  it('answers version 2 of GetApplicationInfo and refuses versions a method does not have', () => {
    const simulator = createSimulator();
    expect(statusCode(call(simulator, Methods.GetApplicationInfo, '', { version: 2 }))).to.equal(0);
    const refused = call(simulator, Methods.GetPersonInfo, '', { version: 2 });
    expect(statusCode(refused)).to.equal(StatusCode.BAD_METHOD);
    expect(parseXml(refused).querySelector('error > message')?.textContent).to.contain('no version 2');
  });

  it('lists records with the attributes of a real platform record', async () => {
    const { simulator } = await signedIn('returning-user');
    const [record] = records(call(simulator, Methods.GetPersonInfo));
    expect(record).to.include({
      name: 'Jordan Lee',
      'rel-type': '1',
      'rel-name': 'Self',
      'record-custodian': 'true',
      state: 'Active',
      'auth-expires': NEVER_EXPIRES,
      'auth-expired': 'false',
      'app-record-auth-action': 'NoActionRequired',
      'app-specific-record-id': '782411',
    });
  });

  describe('app-record-auth-action', () => {
    const cases: [scenario: Parameters<typeof signedIn>[0], expected: string[]][] = [
      ['returning-user', ['NoActionRequired']],
      ['reauth-required', ['ReauthorizationRequired', 'ReauthorizationNotPossible']],
      ['reauth-not-possible', ['ReauthorizationNotPossible']],
      ['suspended-record', ['NoActionRequired', 'NoActionRequired']],
    ];
    for (const [scenario, expected] of cases) {
      it(`${scenario}: ${expected.join(', ')}`, async () => {
        const { simulator } = await signedIn(scenario);
        expect(records(call(simulator, Methods.GetPersonInfo)).map((r) => r['app-record-auth-action'])).to.deep.equal(
          expected,
        );
      });
    }

    it('a lapsed authorization is flagged auth-expired and needs authorization again', async () => {
      const clock = createClock(TEST_START);
      const state = createSimulator({ scenario: 'returning-user', clock }).snapshot();
      state.authorizations[0]!.expiresAt = TEST_START + 60 * 60 * 1000;
      const simulator = createSimulator({ state, clock });
      await simulator.openProxySession(DEMO_APP_ID, await simulator.shell.signIn('jordan', DEMO_APP_ID), '1');

      const before = records(call(simulator, Methods.GetPersonInfo))[0]!;
      expect(before).to.include({
        'auth-expires': new Date(TEST_START + 60 * 60 * 1000).toISOString(),
        'auth-expired': 'false',
      });
      clock.advance(2 * 60 * 60 * 1000);
      await simulator.openProxySession(DEMO_APP_ID, await simulator.shell.signIn('jordan', DEMO_APP_ID), '1');
      const after = call(simulator, Methods.GetPersonInfo);
      expect(records(after)[0]).to.include({
        'auth-expired': 'true',
        'app-record-auth-action': 'AuthorizationRequired',
      });
      const recordId = records(after)[0]!['id']!;
      const permissions = parseXml(call(simulator, Methods.QueryPermissions, ALL_TYPES, { recordId }));
      expect(permissions.querySelectorAll('thing-type-permission')).to.have.length(0);
    });
  });

  describe('the connection states of the auth-status scenarios', () => {
    const DAY_MS = 24 * 60 * 60 * 1000;
    const WITH_PERMISSIONS = '<effective-record-permissions>true</effective-record-permissions>';

    /** The thing types GetPersonInfo's effective-record-permission lists for each record id. */
    function effectiveTypes(document: Document): Record<string, string[]> {
      return Object.fromEntries(
        [...document.querySelectorAll('effective-record-permission')].map((entry) => [
          entry.querySelector('record-id')!.textContent!,
          [...entry.querySelectorAll('thing-type-id')].map((e) => e.textContent!),
        ]),
      );
    }

    it('authorization-required: a record only another custodian authorized is AuthorizationRequired for this person', async function () {
      const simulator = createSimulator({ scenario: 'authorization-required', clock: createClock(TEST_START) });
      const personInfo = call(simulator, Methods.GetPersonInfo, WITH_PERMISSIONS);
      const [own, son] = records(personInfo);
      expect(
        records(personInfo).map((r) => [r['name'], r['rel-name'], r['record-custodian'], r['app-record-auth-action']]),
      ).to.deep.equal([
        ['Robin Hayes', 'Self', 'true', 'NoActionRequired'],
        ['Leo Hayes', 'Son', 'true', 'AuthorizationRequired'],
      ]);
      // Robin never authorized the application on Leo's record: no date of it, and no permission there.
      expect(own).to.have.property('record-app-auth-created-date');
      expect(son).to.not.have.property('record-app-auth-created-date');
      expect(effectiveTypes(parseXml(personInfo))).to.deep.equal({
        [own!['id']!]: [ThingType.Medication, ThingType.Allergy],
        [son!['id']!]: [],
      });
      expect(parseXml(personInfo).querySelector('selected-record-id')?.textContent).to.equal(own!['id']);
      const authorized = call(simulator, Methods.GetAuthorizedRecords, `<id>${son!['id']}</id>`);
      expect(records(authorized)).to.deep.equal([son]);
      expect(statusCode(call(simulator, Methods.QueryPermissions, ALL_TYPES, { recordId: son!['id']! }))).to.equal(
        StatusCode.ACCESS_DENIED,
      );

      // Chris, who authorized Leo's record, sees the same record (the same id: one per application) authorized.
      await simulator.openProxySession(DEMO_APP_ID, await simulator.shell.signIn('chris', DEMO_APP_ID), '1');
      const chrisInfo = call(simulator, Methods.GetPersonInfo);
      expect(records(chrisInfo).map((r) => [r['id'], r['app-record-auth-action']])).to.deep.equal([
        [son!['id'], 'NoActionRequired'],
      ]);
      if (!(await schemasReady(this))) return;
      await expectValid('response-getpersoninfo.xsd', infoDocument(personInfo));
      await expectValid('response-getauthorizedrecords.xsd', infoDocument(authorized));
      await expectValid('response-getpersoninfo.xsd', infoDocument(chrisInfo));
    });

    it('location-not-supported: the record in a location the application does not support gives it nothing', async function () {
      const simulator = createSimulator({ scenario: 'location-not-supported', clock: createClock(TEST_START) });
      const personInfo = call(simulator, Methods.GetPersonInfo, WITH_PERMISSIONS);
      const [own, mother] = records(personInfo);
      expect(
        records(personInfo).map((r) => [
          r['name'],
          r['location-country'],
          r['location-state-province'],
          r['app-record-auth-action'],
        ]),
      ).to.deep.equal([
        ['Priya Shah', 'US', undefined, 'NoActionRequired'],
        ['Asha Shah', 'CA', 'ON', 'RecordLocationNotSupported'],
      ]);
      expect(effectiveTypes(parseXml(personInfo))).to.deep.equal({
        [own!['id']!]: [ThingType.Medication, ThingType.Allergy],
        [mother!['id']!]: [],
      });
      const authorized = call(simulator, Methods.GetAuthorizedRecords, `<id>${mother!['id']}</id>`);
      expect(records(authorized)).to.deep.equal([mother]);
      const permissions = call(simulator, Methods.QueryPermissions, ALL_TYPES, { recordId: mother!['id']! });
      expect([statusCode(permissions), Object.keys(permissionsByType(parseXml(permissions)))]).to.deep.equal([0, []]);

      const application = call(simulator, Methods.GetApplicationInfo);
      expect(
        [...parseXml(application).querySelectorAll('supported-record-locations > location')].map((l) => [
          l.querySelector('country')?.textContent,
          l.querySelector('state-province'),
        ]),
      ).to.deep.equal([['US', null]]);
      if (!(await schemasReady(this))) return;
      await expectValid('response-getpersoninfo.xsd', infoDocument(personInfo));
      await expectValid('response-getauthorizedrecords.xsd', infoDocument(authorized));
      await expectValid('response-querypermissions.xsd', infoDocument(permissions));
      await expectValid('response-getapplicationinfo.xsd', infoDocument(application));
    });

    it('offline-access: nobody is signed in; the authorization lets the application in offline until it expires', async function () {
      const clock = createClock(TEST_START);
      const simulator = createSimulator({ scenario: 'offline-access', clock });
      const state = simulator.snapshot();
      expect([state.proxySessions, state.userSessions]).to.deep.equal([{}, {}]);
      expect(statusCode(call(simulator, Methods.GetPersonInfo))).to.equal(StatusCode.CREDENTIAL_TOKEN_EXPIRED);

      // The platform answers for Kai only online (the simulator has no offline-person calls): Kai signs in again.
      const signIn = async () =>
        simulator.openProxySession(DEMO_APP_ID, await simulator.shell.signIn('kai', DEMO_APP_ID), '1');
      await signIn();
      const personInfo = call(simulator, Methods.GetPersonInfo);
      const [record] = records(personInfo);
      expect(record).to.include({
        name: 'Kai Nakamura',
        'auth-expires': new Date(TEST_START + 14 * DAY_MS).toISOString(),
        'auth-expired': 'false',
        'app-record-auth-action': 'NoActionRequired',
      });
      const permissions = call(simulator, Methods.QueryPermissions, ALL_TYPES, { recordId: record!['id']! });
      expect(permissionsByType(parseXml(permissions))).to.deep.equal({
        [ThingType.Medication]: { online: ['Read'], offline: ['Create', 'Read', 'Update'] },
        [ThingType.Allergy]: { online: ['Read'], offline: ['Create', 'Read', 'Update'] },
      });
      if (await schemasReady(this)) {
        await expectValid('response-getpersoninfo.xsd', infoDocument(personInfo));
        await expectValid('response-querypermissions.xsd', infoDocument(permissions));
      }

      clock.advance(14 * DAY_MS);
      await signIn();
      expect(records(call(simulator, Methods.GetPersonInfo))[0]).to.include({
        'auth-expired': 'true',
        'app-record-auth-action': 'AuthorizationRequired',
      });
    });
  });

  it('GetPersonInfo names the selected record and, when asked, the effective permissions of one record', async () => {
    const { simulator } = await signedIn('multi-record', { authorize: true });
    const all = parseXml(call(simulator, Methods.GetPersonInfo));
    const ids = [...all.querySelectorAll('record')].map((r) => r.getAttribute('id')!);
    expect(all.querySelector('selected-record-id')?.textContent).to.equal(ids[0]);
    expect(all.querySelector('effective-record-permission-list')).to.equal(null);

    const one = parseXml(
      call(simulator, Methods.GetPersonInfo, '<effective-record-permissions>true</effective-record-permissions>', {
        recordId: ids[1]!,
      }),
    );
    expect(
      [...one.querySelectorAll('effective-record-permission > record-id')].map((e) => e.textContent),
    ).to.deep.equal([ids[1]]);
    expect(
      [...one.querySelectorAll('effective-record-permission thing-type-id')].map((e) => e.textContent),
    ).to.deep.equal([ThingType.Medication, ThingType.Allergy]);
  });

  it('GetAuthorizedRecords leaves out unknown, foreign and unauthorized ids without an error', async () => {
    const { simulator } = await signedIn('returning-user');
    const own = records(call(simulator, Methods.GetPersonInfo))[0]!['id']!;
    const foreignSimulatorOwn = records(call((await signedIn('returning-user')).simulator, Methods.GetPersonInfo))[0]![
      'id'
    ]!;
    const answer = call(
      simulator,
      Methods.GetAuthorizedRecords,
      [crypto.randomUUID(), own, foreignSimulatorOwn].map((id) => `<id>${id}</id>`).join(''),
    );
    expect(statusCode(answer)).to.equal(0);
    expect(records(answer).map((r) => r['id'])).to.deep.equal([own]);
  });

  describe('QueryPermissions', () => {
    it('reports granted permissions per thing type, online and offline, and nothing for types not granted', async () => {
      const { simulator } = await signedIn('new-user');
      const token = await simulator.shell.authorize({
        personId: 'avery',
        appId: DEMO_APP_ID,
        recordIds: simulator.shell.records('avery', DEMO_APP_ID).map((r) => r.id),
        optionalRules: { weight: true, 'offline-sync': true },
      });
      await simulator.openProxySession(DEMO_APP_ID, token, '1');
      const recordId = records(call(simulator, Methods.GetPersonInfo))[0]!['id']!;
      const document = parseXml(call(simulator, Methods.QueryPermissions, ALL_TYPES, { recordId }));
      expect(permissionsByType(document)).to.deep.equal({
        [ThingType.Medication]: { online: ['Read'], offline: ['Create', 'Read', 'Update'] },
        [ThingType.Allergy]: { online: ['Read'], offline: ['Create', 'Read', 'Update'] },
        [ThingType.Weight]: { online: ['Create', 'Read'], offline: [] },
      });
      expect(document.querySelector('other-settings')).to.not.equal(null);
    });

    for (const scenario of ['reauth-required', 'reauth-not-possible'] as const) {
      it(`${scenario}: keeps reporting the types granted before the required rule grew, offline included (seed 002)`, async () => {
        const { simulator } = await signedIn(scenario);
        const application = parseXml(call(simulator, Methods.GetApplicationInfo));
        expect(
          [...application.querySelectorAll('rule[name="health-summary"] type-id')].map((e) => e.textContent),
          'the rule as it is now',
        ).to.deep.equal([ThingType.Medication, ThingType.Allergy]);
        const recordId = records(call(simulator, Methods.GetPersonInfo))[0]!['id']!;
        const document = parseXml(call(simulator, Methods.QueryPermissions, ALL_TYPES, { recordId }));
        expect(permissionsByType(document)).to.deep.equal({
          [ThingType.Medication]: { online: ['Read'], offline: ['Create', 'Read', 'Update'] },
        });
      });
    }

    for (const [scenario, state] of [
      ['suspended-record', 'Suspended'],
      ['deleted-record', 'Deleted'],
    ] as const) {
      it(`answers INVALID_RECORD_STATE for a ${state.toLowerCase()} record (${scenario})`, async () => {
        const { simulator } = await signedIn(scenario);
        const record = records(call(simulator, Methods.GetPersonInfo)).find((r) => r['state'] === state)!;
        const answer = call(simulator, Methods.QueryPermissions, ALL_TYPES, { recordId: record['id']! });
        expect(statusCode(answer)).to.equal(StatusCode.INVALID_RECORD_STATE);
        expect(parseXml(answer).querySelector('message')?.textContent).to.contain(`is ${state.toLowerCase()}`);
      });
    }

    it('answers a read-only record: it can be read', async () => {
      const { simulator } = await signedIn('read-only-record');
      const record = records(call(simulator, Methods.GetPersonInfo)).find((r) => r['state'] === 'ReadOnly')!;
      const document = parseXml(call(simulator, Methods.QueryPermissions, ALL_TYPES, { recordId: record['id']! }));
      expect(Object.keys(permissionsByType(document))).to.deep.equal([ThingType.Medication, ThingType.Allergy]);
    });

    it('answers INVALID_RECORD for a record the application was never given or no record id', async () => {
      const { simulator } = await signedIn('returning-user');
      expect(
        statusCode(call(simulator, Methods.QueryPermissions, ALL_TYPES, { recordId: crypto.randomUUID() })),
      ).to.equal(StatusCode.INVALID_RECORD);
      expect(statusCode(call(simulator, Methods.QueryPermissions, ALL_TYPES))).to.equal(StatusCode.INVALID_RECORD);
    });

    it('answers ACCESS_DENIED for a record whose authorization was revoked', async () => {
      const { simulator } = await signedIn('multi-record', { authorize: true });
      const [, child] = records(call(simulator, Methods.GetPersonInfo));
      const childId = simulator.shell.records('sam', DEMO_APP_ID)[1]!.id;
      simulator.shell.revoke('sam', DEMO_APP_ID, childId);
      expect(statusCode(call(simulator, Methods.QueryPermissions, ALL_TYPES, { recordId: child!['id']! }))).to.equal(
        StatusCode.ACCESS_DENIED,
      );
    });
  });

  it('narrows permissions at once when the application removes types from a rule', async () => {
    const { simulator, clock } = await signedIn('returning-user');
    const state = simulator.snapshot();
    state.applications[DEMO_APP_ID]!.rules[0]!.thingTypeIds = [ThingType.Allergy];
    const changed = createSimulator({ state, clock });
    const recordId = records(call(changed, Methods.GetPersonInfo))[0]!['id']!;
    expect(records(call(changed, Methods.GetPersonInfo))[0]!['app-record-auth-action']).to.equal('NoActionRequired');
    const document = parseXml(call(changed, Methods.QueryPermissions, ALL_TYPES, { recordId }));
    expect([...document.querySelectorAll('thing-type-id')].map((e) => e.textContent)).to.deep.equal([
      ThingType.Allergy,
      ThingType.Weight,
    ]);
  });

  describe('request errors', () => {
    const malformed: [what: string, method: string, body: string][] = [
      ['not XML', Methods.GetPersonInfo, 'GetPersonInfo please'],
      ['not well-formed', Methods.GetPersonInfo, '<wc:info xmlns:wc="urn:com.microsoft.wc.methods.GetPersonInfo">'],
      ["another method's namespace", Methods.GetPersonInfo, infoRequest(Methods.GetAuthorizedRecords)],
      ['no namespace', Methods.GetPersonInfo, '<info/>'],
      [
        'qualified parameters',
        Methods.GetAuthorizedRecords,
        `<info xmlns="urn:com.microsoft.wc.methods.GetAuthorizedRecords"><id>${crypto.randomUUID()}</id></info>`,
      ],
      ['an unknown parameter', Methods.GetPersonInfo, infoRequest(Methods.GetPersonInfo, '<record-id>x</record-id>')],
      [
        'a parameter twice',
        Methods.GetPersonInfo,
        infoRequest(
          Methods.GetPersonInfo,
          '<group-membership>true</group-membership><group-membership>true</group-membership>',
        ),
      ],
      [
        'a boolean that is not one',
        Methods.GetPersonInfo,
        infoRequest(Methods.GetPersonInfo, '<group-membership>yes</group-membership>'),
      ],
      ['no record ids', Methods.GetAuthorizedRecords, infoRequest(Methods.GetAuthorizedRecords)],
      [
        'an id that is not a GUID',
        Methods.GetAuthorizedRecords,
        infoRequest(Methods.GetAuthorizedRecords, '<id>42</id>'),
      ],
      ['no thing types', Methods.QueryPermissions, infoRequest(Methods.QueryPermissions)],
      [
        'markup inside a parameter',
        Methods.QueryPermissions,
        infoRequest(Methods.QueryPermissions, '<thing-type-id><b/></thing-type-id>'),
      ],
      ['a document type', Methods.GetPersonInfo, `<!DOCTYPE info>${infoRequest(Methods.GetPersonInfo)}`],
    ];
    for (const [what, method, body] of malformed) {
      it(`INVALID_XML for ${what}`, async () => {
        const { simulator } = await signedIn('returning-user');
        const answer = simulator.call({ appId: DEMO_APP_ID, method, body });
        expect(statusCode(answer)).to.equal(StatusCode.INVALID_XML);
        expect(parseXml(answer).querySelector('response > status > error > message')?.textContent).to.have.length.above(
          10,
        );
        expect(parseXml(answer).documentElement.children).to.have.length(1); // no <wc:info> on errors
      });
    }

    it('BAD_METHOD for a method the platform does not have, even one named like an Object member', () => {
      const simulator = createSimulator();
      for (const method of ['GetThingsPlease', 'toString', 'constructor']) {
        expect(statusCode(call(simulator, method))).to.equal(StatusCode.BAD_METHOD);
      }
    });

    it('INVALID_APP for an application the platform does not know', () => {
      const simulator = createSimulator();
      expect(statusCode(call(simulator, Methods.GetApplicationInfo, '', { appId: crypto.randomUUID() }))).to.equal(
        StatusCode.INVALID_APP,
      );
    });

    it('ACCESS_DENIED from GetApplicationInfo for a child application that is not ours', () => {
      const simulator = createSimulator();
      expect(
        statusCode(call(simulator, Methods.GetApplicationInfo, `<child-app-id>${OTHER_APP_ID}</child-app-id>`)),
      ).to.equal(StatusCode.ACCESS_DENIED);
    });

    it('revoked: GetPersonInfo answers ACCESS_DENIED, GetAuthorizedRecords lists nothing (seed 002)', () => {
      const simulator = createSimulator({ scenario: 'revoked', clock: createClock(TEST_START) });
      const personInfo = call(simulator, Methods.GetPersonInfo);
      expect(statusCode(personInfo)).to.equal(StatusCode.ACCESS_DENIED);
      expect(parseXml(personInfo).querySelector('message')?.textContent).to.contain('Riley Chen has revoked');
      const authorized = call(simulator, Methods.GetAuthorizedRecords, `<id>${crypto.randomUUID()}</id>`);
      expect([statusCode(authorized), records(authorized).length]).to.deep.equal([0, 0]);
    });

    it('ACCESS_DENIED from GetPersonInfo once the person revoked every authorization (seed 002)', async () => {
      const { simulator } = await signedIn('returning-user');
      simulator.shell.revoke('jordan', DEMO_APP_ID);
      expect(statusCode(call(simulator, Methods.GetPersonInfo))).to.equal(StatusCode.ACCESS_DENIED);
      expect(statusCode(call(createSimulator({ scenario: 'revoked' }), Methods.GetPersonInfo))).to.equal(
        StatusCode.ACCESS_DENIED,
      );
    });

    it('escapes what it echoes into an error message', () => {
      const answer = call(createSimulator(), '<script>');
      expect(parseXml(answer).querySelector('message')?.textContent).to.contain('"<script>"');
    });
  });
});
