import { expect } from '@open-wc/testing';
import { Methods } from '../../src/core/platform/methods.js';
import { StatusCode } from '../../src/core/platform/status-codes.js';
import { createClock, type Clock } from '../../src/mock/clock.js';
import { DEMO_APP_ID, OTHER_APP_ID, ThingType, type ScenarioName } from '../../src/mock/scenarios.js';
import { createSimulator, type SimAnswerCheck, type Simulator } from '../../src/mock/simulator.js';
import { expectValid, schemasReady } from '../helpers/xsd.js';
import { call, infoDocument, parseXml, records, statusCode, TEST_START } from './helpers.js';

/** Patient Connect (reference §6, seed 003) and drop-off packages (reference §7) in the simulator. */

const DAY = 24 * 60 * 60 * 1000;
const QUESTION = 'What was the name of your first pet?';
const ANSWER = 'Biscuit';

function start(scenario: ScenarioName = 'new-user'): { simulator: Simulator; clock: Clock } {
  const clock = createClock(TEST_START);
  return { simulator: createSimulator({ scenario, clock }), clock };
}

function createRequest(
  simulator: Simulator,
  externalId: string,
  { question = QUESTION, answer = ANSWER, appId = DEMO_APP_ID } = {},
): string {
  return call(
    simulator,
    Methods.CreateConnectRequest,
    `<friendly-name>Avery Quinn</friendly-name><question>${question}</question><answer>${answer}</answer>` +
      `<external-id>${externalId}</external-id>`,
    { appId },
  );
}

/** Creates a request and gives its identity code. */
function codeFor(simulator: Simulator, externalId: string, options: Parameters<typeof createRequest>[2] = {}): string {
  const response = createRequest(simulator, externalId, options);
  expect(statusCode(response), response).to.equal(0);
  return parseXml(response).querySelector('identity-code')!.textContent!;
}

interface Listed {
  personId: string;
  recordId: string;
  appSpecificRecordId: string;
  appId: string;
  externalId: string;
}

/**
 * GetAuthorizedConnectRequests, its answer checked against the response schema (the test is skipped, loudly,
 * without the schemas).
 */
async function authorized(
  context: Mocha.Context,
  simulator: Simulator,
  since?: number,
  appId: string = DEMO_APP_ID,
): Promise<Listed[]> {
  const inner =
    since === undefined
      ? ''
      : `<authorized-connect-requests-since>${new Date(since).toISOString()}</authorized-connect-requests-since>`;
  const response = call(simulator, Methods.GetAuthorizedConnectRequests, inner, { appId });
  expect(statusCode(response), response).to.equal(0);
  if (await schemasReady(context))
    await expectValid('response-getauthorizedconnectrequests.xsd', infoDocument(response));
  return [...parseXml(response).querySelectorAll('connect-request')].map((element) => {
    const text = (name: string) => element.querySelector(name)!.textContent!;
    return {
      personId: text('person-id'),
      recordId: text('record-id'),
      appSpecificRecordId: element.querySelector('record-id')!.getAttribute('app-specific-record-id')!,
      appId: text('app-id'),
      externalId: text('external-id'),
    };
  });
}

/** The only record of the scenario's person (Avery's own, in new-user). */
function ownRecord(simulator: Simulator, personId = 'avery'): string {
  return simulator.shell.records(personId, DEMO_APP_ID)[0]!.id;
}

function accept(
  simulator: Simulator,
  identityCode: string,
  { answer = ANSWER, personId = 'avery', recordId = ownRecord(simulator, personId) } = {},
): SimAnswerCheck {
  return simulator.shell.acceptConnectRequest({ identityCode, answer, personId, recordId });
}

/** The problem of a refused check, or 'ok'. */
const problem = (check: { ok: boolean; problem?: string }) => (check.ok ? 'ok' : check.problem);

describe('Patient Connect in the simulator', () => {
  describe('CreateConnectRequest', () => {
    it('answers a new identity code: 20 upper-case consonants in groups of four, valid against the schema', async function () {
      const { simulator } = start();
      const response = createRequest(simulator, 'MRN-1');
      expect(statusCode(response)).to.equal(0);
      const code = parseXml(response).querySelector('identity-code')!.textContent!;
      expect(code).to.match(/^([B-DF-HJ-NP-TV-Z]{4}-){4}[B-DF-HJ-NP-TV-Z]{4}$/);
      expect(code).to.not.equal(codeFor(simulator, 'MRN-2'));
      expect(simulator.snapshot().connectRequests[0]!.identityCode).to.equal(code.replace(/-/g, ''));
      if (!(await schemasReady(this))) return;
      await expectValid('response-createconnectrequest.xsd', infoDocument(response));
    });

    it('acts for the application alone: nobody needs to be signed in', () => {
      const { simulator } = start();
      expect(simulator.snapshot().proxySessions).to.deep.equal({});
      expect(statusCode(createRequest(simulator, 'MRN-1'))).to.equal(0);
    });

    it('refuses a question or an answer of whitespace only, and creates nothing', () => {
      const { simulator } = start();
      expect(statusCode(createRequest(simulator, 'MRN-1', { question: ' \t\n ' }))).to.equal(
        StatusCode.INVALID_VERIFICATION_QUESTION,
      );
      expect(statusCode(createRequest(simulator, 'MRN-1', { answer: '   ' }))).to.equal(
        StatusCode.INVALID_VERIFICATION_ANSWER,
      );
      expect(simulator.connectRequests()).to.deep.equal([]);
    });

    it('answers INVALID_XML to parameters out of the schema order', () => {
      const { simulator } = start();
      const swapped = call(
        simulator,
        Methods.CreateConnectRequest,
        `<friendly-name>A</friendly-name><answer>${ANSWER}</answer><question>${QUESTION}</question><external-id>X</external-id>`,
      );
      expect(statusCode(swapped)).to.equal(StatusCode.INVALID_XML);
    });

    it('allows one request per external id per application, whatever became of it, until it is deleted', () => {
      const { simulator, clock } = start();
      const code = codeFor(simulator, 'MRN-1');
      const duplicate = createRequest(simulator, 'MRN-1');
      expect(statusCode(duplicate)).to.equal(StatusCode.DUPLICATE_CONNECT_REQUEST_FOUND);
      expect(parseXml(duplicate).querySelector('message')!.textContent)
        .to.contain('MRN-1')
        .and.not.contain(code.replace(/-/g, ''));
      // Another application may use the same external id; the external id is case-sensitive.
      expect(statusCode(createRequest(simulator, 'MRN-1', { appId: OTHER_APP_ID }))).to.equal(0);
      expect(statusCode(createRequest(simulator, 'mrn-1'))).to.equal(0);
      // Expired, it still holds its external id: "the app will need to delete the original request" (PCON).
      clock.advance(28 * DAY);
      expect(problem(simulator.shell.lookUpCode(code))).to.equal('expired');
      expect(statusCode(createRequest(simulator, 'MRN-1'))).to.equal(StatusCode.DUPLICATE_CONNECT_REQUEST_FOUND);
      call(simulator, Methods.DeletePendingConnectRequest, '<external-id>MRN-1</external-id>');
      expect(statusCode(createRequest(simulator, 'MRN-1'))).to.equal(0);
    });

    it('keeps the answer as sent: case-insensitive, but whitespace counts', () => {
      const { simulator } = start();
      const code = codeFor(simulator, 'MRN-1');
      expect(problem(simulator.shell.answerCode(code, 'biscuit '))).to.equal('wrong-answer');
      expect(problem(simulator.shell.answerCode(code, ' Biscuit'))).to.equal('wrong-answer');
      expect(problem(simulator.shell.answerCode(code, 'bIsCuIt'))).to.equal('ok');
      const spaced = codeFor(simulator, 'MRN-2', { answer: ' two  words ' });
      expect(problem(simulator.shell.answerCode(spaced, 'two words'))).to.equal('wrong-answer');
    });
  });

  describe('the identity code on the Shell side', () => {
    it('shows the question, not the answer nor the friendly name, until the answer is right', () => {
      const { simulator } = start();
      const code = codeFor(simulator, 'MRN-1');
      expect(simulator.shell.lookUpCode(code)).to.deep.equal({
        ok: true,
        kind: 'connect-request',
        appId: DEMO_APP_ID,
        question: QUESTION,
        triesLeft: 3,
      });
      expect(simulator.shell.answerCode(code.toLowerCase(), ANSWER)).to.deep.equal({
        ok: true,
        kind: 'connect-request',
        appId: DEMO_APP_ID,
        question: QUESTION,
        triesLeft: 3,
        friendlyName: 'Avery Quinn',
        contents: [],
      });
    });

    it('answers INVALID_IDENTITY_CODE for a code nobody holds', () => {
      const { simulator } = start();
      codeFor(simulator, 'MRN-1');
      expect(simulator.shell.lookUpCode('BCDF-GHJK-LMNP-QRST-VWXZ')).to.deep.equal({
        ok: false,
        problem: 'unknown',
        code: StatusCode.INVALID_IDENTITY_CODE,
      });
    });

    it('expires a pending request four weeks after it was created', () => {
      const { simulator, clock } = start();
      const code = codeFor(simulator, 'MRN-1');
      clock.advance(28 * DAY - 1);
      expect(problem(simulator.shell.lookUpCode(code))).to.equal('ok');
      clock.advance(1);
      expect(simulator.shell.lookUpCode(code)).to.deep.equal({
        ok: false,
        problem: 'expired',
        code: StatusCode.INVALID_IDENTITY_CODE,
        appId: DEMO_APP_ID,
        expiredAt: TEST_START + 28 * DAY,
      });
      expect(problem(simulator.shell.answerCode(code, ANSWER))).to.equal('expired');
      expect(problem(accept(simulator, code))).to.equal('expired');
      expect(simulator.connectRequests()[0]!.status).to.equal('expired');
    });

    it('locks the code at the third wrong answer (RETRY_LIMIT_EXCEEDED), right answer or not after that', () => {
      const { simulator } = start();
      const code = codeFor(simulator, 'MRN-1');
      expect(simulator.shell.answerCode(code, 'Rex')).to.deep.equal({
        ok: false,
        problem: 'wrong-answer',
        appId: DEMO_APP_ID,
        triesLeft: 2,
      });
      expect(simulator.shell.lookUpCode(code)).to.include({ triesLeft: 2 });
      expect(simulator.shell.answerCode(code, 'Max')).to.include({ problem: 'wrong-answer', triesLeft: 1 });
      expect(simulator.shell.answerCode(code, 'Fido')).to.deep.equal({
        ok: false,
        problem: 'locked',
        code: StatusCode.RETRY_LIMIT_EXCEEDED,
        appId: DEMO_APP_ID,
      });
      expect(problem(simulator.shell.answerCode(code, ANSWER))).to.equal('locked');
      expect(problem(simulator.shell.lookUpCode(code))).to.equal('locked');
      expect(simulator.connectRequests()[0]!.status).to.equal('locked');
    });

    it('counts wrong answers since the last right one', () => {
      const { simulator } = start();
      const code = codeFor(simulator, 'MRN-1');
      simulator.shell.answerCode(code, 'Rex');
      simulator.shell.answerCode(code, 'Max');
      expect(problem(simulator.shell.answerCode(code, ANSWER))).to.equal('ok');
      expect(simulator.shell.answerCode(code, 'Rex')).to.include({ triesLeft: 2 });
    });

    it('counts a wrong answer given when accepting, and authorizes nothing then', () => {
      const { simulator } = start();
      const code = codeFor(simulator, 'MRN-1');
      expect(accept(simulator, code, { answer: 'Rex' })).to.include({ problem: 'wrong-answer', triesLeft: 2 });
      expect(simulator.shell.records('avery', DEMO_APP_ID)[0]!.authAction).to.equal('AuthorizationRequired');
      expect(simulator.connectRequests()[0]!.pickups).to.equal(0);
    });

    it('refuses a record the person cannot authorize, before counting the answer', () => {
      const { simulator } = start('reauth-required');
      const code = codeFor(simulator, 'MRN-1');
      const spouse = simulator.shell.records('taylor', DEMO_APP_ID)[1]!;
      expect(spouse.canAuthorize).to.equal(false);
      expect(() => accept(simulator, code, { answer: 'Rex', personId: 'taylor', recordId: spouse.id })).to.throw(
        /cannot authorize/,
      );
      expect(simulator.shell.lookUpCode(code)).to.include({ triesLeft: 3 });
    });
  });

  describe('GetAuthorizedConnectRequests', () => {
    it("lists a validated request with the ids the application knows the person and record by, and the application's own only", async function () {
      const { simulator } = start();
      const code = codeFor(simulator, 'MRN-1');
      codeFor(simulator, 'MRN-2'); // pending: not listed
      const other = codeFor(simulator, 'MRN-1', { appId: OTHER_APP_ID });
      expect(await authorized(this, simulator)).to.deep.equal([]);

      expect(problem(accept(simulator, code))).to.equal('ok');
      expect(simulator.shell.records('avery', DEMO_APP_ID)[0]!.authAction).to.equal('NoActionRequired');
      const [listed, ...more] = await authorized(this, simulator);
      expect(more).to.deep.equal([]);
      expect(listed).to.include({ appId: DEMO_APP_ID, externalId: 'MRN-1', appSpecificRecordId: '1587152' });

      // The same ids the application sees once Avery signs in to it.
      await simulator.openProxySession(DEMO_APP_ID, await simulator.shell.signIn('avery', DEMO_APP_ID), '1');
      const personInfo = call(simulator, Methods.GetPersonInfo);
      expect(listed!.personId).to.equal(parseXml(personInfo).querySelector('person-id')!.textContent);
      expect(listed!.recordId).to.equal(records(personInfo)[0]!['id']);
      // The other application's request was not picked up; it sees nothing, and other ids for Avery.
      expect(await authorized(this, simulator, undefined, OTHER_APP_ID)).to.deep.equal([]);
      expect(problem(accept(simulator, other))).to.equal('ok');
      const [seenByOther] = await authorized(this, simulator, undefined, OTHER_APP_ID);
      expect(seenByOther!.personId).to.not.equal(listed!.personId);
      expect(seenByOther!.recordId).to.not.equal(listed!.recordId);
      expect(seenByOther!.appSpecificRecordId).to.equal(listed!.appSpecificRecordId);
    });

    it('lists what was validated since the watermark (inclusive), and a record picked up again once more', async function () {
      const { simulator, clock } = start();
      const code = codeFor(simulator, 'MRN-1');
      clock.advance(DAY);
      accept(simulator, code);
      const validatedAt = clock.now();
      const [first] = await authorized(this, simulator, validatedAt);
      expect(first).to.include({ externalId: 'MRN-1' });
      expect(await authorized(this, simulator, validatedAt + 1)).to.deep.equal([]);

      // Picked up again (after a deauthorization, say): listed again under the same ids, so a poller must dedupe.
      clock.advance(DAY);
      simulator.shell.revoke('avery', DEMO_APP_ID);
      accept(simulator, code);
      expect(simulator.shell.records('avery', DEMO_APP_ID)[0]!.authAction).to.equal('NoActionRequired');
      expect(await authorized(this, simulator, validatedAt + 1)).to.deep.equal([first]);
      expect(await authorized(this, simulator)).to.deep.equal([first]);
    });

    it('adds a record when the request is picked up for another one; the first stays authorized', async function () {
      const { simulator, clock } = start('multi-record');
      const code = codeFor(simulator, 'MRN-1');
      const [own, child] = simulator.shell.records('sam', DEMO_APP_ID);
      accept(simulator, code, { personId: 'sam', recordId: own!.id });
      clock.advance(DAY);
      accept(simulator, code, { personId: 'sam', recordId: child!.id });
      const listed = await authorized(this, simulator);
      expect(listed.map((entry) => entry.appSpecificRecordId)).to.deep.equal(['741934', '741935']);
      expect(new Set(listed.map((entry) => entry.personId)).size).to.equal(1);
      expect(await authorized(this, simulator, TEST_START + DAY)).to.deep.equal([listed[1]]);
      expect(simulator.shell.records('sam', DEMO_APP_ID).map((record) => record.authAction)).to.deep.equal([
        'NoActionRequired',
        'NoActionRequired',
        'AuthorizationRequired',
      ]);
      expect(simulator.connectRequests()[0]).to.include({ status: 'validated', pickups: 2 });
    });

    it('keeps a validated request 90 days after its last pick-up, then deletes it (code and external id free)', async function () {
      const { simulator, clock } = start();
      const code = codeFor(simulator, 'MRN-1');
      accept(simulator, code);
      clock.advance(60 * DAY);
      accept(simulator, code); // restarts the 90 days
      clock.advance(90 * DAY - 1);
      expect(await authorized(this, simulator)).to.have.length(1);
      // Four weeks pass long before: a validated request does not expire, it can be picked up again.
      expect(problem(simulator.shell.lookUpCode(code))).to.equal('ok');
      clock.advance(1);
      expect(await authorized(this, simulator)).to.deep.equal([]);
      expect(problem(simulator.shell.lookUpCode(code))).to.equal('unknown');
      expect(simulator.connectRequests()).to.deep.equal([]);
      expect(statusCode(createRequest(simulator, 'MRN-1'))).to.equal(0);
    });

    it('answers INVALID_DATETIME for a date the platform cannot hold', () => {
      const { simulator } = start();
      const since = (value: string) =>
        call(
          simulator,
          Methods.GetAuthorizedConnectRequests,
          `<authorized-connect-requests-since>${value}</authorized-connect-requests-since>`,
        );
      expect(statusCode(since('10000-01-01T00:00:00Z'))).to.equal(StatusCode.INVALID_DATETIME);
      expect(statusCode(since('-0001-01-01T00:00:00Z'))).to.equal(StatusCode.INVALID_DATETIME);
      expect(statusCode(since('0001-01-01T00:00:00Z'))).to.equal(0);
    });

    it('reads a date without a time zone as UTC, and one with an offset at its instant', async function () {
      const { simulator, clock } = start();
      const code = codeFor(simulator, 'MRN-1');
      accept(simulator, code); // at 2026-11-22T12:00:00Z
      const count = (value: string) =>
        parseXml(
          call(
            simulator,
            Methods.GetAuthorizedConnectRequests,
            `<authorized-connect-requests-since>${value}</authorized-connect-requests-since>`,
          ),
        ).querySelectorAll('connect-request').length;
      expect(count('2026-11-22T12:00:00')).to.equal(1);
      expect(count('2026-11-22T12:00:00.001')).to.equal(0);
      expect(count('2026-11-22T13:00:00+01:00')).to.equal(1);
      expect(count('2026-11-22T07:00:01-05:00')).to.equal(0);
      expect(clock.now()).to.equal(TEST_START);
    });
  });

  describe('DeletePendingConnectRequest', () => {
    it("deletes the application's pending request for the external id, and nothing else; no wc:info", async function () {
      const { simulator } = start();
      const pending = codeFor(simulator, 'MRN-1');
      const validated = codeFor(simulator, 'MRN-2');
      codeFor(simulator, 'MRN-1', { appId: OTHER_APP_ID });
      accept(simulator, validated);

      const deleted = call(simulator, Methods.DeletePendingConnectRequest, '<external-id>MRN-1</external-id>');
      expect(statusCode(deleted)).to.equal(0);
      expect(parseXml(deleted).documentElement.children).to.have.length(1); // no response schema: no <wc:info>
      expect(problem(simulator.shell.lookUpCode(pending))).to.equal('unknown');
      // "Deleted only if it has not been authorized" (XSD).
      call(simulator, Methods.DeletePendingConnectRequest, '<external-id>MRN-2</external-id>');
      expect(await authorized(this, simulator)).to.have.length(1);
      expect(simulator.connectRequests().map((r) => [r.appId, r.externalId])).to.deep.equal([
        [DEMO_APP_ID, 'MRN-2'],
        [OTHER_APP_ID, 'MRN-1'],
      ]);
    });

    it('deletes a locked request, which frees its external id', () => {
      const { simulator } = start();
      const code = codeFor(simulator, 'MRN-1');
      for (const wrong of ['a', 'b', 'c']) simulator.shell.answerCode(code, wrong);
      call(simulator, Methods.DeletePendingConnectRequest, '<external-id>MRN-1</external-id>');
      expect(statusCode(createRequest(simulator, 'MRN-1'))).to.equal(0);
    });
  });

  describe('UpdateExternalId', () => {
    const rename = (simulator: Simulator, owner: string) =>
      call(simulator, Methods.UpdateExternalId, `${owner}<new-external-id>MRN-9</new-external-id>`);

    it('renames a request found by its old external id; no wc:info', async function () {
      const { simulator } = start();
      accept(simulator, codeFor(simulator, 'MRN-1'));
      const renamed = rename(simulator, '<old-external-id>MRN-1</old-external-id>');
      expect(statusCode(renamed)).to.equal(0);
      expect(parseXml(renamed).documentElement.children).to.have.length(1);
      expect((await authorized(this, simulator)).map((entry) => entry.externalId)).to.deep.equal(['MRN-9']);
      // An old external id nobody has renames nothing, without an error.
      expect(statusCode(rename(simulator, '<old-external-id>MRN-404</old-external-id>'))).to.equal(0);
    });

    it('renames a request found by its identity code, written with or without dashes', () => {
      const { simulator } = start();
      const code = codeFor(simulator, 'MRN-1');
      expect(statusCode(rename(simulator, `<identity-code>${code.replace(/-/g, '')}</identity-code>`))).to.equal(0);
      expect(simulator.connectRequests()[0]!.externalId).to.equal('MRN-9');
      const unknown = rename(simulator, '<identity-code>BCDF-GHJK-LMNP-QRST-VWXZ</identity-code>');
      expect(statusCode(unknown)).to.equal(StatusCode.INVALID_IDENTITY_CODE);
      // Another application's code is unknown to this one.
      const foreign = codeFor(simulator, 'MRN-1', { appId: OTHER_APP_ID });
      expect(statusCode(rename(simulator, `<identity-code>${foreign}</identity-code>`))).to.equal(
        StatusCode.INVALID_IDENTITY_CODE,
      );
    });

    it('will not give a request the external id of another request of the application', () => {
      const { simulator } = start();
      codeFor(simulator, 'MRN-1');
      codeFor(simulator, 'MRN-9');
      expect(statusCode(rename(simulator, '<old-external-id>MRN-1</old-external-id>'))).to.equal(
        StatusCode.DUPLICATE_CONNECT_REQUEST_FOUND,
      );
    });

    it('renames a package found by its identity code', () => {
      const { simulator } = start('pickup-package');
      const [held] = simulator.packages();
      expect(statusCode(rename(simulator, `<identity-code>${held!.identityCode}</identity-code>`))).to.equal(0);
      expect(simulator.packages()[0]!.externalId).to.equal('MRN-9');
    });
  });

  describe('the connect-request scenario', () => {
    it('holds the documented request: code, question and answer, pending for 26 more days', () => {
      const { simulator, clock } = start('connect-request');
      expect(simulator.connectRequests()).to.deep.equal([
        {
          appId: DEMO_APP_ID,
          externalId: 'MRN-1001',
          friendlyName: 'Morgan Blake',
          question: QUESTION,
          identityCode: 'KZTR-MVNP-QDWX-HLBC-JRSF',
          status: 'pending',
          createdAt: TEST_START - 2 * DAY,
          pickups: 0,
        },
      ]);
      expect(simulator.shell.people()).to.deep.equal([{ id: 'morgan', name: 'Morgan Blake' }]);
      expect(simulator.shell.records('morgan', DEMO_APP_ID)[0]!.authAction).to.equal('AuthorizationRequired');
      expect(problem(simulator.shell.answerCode('kztrmvnpqdwxhlbcjrsf', 'biscuit'))).to.equal('ok');
      clock.advance(26 * DAY);
      expect(problem(simulator.shell.lookUpCode('KZTR-MVNP-QDWX-HLBC-JRSF'))).to.equal('expired');
    });
  });
});

describe('drop-off packages in the simulator', () => {
  const CODE = 'PKGD-WNRT-XBQV-MZLH-CJSY';

  function pickUp(simulator: Simulator, answer = 'Lisbon', recordId = ownRecord(simulator, 'dana')): SimAnswerCheck {
    return simulator.shell.pickUpPackage({ identityCode: CODE, answer, personId: 'dana', recordId });
  }

  it('holds the documented package of the pickup-package scenario', () => {
    const { simulator } = start('pickup-package');
    expect(simulator.packages()).to.deep.equal([
      {
        appId: DEMO_APP_ID,
        externalId: 'MRN-2002',
        friendlyName: 'Results of your visit',
        question: 'In which city were you born?',
        identityCode: CODE,
        status: 'waiting',
        createdAt: TEST_START - 3 * DAY,
        contents: [
          'Lipid panel: total cholesterol 182 mg/dL, LDL 96 mg/dL, HDL 58 mg/dL',
          'Blood pressure: 118/76 mmHg, pulse 64',
        ],
      },
    ]);
    expect(simulator.shell.lookUpCode(CODE)).to.deep.equal({
      ok: true,
      kind: 'package',
      appId: DEMO_APP_ID,
      question: 'In which city were you born?',
      triesLeft: 3,
    });
  });

  it('adds its items to the chosen record, once', () => {
    const { simulator, clock } = start('pickup-package');
    const recordId = ownRecord(simulator, 'dana');
    clock.advance(DAY);
    expect(pickUp(simulator, 'LISBON')).to.include({ ok: true, friendlyName: 'Results of your visit' });
    const record = simulator.snapshot().records[recordId]!;
    expect(record.things.map(({ typeId, appId, createdAt }) => [typeId, appId, createdAt])).to.deep.equal([
      [ThingType.LabResults, DEMO_APP_ID, TEST_START + DAY],
      [ThingType.BloodPressure, DEMO_APP_ID, TEST_START + DAY],
    ]);
    expect(record.updatedAt).to.equal(TEST_START + DAY);
    expect(simulator.packages()[0]!.status).to.equal('picked-up');
    expect(simulator.shell.lookUpCode(CODE)).to.deep.include({ ok: false, problem: 'picked-up' });
    expect(problem(pickUp(simulator))).to.equal('picked-up');
    expect(simulator.snapshot().records[recordId]!.things).to.have.length(2);
  });

  it('locks at the third wrong answer and expires after four weeks', () => {
    const locked = start('pickup-package').simulator;
    expect(pickUp(locked, 'Porto')).to.include({ problem: 'wrong-answer', triesLeft: 2 });
    expect(pickUp(locked, 'Lisbon ')).to.include({ problem: 'wrong-answer', triesLeft: 1 });
    expect(pickUp(locked, 'Faro')).to.include({ problem: 'locked', code: StatusCode.RETRY_LIMIT_EXCEEDED });
    expect(problem(pickUp(locked))).to.equal('locked');
    expect(locked.packages()[0]!.status).to.equal('locked');

    const { simulator, clock } = start('pickup-package');
    clock.advance(25 * DAY - 1); // dropped off three days before the start
    expect(problem(simulator.shell.lookUpCode(CODE))).to.equal('ok');
    clock.advance(1);
    expect(simulator.shell.lookUpCode(CODE)).to.deep.include({ problem: 'expired', expiredAt: TEST_START + 25 * DAY });
    expect(simulator.packages()[0]!.status).to.equal('expired');
  });

  it('goes only into an active record the person is custodian of, and a package code accepts no connect request', () => {
    const { simulator } = start('pickup-package');
    expect(() =>
      simulator.shell.acceptConnectRequest({
        identityCode: CODE,
        answer: 'Lisbon',
        personId: 'dana',
        recordId: ownRecord(simulator, 'dana'),
      }),
    ).to.throw(/belongs to a package/);
    const state = simulator.snapshot();
    state.records[ownRecord(simulator, 'dana')]!.state = 'ReadOnly';
    const readOnly = createSimulator({ state, clock: createClock(TEST_START) });
    expect(readOnly.shell.records('dana', DEMO_APP_ID)[0]!.canReceive).to.equal(false);
    expect(() => pickUp(readOnly)).to.throw(/cannot add items/);
    expect(readOnly.shell.lookUpCode(CODE)).to.include({ triesLeft: 3 });
  });
});
