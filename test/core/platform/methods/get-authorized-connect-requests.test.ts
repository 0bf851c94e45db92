import { expect } from '@open-wc/testing';
import type { HvError } from '../../../../src/core/errors.js';
import {
  decodeAuthorizedConnectRequests,
  getAuthorizedConnectRequests,
  getAuthorizedConnectRequestsRequest,
} from '../../../../src/core/platform/methods/get-authorized-connect-requests.js';
import type { XmlNode } from '../../../../src/core/platform/xml-node.js';
import { expectValid, schemasReady } from '../../../helpers/xsd.js';
import { decodedInfo, responseInfo, thrown } from '../fixtures.js';

const PERSON = '6e3b1c2a-7d4f-4b8e-9a51-0c2d3e4f5a6b';
const RECORD = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const OTHER_RECORD = 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e';
const APP = 'f36debc7-5bce-4c8b-9c4b-3f2b1e0d9a87';

function connectRequest(record: string, externalId: string, parts: { personId?: string; appId?: string } = {}) {
  return (
    `<connect-request><person-id>${parts.personId ?? PERSON}</person-id>${record}` +
    `<app-id>${parts.appId ?? APP}</app-id><external-id>${externalId}</external-id></connect-request>`
  );
}

const REQUESTS_INFO = responseInfo(
  'GetAuthorizedConnectRequests',
  '<resume-key>2026-03-01T00:00:00Z</resume-key>' +
    connectRequest(`<record-id app-specific-record-id="793179">${RECORD}</record-id>`, 'PATIENT-123') +
    connectRequest(`<record-id>${OTHER_RECORD}</record-id>`, ' PATIENT 7 '),
);

describe('GetAuthorizedConnectRequests', () => {
  describe('getAuthorizedConnectRequestsRequest', () => {
    for (const since of [
      undefined,
      new Date('2026-03-01T08:30:00Z'),
      new Date('0001-01-01T00:00:00Z'),
      new Date('9999-12-31T23:59:59.999Z'),
    ]) {
      it(`writes a schema-valid info since ${since?.toISOString() ?? 'ever'}`, async function () {
        const xml = getAuthorizedConnectRequestsRequest({ since });
        if (!(await schemasReady(this))) return;
        await expectValid('method-getauthorizedconnectrequests.xsd', xml);
      });
    }

    it('asks for every request without a date', () => {
      expect(getAuthorizedConnectRequestsRequest()).to.equal(
        '<wc:info xmlns:wc="urn:com.microsoft.wc.methods.GetAuthorizedConnectRequests"/>',
      );
    });

    it('writes the date in UTC, whatever zone it was made in', () => {
      expect(getAuthorizedConnectRequestsRequest({ since: new Date('2026-03-01T09:30:00+01:00') })).to.equal(
        '<wc:info xmlns:wc="urn:com.microsoft.wc.methods.GetAuthorizedConnectRequests">' +
          '<authorized-connect-requests-since>2026-03-01T08:30:00.000Z</authorized-connect-requests-since></wc:info>',
      );
    });

    for (const [label, since, message] of [
      ['an invalid date', new Date('soon'), '"since" is not a valid date.'],
      [
        'a date after the year 9999',
        new Date('+010000-01-01T00:00:00Z'),
        '"since" is in the year 10000; HealthVault takes years 1 to 9999.',
      ],
      [
        'a date in the year 0',
        new Date('0000-06-01T00:00:00Z'),
        '"since" is in the year 0; HealthVault takes years 1 to 9999.',
      ],
    ] as const) {
      it(`refuses ${label}`, () => {
        const error = thrown(() => getAuthorizedConnectRequestsRequest({ since })) as HvError;
        expect([error.code, error.message]).to.deep.equal([
          'invalid-config',
          `GetAuthorizedConnectRequests: ${message}`,
        ]);
      });
    }
  });

  describe('decodeAuthorizedConnectRequests', () => {
    it('uses schema-valid fixtures', async function () {
      if (!(await schemasReady(this))) return;
      await expectValid('response-getauthorizedconnectrequests.xsd', REQUESTS_INFO);
      await expectValid('response-getauthorizedconnectrequests.xsd', responseInfo('GetAuthorizedConnectRequests', ''));
    });

    it('decodes each request; the external id exactly as the partner gave it', () => {
      expect(decodeAuthorizedConnectRequests(decodedInfo('GetAuthorizedConnectRequests', REQUESTS_INFO))).to.deep.equal(
        [
          { personId: PERSON, recordId: RECORD, appSpecificRecordId: '793179', appId: APP, externalId: 'PATIENT-123' },
          { personId: PERSON, recordId: OTHER_RECORD, appId: APP, externalId: ' PATIENT 7 ' },
        ],
      );
    });

    it('reads the first child of each name, in whatever order they come', () => {
      const entry =
        `<connect-request><external-id>P</external-id><app-id>${APP}</app-id><record-id>${RECORD}</record-id>` +
        `<person-id>${PERSON}</person-id><person-id>${APP}</person-id>` +
        `<record-id app-specific-record-id="1">${OTHER_RECORD}</record-id></connect-request>`;
      const info = responseInfo('GetAuthorizedConnectRequests', entry);
      expect(decodeAuthorizedConnectRequests(decodedInfo('GetAuthorizedConnectRequests', info))).to.deep.equal([
        { personId: PERSON, recordId: RECORD, appId: APP, externalId: 'P' },
      ]);
    });

    it('decodes an answer without requests', () => {
      const info = responseInfo('GetAuthorizedConnectRequests', '');
      expect(decodeAuthorizedConnectRequests(decodedInfo('GetAuthorizedConnectRequests', info))).to.deep.equal([]);
    });

    const RECORD_ID = `<record-id>${RECORD}</record-id>`;
    for (const [label, entries, problem] of [
      ['no person id', connectRequest(RECORD_ID, 'P').replace(/<person-id>.*<\/person-id>/, ''), 'has no <person-id>'],
      ['no record id', connectRequest('', 'P'), 'has no <record-id>'],
      ['an empty app id', connectRequest(RECORD_ID, 'P', { appId: ' ' }), 'has an empty <app-id>'],
      ['an empty external id', connectRequest(RECORD_ID, ''), 'has an empty <external-id>'],
    ] as const) {
      it(`refuses a request with ${label}, naming which`, () => {
        const info = responseInfo('GetAuthorizedConnectRequests', connectRequest(RECORD_ID, 'FIRST') + entries);
        const error = thrown(() =>
          decodeAuthorizedConnectRequests(decodedInfo('GetAuthorizedConnectRequests', info)),
        ) as HvError;
        expect([error.code, error.message]).to.deep.equal([
          'malformed-response',
          `Malformed HealthVault response: connect-request[2] ${problem}.`,
        ]);
      });
    }

    it('refuses a response without info', () => {
      expect(thrown(() => decodeAuthorizedConnectRequests(undefined)).message).to.equal(
        'Malformed HealthVault response: the GetAuthorizedConnectRequests response has no <info>.',
      );
    });

    // How fast, with the XML parse in front of it, is `npm run bench`'s business (a timed test is a flaky one).
    it('decodes a backlog of 10,000 requests', () => {
      const element = (name: string, text: string, attributes: Record<string, string> = {}): XmlNode => ({
        name,
        attributes,
        children: [],
        text,
      });
      const guid = (kind: number, n: number) => `0000000${kind}-0000-4000-8000-${String(n).padStart(12, '0')}`;
      const count = 10_000;
      const children = Array.from({ length: count }, (_, n) => ({
        name: 'connect-request',
        attributes: {},
        text: '',
        children: [
          element('person-id', guid(1, n)),
          element('record-id', guid(2, n), { 'app-specific-record-id': String(n) }),
          element('app-id', APP),
          element('external-id', `PATIENT-${n}`),
        ],
      }));
      const info: XmlNode = { name: 'info', attributes: {}, text: '', children };

      const requests = decodeAuthorizedConnectRequests(info);

      expect(requests).to.have.length(count);
      expect(requests[count - 1]).to.deep.equal({
        personId: guid(1, count - 1),
        recordId: guid(2, count - 1),
        appSpecificRecordId: String(count - 1),
        appId: APP,
        externalId: `PATIENT-${count - 1}`,
      });
    });
  });

  describe('getAuthorizedConnectRequests', () => {
    it('is a read of version 1, which the client may share and cache', () => {
      const { name, version, readOnly } = getAuthorizedConnectRequests;
      expect({ name, version, readOnly }).to.deep.equal({
        name: 'GetAuthorizedConnectRequests',
        version: 1,
        readOnly: true,
      });
    });
  });
});
