import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { Methods, requestNamespace, type MethodName } from '../../src/core/platform/methods.js';
import { getApplicationInfoRequest } from '../../src/core/platform/methods/get-application-info.js';
import { getAuthorizedRecordsRequest } from '../../src/core/platform/methods/get-authorized-records.js';
import { getPersonInfoRequest } from '../../src/core/platform/methods/get-person-info.js';
import { queryPermissionsRequest } from '../../src/core/platform/methods/query-permissions.js';
import { StatusCode } from '../../src/core/platform/status-codes.js';
import { PLATFORM_METHODS } from '../../src/mock/platform-methods.js';
import { DEMO_APP_ID, OTHER_APP_ID, ThingType } from '../../src/mock/scenarios.js';
import type { Simulator } from '../../src/mock/simulator.js';
import { expectValid, schemasReady } from '../helpers/xsd.js';
import { call, infoRequest, parseXml, records, signedIn, statusCode } from './helpers.js';

/**
 * The simulator checks every request `<info>` against its method's schema, as the platform does. Each case here is
 * also put to the official schema, so the simulator's checker and the schemas cannot drift apart.
 */

interface ValidInfo {
  what: string;
  body: string;
  /** The status the method answers with; 0 when absent. */
  answer?: number;
}

interface InvalidInfo {
  what: string;
  body: string;
  /** What the error message must name. */
  names: string;
}

const RECORD_ID = '1b0f6f8e-3c3a-4d5e-9a2b-7c8d9e0f1a2b';
const OTHER_RECORD_ID = 'A6E1C1D2-94B7-4F0E-8D3C-2B1A0F9E8D7C';
const { Weight, Height } = ThingType;

const gpi = (inner: string) => infoRequest(Methods.GetPersonInfo, inner);
const gar = (inner: string) => infoRequest(Methods.GetAuthorizedRecords, inner);
const qp = (inner: string) => infoRequest(Methods.QueryPermissions, inner);
const gai = (inner: string) => infoRequest(Methods.GetApplicationInfo, inner);
const ccr = (inner: string) => infoRequest(Methods.CreateConnectRequest, inner);
const gacr = (inner: string) => infoRequest(Methods.GetAuthorizedConnectRequests, inner);
const dpcr = (inner: string) => infoRequest(Methods.DeletePendingConnectRequest, inner);
const uei = (inner: string) => infoRequest(Methods.UpdateExternalId, inner);

/** A CreateConnectRequest `<info>` with these values, in the schema's order. */
const connectRequest = ({
  friendlyName = 'Morgan Blake',
  question = 'What was the name of your first pet?',
  answer = 'Biscuit',
  externalId,
  callBackUrl,
}: {
  friendlyName?: string;
  question?: string;
  answer?: string;
  externalId: string;
  callBackUrl?: string;
}) =>
  ccr(
    `<friendly-name>${friendlyName}</friendly-name><question>${question}</question><answer>${answer}</answer>` +
      `<external-id>${externalId}</external-id>` +
      (callBackUrl === undefined ? '' : `<call-back-url>${callBackUrl}</call-back-url>`),
  );
const since = (value: string) =>
  gacr(`<authorized-connect-requests-since>${value}</authorized-connect-requests-since>`);

const CASES: Record<MethodName, { valid: ValidInfo[]; invalid: InvalidInfo[] }> = {
  [Methods.GetPersonInfo]: {
    valid: [
      { what: 'no flags', body: getPersonInfoRequest() },
      { what: 'group-membership', body: getPersonInfoRequest({ groupMembership: true }) },
      { what: 'effective-record-permissions', body: getPersonInfoRequest({ effectiveRecordPermissions: true }) },
      {
        what: 'both flags',
        body: getPersonInfoRequest({ groupMembership: false, effectiveRecordPermissions: true }),
      },
      {
        what: 'flags written 1 and 0, with whitespace and a comment around them',
        body: gpi(
          '\n  <group-membership> 1 </group-membership><!-- why -->\n  <effective-record-permissions>0</effective-record-permissions>\n',
        ),
      },
    ],
    invalid: [
      {
        what: 'the flags in the wrong order',
        body: gpi(
          '<effective-record-permissions>true</effective-record-permissions><group-membership>true</group-membership>',
        ),
        names: '<group-membership> is out of order',
      },
      { what: 'an unknown element', body: gpi('<groups>true</groups>'), names: '<groups>' },
      {
        what: 'a flag twice',
        body: gpi('<group-membership>true</group-membership><group-membership>false</group-membership>'),
        names: '<group-membership>',
      },
      {
        what: 'a boolean written yes',
        body: gpi('<effective-record-permissions>yes</effective-record-permissions>'),
        names: '<effective-record-permissions>',
      },
      { what: 'a boolean in capitals', body: gpi('<group-membership>True</group-membership>'), names: 'True' },
      { what: 'an empty boolean', body: gpi('<group-membership/>'), names: '<group-membership>' },
      {
        what: 'a boolean after a no-break space (not XML whitespace)',
        body: gpi('<group-membership>\u00a0true</group-membership>'),
        names: '<group-membership>',
      },
      {
        what: 'markup in a flag',
        body: gpi('<group-membership><true/></group-membership>'),
        names: '<group-membership>',
      },
      {
        what: 'text beside the flags',
        body: gpi('<group-membership>true</group-membership>please'),
        names: 'text',
      },
      {
        what: 'an attribute on a flag',
        body: gpi('<group-membership value="true">true</group-membership>'),
        names: '<group-membership>',
      },
      {
        what: 'an attribute on the info',
        body: `<wc:info xmlns:wc="${requestNamespace(Methods.GetPersonInfo)}" version="2"/>`,
        names: 'version',
      },
    ],
  },
  [Methods.GetAuthorizedRecords]: {
    valid: [
      { what: 'one record id', body: getAuthorizedRecordsRequest([RECORD_ID]) },
      { what: 'two record ids, one in capitals', body: getAuthorizedRecordsRequest([RECORD_ID, OTHER_RECORD_ID]) },
    ],
    invalid: [
      { what: 'no record id', body: gar(''), names: '<id>' },
      { what: 'an id that is not a GUID', body: gar('<id>42</id>'), names: '"42"' },
      { what: 'a GUID in braces', body: gar(`<id>{${RECORD_ID}}</id>`), names: '<id>' },
      { what: 'a GUID with spaces around it', body: gar(`<id> ${RECORD_ID} </id>`), names: '<id>' },
      {
        what: 'an unknown element after the ids',
        body: gar(`<id>${RECORD_ID}</id><record-id>${RECORD_ID}</record-id>`),
        names: '<record-id>',
      },
      { what: 'text beside the ids', body: gar(`<id>${RECORD_ID}</id>${OTHER_RECORD_ID}`), names: 'text' },
    ],
  },
  [Methods.QueryPermissions]: {
    valid: [
      { what: 'one thing type', body: queryPermissionsRequest([Weight]) },
      { what: 'every thing type', body: queryPermissionsRequest(Object.values(ThingType)) },
    ],
    invalid: [
      { what: 'no thing type', body: qp(''), names: '<thing-type-id>' },
      { what: 'a type name for its id', body: qp('<thing-type-id>Weight</thing-type-id>'), names: '"Weight"' },
      {
        what: 'a truncated GUID after a good one',
        body: qp(`<thing-type-id>${Weight}</thing-type-id><thing-type-id>${Height.slice(0, -1)}</thing-type-id>`),
        names: '<thing-type-id>',
      },
      { what: "another method's parameter", body: qp(`<id>${Weight}</id>`), names: '<id>' },
      { what: 'text beside the types', body: qp(`<thing-type-id>${Weight}</thing-type-id>Weight`), names: 'text' },
    ],
  },
  [Methods.GetApplicationInfo]: {
    valid: [
      { what: 'no parameters', body: getApplicationInfoRequest() },
      { what: 'all-languages', body: getApplicationInfoRequest({ allLanguages: true }) },
      {
        what: 'both parameters (a child application that is not ours)',
        body: getApplicationInfoRequest({ allLanguages: false, childAppId: OTHER_APP_ID }),
        answer: StatusCode.ACCESS_DENIED,
      },
    ],
    invalid: [
      {
        what: 'the parameters in the wrong order',
        body: gai(`<child-app-id>${OTHER_APP_ID}</child-app-id><all-languages>true</all-languages>`),
        names: '<all-languages> is out of order',
      },
      {
        what: 'all-languages twice',
        body: gai('<all-languages>true</all-languages><all-languages>true</all-languages>'),
        names: '<all-languages>',
      },
      {
        what: 'two child applications',
        body: gai(`<child-app-id>${OTHER_APP_ID}</child-app-id><child-app-id>${DEMO_APP_ID}</child-app-id>`),
        names: '<child-app-id>',
      },
      { what: 'a boolean written yes', body: gai('<all-languages>yes</all-languages>'), names: '<all-languages>' },
      { what: 'a child app id that is not a GUID', body: gai('<child-app-id>demo</child-app-id>'), names: '"demo"' },
      { what: 'an unknown element', body: gai('<language>en</language>'), names: '<language>' },
    ],
  },
  [Methods.CreateConnectRequest]: {
    valid: [
      { what: 'the four required values', body: connectRequest({ externalId: 'MRN-schema-1' }) },
      {
        what: 'a call-back URL (accepted, not used) and an answer with spaces in it',
        body: connectRequest({ externalId: 'MRN-schema-2', answer: ' two words ', callBackUrl: 'https://x.example/' }),
      },
      {
        what: 'a question of spaces only',
        body: connectRequest({ externalId: 'MRN-schema-3', question: '  \t ' }),
        answer: StatusCode.INVALID_VERIFICATION_QUESTION,
      },
      {
        what: 'an answer of spaces only',
        body: connectRequest({ externalId: 'MRN-schema-4', answer: ' ' }),
        answer: StatusCode.INVALID_VERIFICATION_ANSWER,
      },
    ],
    invalid: [
      {
        what: 'the answer before the question',
        body: ccr(
          '<friendly-name>M</friendly-name><answer>B</answer><question>Q?</question><external-id>X</external-id>',
        ),
        names: '<question>',
      },
      { what: 'an empty question', body: connectRequest({ externalId: 'X', question: '' }), names: '<question>' },
      { what: 'an empty external id', body: connectRequest({ externalId: '' }), names: '<external-id>' },
      {
        what: 'no external id',
        body: ccr('<friendly-name>M</friendly-name><question>Q?</question><answer>B</answer>'),
        names: '<external-id>',
      },
      {
        what: 'two answers',
        body: ccr(
          '<friendly-name>M</friendly-name><question>Q?</question><answer>B</answer><answer>C</answer><external-id>X</external-id>',
        ),
        names: '<answer>',
      },
      {
        what: 'markup in the answer',
        body: connectRequest({ externalId: 'X', answer: '<b>Biscuit</b>' }),
        names: '<answer>',
      },
      {
        what: 'an unknown element',
        body: connectRequest({ externalId: 'X', callBackUrl: 'https://x.example/' }).replace(
          '</wc:info>',
          '<email>m@example.com</email></wc:info>',
        ),
        names: '<email>',
      },
    ],
  },
  [Methods.GetAuthorizedConnectRequests]: {
    valid: [
      { what: 'no date (every request)', body: gacr('') },
      { what: 'a UTC date', body: since('2026-11-01T00:00:00Z') },
      { what: 'a date without a time zone (taken as UTC)', body: since('2026-11-01T00:00:00') },
      { what: 'a date with an offset and a fraction', body: since('2026-11-01T09:30:00.125+05:30') },
      { what: 'the 29th of February of a leap year', body: since('2024-02-29T00:00:00Z') },
      {
        what: 'a year the platform cannot hold',
        body: since('10000-01-01T00:00:00Z'),
        answer: StatusCode.INVALID_DATETIME,
      },
    ],
    invalid: [
      { what: 'a date without a time', body: since('2026-11-01'), names: '<authorized-connect-requests-since>' },
      { what: 'the 30th of February', body: since('2026-02-30T00:00:00Z'), names: '"2026-02-30T00:00:00Z"' },
      { what: 'year 0000', body: since('0000-01-01T00:00:00Z'), names: '<authorized-connect-requests-since>' },
      { what: 'an offset past 14 hours', body: since('2026-11-01T00:00:00+15:00'), names: '+15:00' },
      { what: 'an epoch number', body: since('1764547200000'), names: '"1764547200000"' },
      {
        what: 'two dates',
        body: gacr(
          '<authorized-connect-requests-since>2026-11-01T00:00:00Z</authorized-connect-requests-since>'.repeat(2),
        ),
        names: '<authorized-connect-requests-since>',
      },
      { what: 'an unknown element', body: gacr('<since>2026-11-01T00:00:00Z</since>'), names: '<since>' },
    ],
  },
  [Methods.DeletePendingConnectRequest]: {
    valid: [{ what: 'an external id (none pending: nothing deleted)', body: dpcr('<external-id>MRN-0</external-id>') }],
    invalid: [
      { what: 'no external id', body: dpcr(''), names: '<external-id>' },
      { what: 'an empty external id', body: dpcr('<external-id/>'), names: '<external-id>' },
      {
        what: 'two external ids',
        body: dpcr('<external-id>A</external-id><external-id>B</external-id>'),
        names: '<external-id>',
      },
      { what: 'an identity code instead', body: dpcr('<identity-code>A</identity-code>'), names: '<identity-code>' },
    ],
  },
  [Methods.UpdateExternalId]: {
    valid: [
      {
        what: 'an old external id (unknown: nothing renamed)',
        body: uei('<old-external-id>MRN-0</old-external-id><new-external-id>MRN-1</new-external-id>'),
      },
      {
        what: 'an identity code (unknown)',
        body: uei('<identity-code>BCDF-GHJK-LMNP-QRST-VWXZ</identity-code><new-external-id>MRN-1</new-external-id>'),
        answer: StatusCode.INVALID_IDENTITY_CODE,
      },
    ],
    invalid: [
      {
        what: 'no old external id or identity code',
        body: uei('<new-external-id>MRN-1</new-external-id>'),
        names: '<identity-code> or <old-external-id>',
      },
      {
        what: 'both an identity code and an old external id',
        body: uei(
          '<identity-code>A</identity-code><old-external-id>B</old-external-id><new-external-id>C</new-external-id>',
        ),
        names: 'not both',
      },
      {
        what: 'the new external id first',
        body: uei('<new-external-id>C</new-external-id><old-external-id>B</old-external-id>'),
        names: '<old-external-id>',
      },
      {
        what: 'no new external id',
        body: uei('<old-external-id>B</old-external-id>'),
        names: '<new-external-id>',
      },
      {
        what: 'an empty new external id',
        body: uei('<old-external-id>B</old-external-id><new-external-id></new-external-id>'),
        names: '<new-external-id>',
      },
    ],
  },
};

/** Whether the official schema of `method` accepts `body` as its request `<info>`. */
async function schemaAccepts(method: MethodName, body: string): Promise<boolean> {
  const schema = `method-${method.toLowerCase()}.xsd`;
  const { valid } = (await executeServerCommand('hv-xsd', { schema, xml: body })) as { valid: boolean };
  return valid;
}

describe('request infos against their method schemas', () => {
  let simulator: Simulator;
  /** A record the signed-in person authorized, for the methods that act on one (QueryPermissions). */
  let recordId: string;

  before(async () => {
    ({ simulator } = await signedIn('returning-user'));
    recordId = records(call(simulator, Methods.GetPersonInfo))[0]!['id']!;
  });

  const send = (method: MethodName, body: string) => simulator.call({ appId: DEMO_APP_ID, method, body, recordId });

  it('covers every method the simulator answers', () => {
    expect(Object.keys(CASES)).to.have.members(Object.keys(PLATFORM_METHODS));
  });

  for (const [method, { valid, invalid }] of Object.entries(CASES) as [MethodName, (typeof CASES)[MethodName]][]) {
    describe(method, () => {
      for (const { what, body, answer = 0 } of valid) {
        it(`answers ${what}`, () => {
          const response = send(method, body);
          expect(statusCode(response), response).to.equal(answer);
        });

        it(`the schema accepts ${what}`, async function () {
          if (!(await schemasReady(this))) return;
          await expectValid(`method-${method.toLowerCase()}.xsd`, body);
        });
      }

      for (const { what, body, names } of invalid) {
        it(`answers INVALID_XML, naming the fault, to ${what}`, () => {
          const response = parseXml(send(method, body));
          expect(response.querySelector('response > status > code')?.textContent, body).to.equal(
            String(StatusCode.INVALID_XML),
          );
          expect(response.querySelector('response > status > error > message')?.textContent).to.contain(names);
          expect(response.documentElement.children).to.have.length(1); // no <wc:info> on errors
        });

        it(`the schema rejects ${what} too`, async function () {
          if (!(await schemasReady(this))) return;
          expect(await schemaAccepts(method, body), body).to.equal(false);
        });
      }
    });
  }
});
