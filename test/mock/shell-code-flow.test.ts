import { expect } from '@open-wc/testing';
import { Methods } from '../../src/core/platform/methods.js';
import { createClock } from '../../src/mock/clock.js';
import { DEMO_ACTION_URL, DEMO_APP_ID, type ScenarioName } from '../../src/mock/scenarios.js';
import {
  acceptStep,
  answerStep,
  openCode,
  pickUpStep,
  type AnswerStep,
  type CodeStep,
  type OpenedCode,
} from '../../src/mock/shell-code-flow.js';
import { openShellRequest, parseShellRequest } from '../../src/mock/shell-flow.js';
import { createSimulator } from '../../src/mock/simulator.js';
import { call, parseXml, TEST_START } from './helpers.js';

/** The simulated Shell's CONNECT and PICKUP, without the DOM (reference §2.2, §6, §7). */

const REQUEST_CODE = 'KZTR-MVNP-QDWX-HLBC-JRSF';
const PACKAGE_CODE = 'PKGD-WNRT-XBQV-MZLH-CJSY';
const DAY = 24 * 60 * 60 * 1000;

function start(scenario: ScenarioName) {
  const clock = createClock(TEST_START);
  return { simulator: createSimulator({ scenario, clock }), clock };
}

function opened(step: CodeStep): OpenedCode {
  if (step.kind !== 'sign-in') throw new Error(`expected the sign-in, got ${JSON.stringify(step)}`);
  return step.opened;
}

function ofKind<K extends AnswerStep['kind']>(step: AnswerStep, kind: K): Extract<AnswerStep, { kind: K }> {
  if (step.kind !== kind) throw new Error(`expected ${kind}, got ${JSON.stringify(step)}`);
  return step as Extract<AnswerStep, { kind: K }>;
}

/** Every message a step shows, to check that none repeats the code. */
const words = (step: object) => JSON.stringify(step).replace(/returnUrl":"[^"]*"/g, '');

describe('simulated Shell flow: CONNECT and PICKUP', () => {
  it('reads CONNECT and PICKUP with their packageid (targetqs decoded twice, any casing), or without one', () => {
    const targetqs = encodeURIComponent(`?PackageId=${encodeURIComponent(REQUEST_CODE)}`);
    expect(parseShellRequest(`?target=connect&targetqs=${targetqs}`)).to.deep.equal({
      ok: true,
      value: { target: 'CONNECT', language: 'en', packageId: REQUEST_CODE },
    });
    expect(parseShellRequest('?target=PICKUP')).to.deep.equal({
      ok: true,
      value: { target: 'PICKUP', language: 'en' },
    });
    expect(openShellRequest(start('new-user').simulator.shell, '?target=CONNECT')).to.deep.equal({
      ok: false,
      problem: 'CONNECT names no application to authorize.',
    });
  });

  describe('the identity code', () => {
    it('asks for a code when none is given, and again for one it cannot read or nobody holds, without repeating it', () => {
      const { shell } = start('connect-request').simulator;
      expect(openCode(shell, undefined)).to.deep.equal({ kind: 'enter-code' });
      const cases: [typed: string, problem: string][] = [
        ['   ', 'Type the identity code you were given.'],
        ['KZTR-MVNP-QDWX', 'That is 12 letters; an identity code has 20.'],
        ['KZTR-MVNP-QDWX-HLBC-JRSF-X', 'That is 21 letters; an identity code has 20.'],
        ['KZTR-MVNP-QDWX-HLBC-JRS5', 'An identity code has letters only (the dashes are optional).'],
        ['https://account.healthvault.com/redirect.aspx?target=CONNECT', 'That link has no identity code in it.'],
        ['BCDF-GHJK-LMNP-QRST-VWXZ', 'No connect request or package has this identity code. Check it and try again.'],
      ];
      for (const [typed, problem] of cases) {
        expect(openCode(shell, typed), typed).to.deep.equal({ kind: 'enter-code', problem });
      }
    });

    it('opens a code typed in any case, with spaces, or inside a whole CONNECT link', () => {
      const { shell } = start('connect-request').simulator;
      const link = `https://account.healthvault.com/redirect.aspx?target=CONNECT&targetqs=packageid%3d${REQUEST_CODE}`;
      for (const typed of [REQUEST_CODE, 'kztr mvnp qdwx hlbc jrsf', link]) {
        expect(opened(openCode(shell, typed)), typed).to.deep.include({
          kind: 'connect-request',
          identityCode: 'KZTRMVNPQDWXHLBCJRSF',
          question: 'What was the name of your first pet?',
          triesLeft: 3,
        });
      }
      expect(opened(openCode(shell, REQUEST_CODE)).app.id).to.equal(DEMO_APP_ID);
    });

    it('says when an expired code expired, and leads back to the application', () => {
      const { simulator, clock } = start('connect-request');
      clock.advance(26 * DAY);
      const step = openCode(simulator.shell, REQUEST_CODE);
      expect(step).to.deep.equal({
        kind: 'error',
        message: 'This identity code expired on December 18, 2026. Ask hv-elements Demo Clinic for a new one.',
        returnUrl: `${DEMO_ACTION_URL}?target=AppAuthFailure`,
      });
    });

    it('speaks Spanish when the request asks for it: the problems, the dates, the relationships and the rules', () => {
      const { simulator, clock } = start('connect-request');
      expect(openCode(simulator.shell, 'KZTR', 'es')).to.deep.equal({
        kind: 'enter-code',
        problem: 'Eso son 4 letras; un código de identidad tiene 20.',
      });
      const code = opened(openCode(simulator.shell, REQUEST_CODE, 'es'));
      expect(answerStep(simulator.shell, code, 'morgan', 'Rex')).to.deep.equal({
        kind: 'wrong',
        message: 'Esa no es la respuesta. Le quedan 2 intentos.',
      });
      const page = ofKind(answerStep(simulator.shell, code, 'morgan', 'Biscuit'), 'authorize').page;
      expect(page.records.map((r) => r.relName)).to.deep.equal(['Yo']);
      expect(page.requiredRules.map((r) => r.access)).to.deep.equal(['Leer: Medicamentos, Alergias']);
      clock.advance(26 * DAY);
      expect(openCode(simulator.shell, REQUEST_CODE, 'es')).to.deep.include({
        message:
          'Este código de identidad caducó el 18 de diciembre de 2026. Pida uno nuevo a hv-elements Demo Clinic.',
      });
    });
  });

  describe('CONNECT', () => {
    it('counts down the tries and locks the code at the third wrong answer', () => {
      const { shell } = start('connect-request').simulator;
      const code = opened(openCode(shell, REQUEST_CODE));
      expect(answerStep(shell, code, 'morgan', 'Rex')).to.deep.equal({
        kind: 'wrong',
        message: 'That is not the answer. You have 2 tries left.',
      });
      expect(answerStep(shell, code, 'morgan', 'biscuit ')).to.deep.equal({
        kind: 'wrong',
        message: 'That is not the answer. You have 1 try left.',
      });
      const locked = answerStep(shell, code, 'morgan', 'Max');
      expect(locked).to.deep.equal({
        kind: 'error',
        message:
          'This identity code can no longer be used: its question was answered wrongly three times. Ask hv-elements Demo Clinic for a new one.',
        returnUrl: `${DEMO_ACTION_URL}?target=AppAuthFailure`,
      });
      expect(openCode(shell, REQUEST_CODE)).to.deep.include({ kind: 'error' });
      expect(words(locked)).to.not.contain('KZTR');
    });

    it('after the right answer shows the authorization page for one record, then confirms and returns AppAuthSuccess without a token', () => {
      const { simulator } = start('connect-request');
      const { shell } = simulator;
      const code = opened(openCode(shell, REQUEST_CODE));
      const step = ofKind(answerStep(shell, code, 'morgan', 'BISCUIT'), 'authorize');
      expect(step.friendlyName).to.equal('Morgan Blake');
      expect(step.page).to.include({ appName: 'hv-elements Demo Clinic', multiRecord: false });
      expect(step.page.appLinks).to.deep.equal({
        privacy: `${DEMO_ACTION_URL}?target=Privacy`,
        serviceAgreement: `${DEMO_ACTION_URL}?target=ServiceAgreement`,
      });
      const recordId = shell.records('morgan', DEMO_APP_ID)[0]!.id;
      expect(step.page.records.map((r) => [r.id, r.checked])).to.deep.equal([[recordId, true]]);
      expect(step.page.requiredRules.map((r) => r.name)).to.deep.equal(['health-summary']);
      // A first authorization: the Shell offers what it offers a new user (DisplayFirstTime).
      expect(step.page.optionalRules.map((r) => [r.name, r.checked])).to.deep.equal([['weight', true]]);

      const done = acceptStep(shell, code, 'morgan', 'BISCUIT', {
        recordIds: [recordId],
        optionalRules: { weight: false },
      });
      expect(done).to.deep.equal({
        kind: 'done',
        heading: 'Connected',
        message: 'hv-elements Demo Clinic can now use the record of Morgan Blake.',
        contents: [],
        returnUrl: `${DEMO_ACTION_URL}?target=AppAuthSuccess&instanceId=1`,
      });
      expect(shell.records('morgan', DEMO_APP_ID)[0]).to.deep.include({
        authAction: 'NoActionRequired',
        grantedOptionalRules: [],
      });
      const listed = parseXml(call(simulator, Methods.GetAuthorizedConnectRequests));
      expect(listed.querySelector('external-id')?.textContent).to.equal('MRN-1001');
      expect(simulator.snapshot().proxySessions).to.deep.equal({}); // nobody signed in to the application
    });

    it('can be picked up again: the record chosen before is checked, and the application keeps its ids', () => {
      const { simulator, clock } = start('connect-request');
      const { shell } = simulator;
      const code = opened(openCode(shell, REQUEST_CODE));
      const recordId = shell.records('morgan', DEMO_APP_ID)[0]!.id;
      ofKind(answerStep(shell, code, 'morgan', 'Biscuit'), 'authorize');
      acceptStep(shell, code, 'morgan', 'Biscuit', { recordIds: [recordId], optionalRules: {} });
      const first = call(simulator, Methods.GetAuthorizedConnectRequests);
      shell.revoke('morgan', DEMO_APP_ID);
      clock.advance(40 * DAY); // past four weeks: a validated request does not expire
      const again = opened(openCode(shell, REQUEST_CODE));
      ofKind(answerStep(shell, again, 'morgan', 'Biscuit'), 'authorize');
      expect(acceptStep(shell, again, 'morgan', 'Biscuit', { recordIds: [recordId], optionalRules: {} }).kind).to.equal(
        'done',
      );
      const ids = (xml: string) =>
        ['person-id', 'record-id'].map((name) => parseXml(xml).querySelector(name)!.textContent);
      expect(ids(call(simulator, Methods.GetAuthorizedConnectRequests))).to.deep.equal(ids(first));
    });
  });

  describe('PICKUP', () => {
    it('after the right answer offers the records that can take the items, adds them and returns Home', () => {
      const { simulator } = start('pickup-package');
      const { shell } = simulator;
      const code = opened(openCode(shell, PACKAGE_CODE));
      expect(code).to.deep.include({ kind: 'package', question: 'In which city were you born?' });
      const choice = ofKind(answerStep(shell, code, 'dana', 'lisbon'), 'choose-record');
      const recordId = shell.records('dana', DEMO_APP_ID)[0]!.id;
      expect(choice).to.deep.equal({
        kind: 'choose-record',
        friendlyName: 'Results of your visit',
        contents: [
          'Lipid panel: total cholesterol 182 mg/dL, LDL 96 mg/dL, HDL 58 mg/dL',
          'Blood pressure: 118/76 mmHg, pulse 64',
        ],
        records: [{ id: recordId, name: 'Dana Whitfield', relName: 'Self', selectable: true, checked: true }],
        appLinks: {
          privacy: `${DEMO_ACTION_URL}?target=Privacy`,
          serviceAgreement: `${DEMO_ACTION_URL}?target=ServiceAgreement`,
        },
      });
      expect(pickUpStep(shell, code, 'dana', 'lisbon', recordId)).to.deep.equal({
        kind: 'done',
        heading: 'Added to your record',
        message: 'Added to the record of Dana Whitfield:',
        contents: choice.contents,
        returnUrl: `${DEMO_ACTION_URL}?target=Home`,
      });
      expect(simulator.snapshot().records[recordId]!.things).to.have.length(2);
      expect(openCode(shell, PACKAGE_CODE)).to.deep.equal({
        kind: 'error',
        message: 'This package has already been picked up.',
        returnUrl: `${DEMO_ACTION_URL}?target=AppAuthFailure`,
      });
    });

    it('follows the code, not the target: a package code given to CONNECT is picked up', () => {
      const { shell } = start('pickup-package').simulator;
      const parsed = parseShellRequest(`?target=CONNECT&targetqs=${encodeURIComponent(`packageid=${PACKAGE_CODE}`)}`);
      const typed = parsed.ok && 'packageId' in parsed.value ? parsed.value.packageId : undefined;
      expect(opened(openCode(shell, typed)).kind).to.equal('package');
    });
  });
});
