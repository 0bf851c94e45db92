import { expect } from '@open-wc/testing';
import type { HvError } from '../../../../src/core/errors.js';
import {
  decodeAuthorizedRecords,
  getAuthorizedRecordsRequest,
} from '../../../../src/core/platform/methods/get-authorized-records.js';
import { expectValid, schemasReady } from '../../../helpers/xsd.js';
import { decodedInfo, responseInfo, thrown } from '../fixtures.js';

const SELF = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const CHILD = 'B2C3D4E5-F6A7-4B8C-9D0E-1F2A3B4C5D6E';

const RECORDS_INFO = responseInfo(
  'GetAuthorizedRecords',
  `<record id="${SELF}" record-custodian="true" rel-type="1" rel-name="Self"
      auth-expires="9999-12-31T23:59:59.999Z" display-name="David" state="Active"
      date-created="2016-07-12T22:14:36.69Z" max-size-bytes="4294967296" size-bytes="4189"
      app-record-auth-action="NoActionRequired" auto-reconcile-documents="false" app-specific-record-id="782411"
      location-country="US" location-state-province="WA" date-updated="2017-04-21T22:20:42.08Z"
      latest-operation-sequence-number="51" record-app-auth-created-date="2017-04-21T22:20:42.08Z">David Rickard</record>
   <record id="${CHILD}" rel-type="2" rel-name="Other" auth-expires="2020-01-01T00:00:00Z" auth-expired="true"
      state="Suspended" app-record-auth-action="">Old Record</record>`,
);

describe('GetAuthorizedRecords', () => {
  describe('getAuthorizedRecordsRequest', () => {
    it('writes a schema-valid info with one id per record', async function () {
      const xml = getAuthorizedRecordsRequest([SELF, CHILD]);
      expect(xml).to.equal(
        '<wc:info xmlns:wc="urn:com.microsoft.wc.methods.GetAuthorizedRecords">' +
          `<id>${SELF}</id><id>${CHILD}</id></wc:info>`,
      );
      if (!(await schemasReady(this))) return;
      await expectValid('method-getauthorizedrecords.xsd', xml);
    });

    for (const [label, ids, message] of [
      ['no ids', [], 'GetAuthorizedRecords needs at least one record id.'],
      ['an id that is not a GUID', [SELF, 'record-1'], 'GetAuthorizedRecords: record id "record-1" is not a GUID.'],
      ['a GUID in braces', [`{${SELF}}`], `GetAuthorizedRecords: record id "{${SELF}}" is not a GUID.`],
    ] as const) {
      it(`refuses ${label}`, () => {
        const error = thrown(() => getAuthorizedRecordsRequest(ids)) as HvError;
        expect(error.code).to.equal('invalid-config');
        expect(error.message).to.equal(message);
      });
    }
  });

  describe('decodeAuthorizedRecords', () => {
    it('uses a schema-valid fixture', async function () {
      if (!(await schemasReady(this))) return;
      await expectValid('response-getauthorizedrecords.xsd', RECORDS_INFO);
      await expectValid('response-getauthorizedrecords.xsd', responseInfo('GetAuthorizedRecords', ''));
    });

    it('decodes every attribute of a record', () => {
      const [self, old] = decodeAuthorizedRecords(decodedInfo('GetAuthorizedRecords', RECORDS_INFO));
      expect(self).to.deep.equal({
        id: SELF,
        name: 'David Rickard',
        relType: 1,
        relName: 'Self',
        isCustodian: true,
        authExpired: false,
        displayName: 'David',
        state: 'Active',
        dateCreated: new Date('2016-07-12T22:14:36.690Z'),
        dateUpdated: new Date('2017-04-21T22:20:42.080Z'),
        maxSizeBytes: 4294967296,
        sizeBytes: 4189,
        appRecordAuthAction: 'NoActionRequired',
        autoReconcileDocuments: false,
        appSpecificRecordId: '782411',
        locationCountry: 'US',
        locationStateProvince: 'WA',
        latestOperationSequenceNumber: 51,
        recordAppAuthCreatedDate: new Date('2017-04-21T22:20:42.080Z'),
      });
      expect(old).to.deep.equal({
        id: CHILD,
        name: 'Old Record',
        relType: 2,
        relName: 'Other',
        isCustodian: false,
        authExpires: new Date('2020-01-01T00:00:00Z'),
        authExpired: true,
        state: 'Suspended',
        appRecordAuthAction: '',
      });
    });

    it('decodes an empty answer (unknown ids are omitted, not errors)', () => {
      expect(
        decodeAuthorizedRecords(decodedInfo('GetAuthorizedRecords', responseInfo('GetAuthorizedRecords', ''))),
      ).to.deep.equal([]);
    });

    for (const [label, record, problem] of [
      ['no rel-type', `<record id="${SELF}">R</record>`, 'record has no "rel-type" attribute'],
      ['no name', `<record id="${SELF}" rel-type="1"/>`, 'record has no record name'],
      [
        'an unknown state',
        `<record id="${SELF}" rel-type="1" state="Frozen">R</record>`,
        'record/@state is "Frozen", not one of',
      ],
      [
        'a bad custodian flag',
        `<record id="${SELF}" rel-type="1" record-custodian="yes">R</record>`,
        'record/@record-custodian is "yes"',
      ],
    ] as const) {
      it(`refuses a record with ${label}`, () => {
        const error = thrown(() =>
          decodeAuthorizedRecords(decodedInfo('GetAuthorizedRecords', responseInfo('GetAuthorizedRecords', record))),
        ) as HvError;
        expect(error.code).to.equal('malformed-response');
        expect(error.message).to.contain(`Malformed HealthVault response: ${problem}`);
      });
    }
  });
});
