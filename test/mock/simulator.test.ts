import { expect } from '@open-wc/testing';
import { Methods } from '../../src/core/platform/methods.js';
import { StatusCode } from '../../src/core/platform/status-codes.js';
import { createClock } from '../../src/mock/clock.js';
import {
  DEMO_APP_ID,
  OTHER_APP_ID,
  SCENARIO_NAMES,
  SCENARIOS,
  buildScenario,
  isScenarioName,
} from '../../src/mock/scenarios.js';
import { createSimulator, DEFAULT_USER_TOKEN_LIFETIME_MS } from '../../src/mock/simulator.js';
import { memoryStore } from '../../src/mock/state.js';
import { call, parseXml, records, signedIn, statusCode, TEST_START } from './helpers.js';

describe('simulator', () => {
  describe('scenarios', () => {
    it('every scenario builds a state that survives JSON', () => {
      for (const name of SCENARIO_NAMES) {
        const state = buildScenario(name, { now: TEST_START });
        expect(JSON.parse(JSON.stringify(state)), name).to.deep.equal(state);
        expect(state.scenario).to.equal(name);
        expect(state.applications[DEMO_APP_ID]?.id, name).to.equal(DEMO_APP_ID);
      }
    });

    it('holds what each scenario promises', () => {
      const simulator = createSimulator({ clock: createClock(TEST_START) });
      const people = (name: (typeof SCENARIO_NAMES)[number]) => {
        simulator.reset(name);
        return simulator.shell
          .people()
          .map((person) => ({ ...person, records: simulator.shell.records(person.id, DEMO_APP_ID) }));
      };
      const [avery] = people('new-user');
      expect(avery!.records.map((r) => r.authAction)).to.deep.equal(['AuthorizationRequired']);
      const [jordan] = people('returning-user');
      expect(jordan!.records.map((r) => r.authAction)).to.deep.equal(['NoActionRequired']);
      const [sam] = people('multi-record');
      expect(sam!.records.map((r) => [r.relName, r.custodian, r.authAction])).to.deep.equal([
        ['Self', true, 'AuthorizationRequired'],
        ['Child', true, 'AuthorizationRequired'],
        ['Parent', true, 'AuthorizationRequired'],
      ]);
      const [taylor] = people('reauth-required');
      expect(taylor!.records.map((r) => [r.custodian, r.authAction])).to.deep.equal([
        [true, 'ReauthorizationRequired'],
        [false, 'ReauthorizationNotPossible'],
      ]);
      const [jamie] = people('reauth-not-possible');
      expect(jamie!.records.map((r) => [r.relName, r.custodian, r.authAction])).to.deep.equal([
        ['Self', true, 'AuthorizationRequired'],
        ['Parent', false, 'ReauthorizationNotPossible'],
      ]);
      const [casey] = people('suspended-record');
      expect(casey!.records.map((r) => [r.state, r.canAuthorize])).to.deep.equal([
        ['Active', true],
        ['Suspended', false],
      ]);
      const [drew] = people('deleted-record');
      expect(drew!.records.map((r) => [r.state, r.canAuthorize, r.authAction])).to.deep.equal([
        ['Active', true, 'NoActionRequired'],
        ['Deleted', false, 'NoActionRequired'],
      ]);
      const [alex] = people('read-only-record');
      expect(alex!.records.map((r) => [r.state, r.canAuthorize, r.authAction])).to.deep.equal([
        ['Active', true, 'NoActionRequired'],
        ['ReadOnly', true, 'NoActionRequired'],
      ]);
      const [robin, chris] = people('authorization-required');
      expect(robin!.records.map((r) => [r.name, r.relName, r.canAuthorize, r.authAction])).to.deep.equal([
        ['Robin Hayes', 'Self', true, 'NoActionRequired'],
        ['Leo Hayes', 'Son', true, 'AuthorizationRequired'],
      ]);
      expect(chris!.records.map((r) => [r.name, r.authAction])).to.deep.equal([
        ['Chris Hayes', 'AuthorizationRequired'],
        ['Leo Hayes', 'NoActionRequired'],
      ]);
      const [priya] = people('location-not-supported');
      expect(priya!.records.map((r) => [r.name, r.relName, r.canAuthorize, r.authAction])).to.deep.equal([
        ['Priya Shah', 'Self', true, 'NoActionRequired'],
        ['Asha Shah', 'Parent', false, 'RecordLocationNotSupported'],
      ]);
      const [kai] = people('offline-access');
      expect(kai!.records.map((r) => [r.name, r.authAction, r.grantedOptionalRules])).to.deep.equal([
        ['Kai Nakamura', 'NoActionRequired', ['offline-sync']],
      ]);
    });

    it('holds a sign-in in the scenarios that start signed in, and the proxy condition of the proxy-* scenarios', () => {
      const simulator = createSimulator({ clock: createClock(TEST_START) });
      const held = (name: (typeof SCENARIO_NAMES)[number]) => {
        simulator.reset(name);
        const state = simulator.snapshot();
        const session = state.proxySessions[DEMO_APP_ID];
        const user = session && state.userSessions[session.tokenHash];
        return user && { person: user.personId, expiresIn: user.expiresAt - TEST_START };
      };
      const minutes = 60 * 1000;
      expect(held('new-user')).to.equal(undefined);
      expect(held('revoked')).to.deep.equal({ person: 'riley', expiresIn: 24 * 60 * minutes });
      expect(held('token-expired')).to.deep.equal({ person: 'jordan', expiresIn: -5 * minutes });
      expect(held('authorization-required')).to.deep.equal({ person: 'robin', expiresIn: 24 * 60 * minutes });
      expect(held('location-not-supported')).to.deep.equal({ person: 'priya', expiresIn: 24 * 60 * minutes });
      expect(held('offline-access'), 'Kai is not signed in').to.equal(undefined);
      expect(held('connect-request'), 'Morgan is not signed in').to.equal(undefined);
      expect(held('pickup-package'), 'Dana is not signed in').to.equal(undefined);
      const conditions = Object.fromEntries(
        SCENARIO_NAMES.map((name) => {
          simulator.reset(name);
          return [name, simulator.proxyCondition];
        }).filter(([, condition]) => (condition as { kind: string }).kind !== 'up'),
      );
      expect(conditions).to.deep.equal({
        'proxy-down': { kind: 'down' },
        'proxy-slow': { kind: 'slow', delayMs: 3000 },
        'proxy-unresponsive': { kind: 'unresponsive' },
      });
      for (const name of ['proxy-down', 'proxy-slow', 'proxy-unresponsive'] as const) {
        expect(held(name), name).to.deep.equal({ person: 'jordan', expiresIn: 24 * 60 * minutes });
      }
    });

    it('starts from the requested scenario only when the store holds nothing', () => {
      const store = memoryStore();
      expect(createSimulator({ store, scenario: 'multi-record' }).scenario).to.equal('multi-record');
      expect(createSimulator({ store, scenario: 'new-user' }).scenario).to.equal('multi-record');
      expect(createSimulator().scenario).to.equal('new-user');
    });

    it('lists every scenario by name, with a description', () => {
      expect(SCENARIO_NAMES).to.include.members([
        'new-user',
        'returning-user',
        'multi-record',
        'reauth-required',
        'reauth-not-possible',
        'revoked',
        'suspended-record',
        'deleted-record',
        'read-only-record',
        'token-expired',
        'proxy-down',
        'proxy-slow',
        'proxy-unresponsive',
        'authorization-required',
        'location-not-supported',
        'offline-access',
        'offline-granted',
        'connect-request',
        'connect-request-expired',
        'pickup-package',
      ]);
      for (const name of SCENARIO_NAMES) {
        expect(isScenarioName(name), name).to.equal(true);
        expect(SCENARIOS[name], name).to.have.length.above(20);
      }
      expect(isScenarioName('toString')).to.equal(false);
    });

    it('refuses an unknown scenario by name', () => {
      expect(() => createSimulator().reset('nobody' as 'new-user')).to.throw(/Unknown simulator scenario "nobody"/);
    });
  });

  describe('per-application pseudonymous ids', () => {
    it('shows the same person and record under different ids to two applications, with the same app-specific-record-id', async () => {
      const { simulator } = await signedIn('returning-user');
      await simulator.openProxySession(OTHER_APP_ID, await simulator.shell.signIn('jordan', OTHER_APP_ID), '1');
      const demo = parseXml(call(simulator, Methods.GetPersonInfo));
      const other = parseXml(call(simulator, Methods.GetPersonInfo, '', { appId: OTHER_APP_ID }));
      const personId = (d: Document) => d.querySelector('person-id')!.textContent;
      const record = (d: Document) => d.querySelector('record')!;
      expect(personId(demo))
        .to.match(/^[0-9a-f-]{36}$/)
        .and.not.equal(personId(other));
      expect(record(demo).getAttribute('id')).to.not.equal(record(other).getAttribute('id'));
      expect(record(demo).getAttribute('app-specific-record-id')).to.equal(
        record(other).getAttribute('app-specific-record-id'),
      );
      // … and stable from call to call.
      expect(personId(parseXml(call(simulator, Methods.GetPersonInfo)))).to.equal(personId(demo));
    });

    it('does not let one application use a record id another application was given', async () => {
      const { simulator } = await signedIn('returning-user');
      await simulator.openProxySession(OTHER_APP_ID, await simulator.shell.signIn('jordan', OTHER_APP_ID), '1');
      const otherRecordId = records(call(simulator, Methods.GetPersonInfo, '', { appId: OTHER_APP_ID }))[0]!['id']!;
      const answer = call(
        simulator,
        Methods.QueryPermissions,
        '<thing-type-id>30cafccc-047d-4288-94ef-643571f7919d</thing-type-id>',
        { recordId: otherRecordId },
      );
      expect(statusCode(answer)).to.equal(StatusCode.INVALID_RECORD);
    });
  });

  describe('user tokens and the proxy session', () => {
    it('answers CREDENTIAL_TOKEN_EXPIRED when the proxy holds no sign-in', () => {
      expect(statusCode(call(createSimulator({ scenario: 'returning-user' }), Methods.GetPersonInfo))).to.equal(
        StatusCode.CREDENTIAL_TOKEN_EXPIRED,
      );
    });

    it('expires user tokens with the clock', async () => {
      const { simulator, clock } = await signedIn('returning-user');
      clock.advance(DEFAULT_USER_TOKEN_LIFETIME_MS - 1);
      expect(statusCode(call(simulator, Methods.GetPersonInfo))).to.equal(0);
      clock.advance(1);
      const expired = call(simulator, Methods.GetPersonInfo);
      expect(statusCode(expired)).to.equal(StatusCode.CREDENTIAL_TOKEN_EXPIRED);
      expect(parseXml(expired).querySelector('message')?.textContent).to.contain('expired at 2026-11-22T12:20:00.000Z');
    });

    it('honours a configured token lifetime', async () => {
      const clock = createClock(TEST_START);
      const simulator = createSimulator({ scenario: 'returning-user', clock, userTokenLifetimeMs: 1000 });
      await simulator.openProxySession(DEMO_APP_ID, await simulator.shell.signIn('jordan', DEMO_APP_ID), '1');
      clock.advance(1000);
      expect(statusCode(call(simulator, Methods.GetPersonInfo))).to.equal(StatusCode.CREDENTIAL_TOKEN_EXPIRED);
    });

    it('answers INVALID_TOKEN for a token HealthVault never issued, or issued to another application', async () => {
      const { simulator } = await signedIn('returning-user');
      await simulator.openProxySession(DEMO_APP_ID, 'not-a-token', '1');
      expect(statusCode(call(simulator, Methods.GetPersonInfo))).to.equal(StatusCode.INVALID_TOKEN);
      await simulator.openProxySession(DEMO_APP_ID, await simulator.shell.signIn('jordan', OTHER_APP_ID), '1');
      expect(statusCode(call(simulator, Methods.GetPersonInfo))).to.equal(StatusCode.INVALID_TOKEN);
    });

    it('signs the token out when the proxy session closes', async () => {
      const { simulator, token } = await signedIn('returning-user');
      simulator.closeProxySession(DEMO_APP_ID);
      expect(statusCode(call(simulator, Methods.GetPersonInfo))).to.equal(StatusCode.CREDENTIAL_TOKEN_EXPIRED);
      await simulator.openProxySession(DEMO_APP_ID, token, '1');
      const again = call(simulator, Methods.GetPersonInfo);
      expect(statusCode(again)).to.equal(StatusCode.CREDENTIAL_TOKEN_EXPIRED);
      expect(parseXml(again).querySelector('message')?.textContent).to.contain('signed out');
    });

    it('token-expired: the held token is over (CREDENTIAL_TOKEN_EXPIRED); signing in again works', async () => {
      const simulator = createSimulator({ scenario: 'token-expired', clock: createClock(TEST_START) });
      const expired = call(simulator, Methods.GetPersonInfo);
      expect(statusCode(expired)).to.equal(StatusCode.CREDENTIAL_TOKEN_EXPIRED);
      expect(parseXml(expired).querySelector('message')?.textContent).to.contain('expired at 2026-11-22T11:55:00.000Z');
      await simulator.openProxySession(DEMO_APP_ID, await simulator.shell.signIn('jordan', DEMO_APP_ID), '1');
      expect(records(call(simulator, Methods.GetPersonInfo)).map((r) => r['app-record-auth-action'])).to.deep.equal([
        'NoActionRequired',
      ]);
    });

    it('issues base64 tokens with URL-unsafe characters and keeps only their hash', async () => {
      const tokens = await Promise.all(Array.from({ length: 8 }, async () => (await signedIn('returning-user')).token));
      expect(tokens.join('')).to.match(/[+/=]/);
      for (const token of tokens) expect(token).to.match(/^[A-Za-z0-9+/]+=*$/);
      const { simulator, token } = await signedIn('returning-user');
      const saved = JSON.stringify(simulator.snapshot());
      expect(saved).to.not.contain(token);
      const hash = Array.from(
        new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token))),
        (b) => b.toString(16).padStart(2, '0'),
      ).join('');
      expect(saved).to.contain(hash);
    });
  });

  describe('the Shell API', () => {
    it('authorize → token → proxy session → GetPersonInfo lists the authorized record', async () => {
      const simulator = createSimulator({ scenario: 'new-user', clock: createClock(TEST_START) });
      const [record] = simulator.shell.records('avery', DEMO_APP_ID);
      const token = await simulator.shell.authorize({
        personId: 'avery',
        appId: DEMO_APP_ID,
        recordIds: [record!.id],
        optionalRules: { weight: true },
      });
      await simulator.openProxySession(DEMO_APP_ID, token, '1');
      const listed = records(call(simulator, Methods.GetPersonInfo));
      expect(
        listed.map((r) => [r['name'], r['app-record-auth-action'], r['record-app-auth-created-date']]),
      ).to.deep.equal([['Avery Quinn', 'NoActionRequired', new Date(TEST_START).toISOString()]]);
      expect(simulator.shell.records('avery', DEMO_APP_ID)[0]!.grantedOptionalRules).to.deep.equal(['weight']);
    });

    it('reauthorization grants the grown rule, keeps optional rules not offered and the first authorization date', async () => {
      const clock = createClock(TEST_START);
      const simulator = createSimulator({ scenario: 'returning-user', clock });
      const before = simulator.snapshot().authorizations.find((a) => a.appId === DEMO_APP_ID)!;
      clock.advance(1000);
      await simulator.shell.authorize({
        personId: 'jordan',
        appId: DEMO_APP_ID,
        recordIds: [before.recordId],
        optionalRules: { 'blood-pressure': true },
      });
      const [after] = simulator.shell.records('jordan', DEMO_APP_ID);
      expect(after!.grantedOptionalRules).to.deep.equal(['weight', 'blood-pressure']);
      await simulator.shell.authorize({
        personId: 'jordan',
        appId: DEMO_APP_ID,
        recordIds: [before.recordId],
        optionalRules: { weight: false },
      });
      expect(simulator.shell.records('jordan', DEMO_APP_ID)[0]!.grantedOptionalRules).to.deep.equal(['blood-pressure']);
      expect(simulator.snapshot().authorizations.find((a) => a.appId === DEMO_APP_ID)!.createdAt).to.equal(
        before.createdAt,
      );

      const reauth = createSimulator({ scenario: 'reauth-required', clock });
      await reauth.shell.authorize({
        personId: 'taylor',
        appId: DEMO_APP_ID,
        recordIds: [reauth.shell.records('taylor', DEMO_APP_ID)[0]!.id],
      });
      expect(reauth.shell.records('taylor', DEMO_APP_ID).map((r) => r.authAction)).to.deep.equal([
        'NoActionRequired',
        'ReauthorizationNotPossible',
      ]);
    });

    it('makes the first chosen record the selected record', async () => {
      const simulator = createSimulator({ scenario: 'multi-record' });
      const [, child, parent] = simulator.shell.records('sam', DEMO_APP_ID);
      expect(simulator.shell.selectedRecord('sam', DEMO_APP_ID)).to.equal(
        simulator.shell.records('sam', DEMO_APP_ID)[0]!.id,
      );
      await simulator.shell.authorize({ personId: 'sam', appId: DEMO_APP_ID, recordIds: [parent!.id, child!.id] });
      expect(simulator.shell.selectedRecord('sam', DEMO_APP_ID)).to.equal(parent!.id);
    });

    it('refuses what the real Shell would not allow, changing nothing', async () => {
      const simulator = createSimulator({ scenario: 'reauth-required' });
      const before = simulator.snapshot();
      const [own, spouse] = simulator.shell.records('taylor', DEMO_APP_ID);
      const attempts: [string, () => Promise<string>][] = [
        [
          'cannot authorize applications for record',
          () => simulator.shell.authorize({ personId: 'taylor', appId: DEMO_APP_ID, recordIds: [own!.id, spouse!.id] }),
        ],
        [
          'Choose at least one record',
          () => simulator.shell.authorize({ personId: 'taylor', appId: DEMO_APP_ID, recordIds: [] }),
        ],
        [
          'no optional rule "health-summary"',
          () =>
            simulator.shell.authorize({
              personId: 'taylor',
              appId: DEMO_APP_ID,
              recordIds: [own!.id],
              optionalRules: { 'health-summary': false },
            }),
        ],
        ['No person "avery"', () => simulator.shell.signIn('avery', DEMO_APP_ID)],
        ['No application', () => simulator.shell.signIn('taylor', crypto.randomUUID())],
      ];
      for (const [message, attempt] of attempts) {
        const error = await attempt().then(
          () => undefined,
          (e: Error) => e,
        );
        expect(error?.message, message).to.contain(message);
      }
      expect(simulator.snapshot()).to.deep.equal(before);
    });

    it('looks applications up without exposing its state to changes', () => {
      const simulator = createSimulator();
      const app = simulator.shell.application(DEMO_APP_ID)!;
      app.rules[0]!.thingTypeIds.length = 0;
      expect(simulator.shell.application(DEMO_APP_ID)!.rules[0]!.thingTypeIds).to.have.length(2);
      expect(simulator.shell.application(crypto.randomUUID())).to.equal(undefined);
    });
  });

  describe('the proxy condition', () => {
    it('is up by default, even in a state saved before conditions existed', () => {
      const state = buildScenario('returning-user', { now: TEST_START });
      delete state.proxy;
      expect(createSimulator({ state }).proxyCondition).to.deep.equal({ kind: 'up' });
    });

    it('changes with setProxyCondition, is saved with the state, and is replaced by a reset', () => {
      const store = memoryStore();
      const page = createSimulator({ store, scenario: 'returning-user' });
      page.setProxyCondition({ kind: 'slow', delayMs: 250 });
      expect(createSimulator({ store }).proxyCondition).to.deep.equal({ kind: 'slow', delayMs: 250 });
      page.proxyCondition.kind = 'down'; // a copy: changing it changes nothing
      expect(page.proxyCondition).to.deep.equal({ kind: 'slow', delayMs: 250 });
      page.reset('proxy-down');
      expect(page.proxyCondition).to.deep.equal({ kind: 'down' });
      page.reset('returning-user');
      expect(page.proxyCondition).to.deep.equal({ kind: 'up' });
      expect(() => page.setProxyCondition({ kind: 'slow', delayMs: -1 })).to.throw(RangeError);
      expect(() => page.setProxyCondition({ kind: 'slow', delayMs: Number.NaN })).to.throw(RangeError);
    });

    it('leaves the platform alone: the simulator answers calls whatever the proxy does', () => {
      const simulator = createSimulator({ scenario: 'proxy-down', clock: createClock(TEST_START) });
      expect(records(call(simulator, Methods.GetPersonInfo)).map((r) => r['name'])).to.deep.equal(['Jordan Lee']);
    });
  });

  it('sees what another simulator over the same store wrote (the Shell page and the demo page)', async () => {
    const store = memoryStore();
    const page = createSimulator({ store, scenario: 'new-user' });
    const shellPage = createSimulator({ store });
    const [record] = shellPage.shell.records('avery', DEMO_APP_ID);
    const token = await shellPage.shell.authorize({ personId: 'avery', appId: DEMO_APP_ID, recordIds: [record!.id] });
    await page.openProxySession(DEMO_APP_ID, token, '1');
    expect(records(call(page, Methods.GetPersonInfo))).to.have.length(1);
  });
});
