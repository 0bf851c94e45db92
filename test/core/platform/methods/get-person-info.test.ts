import { expect } from '@open-wc/testing';
import { HvError } from '../../../../src/core/errors.js';
import { getPersonInfoRequest } from '../../../../src/core/platform/methods/get-person-info.js';
import { Methods } from '../../../../src/core/platform/methods.js';
import { infoXml, xmlElement } from '../../../../src/core/platform/xml-write.js';
import { decodePersonInfo } from '../../../../src/core/platform/methods/person-info-decode.js';
import { expectValid, schemasReady } from '../../../helpers/xsd.js';
import { decodedInfo, responseInfo, thrown } from '../fixtures.js';

const PERSON_ID = '6e3b1c2a-7d4f-4b8e-9a51-0c2d3e4f5a6b';
const SELF_RECORD = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const CHILD_RECORD = 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e';
const WEIGHT = '3d34d87e-7fc1-4153-800f-f56592cb0d17';

/** A multi-record person, shaped like the platform's own samples. */
const FULL_INFO = responseInfo(
  'GetPersonInfo',
  `<person-info>
    <person-id>${PERSON_ID}</person-id>
    <name>David Rickard</name>
    <app-settings><theme xmlns="urn:example.app">dark</theme></app-settings>
    <selected-record-id>${SELF_RECORD}</selected-record-id>
    <more-records>false</more-records>
    <record id="${SELF_RECORD}" record-custodian="true" rel-type="1" rel-name="Self"
      auth-expires="9999-12-31T23:59:59.999Z" display-name="David" state="Active"
      date-created="2016-07-12T22:14:36.69Z" max-size-bytes="4294967296" size-bytes="4189"
      app-record-auth-action="NoActionRequired" app-specific-record-id="782411" location-country="US"
      date-updated="2017-04-21T22:20:42.08Z" latest-operation-sequence-number="51"
      record-app-auth-created-date="2017-04-21T22:20:42.08Z">David Rickard</record>
    <record id="${CHILD_RECORD}" rel-type="5" rel-name="Child" auth-expires="2030-01-01T00:00:00Z"
      auth-expired="false" display-name="Sam" state="ReadOnly"
      app-record-auth-action="ReauthorizationRequired" app-specific-record-id="741934">Sam Rickard</record>
    <groups><group><name>Clinic &amp; Co</name><id>c3d4e5f6-a7b8-4c9d-8e1f-2a3b4c5d6e7f</id><contact-email>clinic@example.org</contact-email></group></groups>
    <preferred-culture><language>en-US</language></preferred-culture>
    <preferred-uiculture><language>en</language><country>US</country></preferred-uiculture>
    <location><country>US</country><state-province>WA</state-province></location>
    <effective-record-permission-list>
      <effective-record-permission>
        <record-id>${SELF_RECORD}</record-id>
        <thing-type-permission>
          <thing-type-id>${WEIGHT}</thing-type-id>
          <online-access-permissions><permission>Read</permission><permission>Create</permission></online-access-permissions>
        </thing-type-permission>
      </effective-record-permission>
    </effective-record-permission-list>
  </person-info>`,
);

const MINIMAL_INFO = responseInfo(
  'GetPersonInfo',
  `<person-info><person-id>${PERSON_ID}</person-id><name>New User</name></person-info>`,
);

describe('GetPersonInfo', () => {
  describe('getPersonInfoRequest', () => {
    for (const options of [
      {},
      { groupMembership: true },
      { groupMembership: false, effectiveRecordPermissions: true },
    ]) {
      it(`writes a schema-valid info for ${JSON.stringify(options)}`, async function () {
        const xml = getPersonInfoRequest(options);
        if (!(await schemasReady(this))) return;
        await expectValid('method-getpersoninfo.xsd', xml);
      });
    }

    it('writes only the flags it is given, in schema order', () => {
      expect(getPersonInfoRequest({ effectiveRecordPermissions: true, groupMembership: false })).to.equal(
        '<wc:info xmlns:wc="urn:com.microsoft.wc.methods.GetPersonInfo">' +
          '<group-membership>false</group-membership><effective-record-permissions>true</effective-record-permissions></wc:info>',
      );
      expect(getPersonInfoRequest()).to.equal('<wc:info xmlns:wc="urn:com.microsoft.wc.methods.GetPersonInfo"/>');
    });

    it('writes what the XML writer would (it does without, as every page asks this first)', () => {
      for (const groupMembership of [undefined, true, false]) {
        for (const effectiveRecordPermissions of [undefined, true, false]) {
          const flags = [
            ...(groupMembership === undefined ? [] : [xmlElement('group-membership', String(groupMembership))]),
            ...(effectiveRecordPermissions === undefined
              ? []
              : [xmlElement('effective-record-permissions', String(effectiveRecordPermissions))]),
          ];
          expect(getPersonInfoRequest({ groupMembership, effectiveRecordPermissions })).to.equal(
            infoXml(Methods.GetPersonInfo, flags),
          );
        }
      }
    });
  });

  describe('decodePersonInfo', () => {
    it('uses schema-valid fixtures', async function () {
      if (!(await schemasReady(this))) return;
      await expectValid('response-getpersoninfo.xsd', FULL_INFO);
      await expectValid('response-getpersoninfo.xsd', MINIMAL_INFO);
    });

    it('decodes a multi-record person', () => {
      const person = decodePersonInfo(decodedInfo('GetPersonInfo', FULL_INFO));
      expect(person.personId).to.equal(PERSON_ID);
      expect(person.name).to.equal('David Rickard');
      expect(person.selectedRecordId).to.equal(SELF_RECORD);
      expect(person.moreRecords).to.equal(false);
      expect(person.records.map((r) => [r.id, r.name, r.relType, r.state])).to.deep.equal([
        [SELF_RECORD, 'David Rickard', 1, 'Active'],
        [CHILD_RECORD, 'Sam Rickard', 5, 'ReadOnly'],
      ]);
      const [self, child] = person.records;
      expect(self?.authExpires, 'never expires').to.equal(undefined);
      expect(child?.authExpires?.toISOString()).to.equal('2030-01-01T00:00:00.000Z');
      expect(child?.appRecordAuthAction).to.equal('ReauthorizationRequired');
      expect(person.groups).to.deep.equal([
        { id: 'c3d4e5f6-a7b8-4c9d-8e1f-2a3b4c5d6e7f', name: 'Clinic & Co', contactEmail: 'clinic@example.org' },
      ]);
      expect(person.preferredCulture).to.deep.equal({ language: 'en-US' });
      expect(person.preferredUiCulture).to.deep.equal({ language: 'en', country: 'US' });
      expect(person.location).to.deep.equal({ country: 'US', stateProvince: 'WA' });
      expect(person.effectiveRecordPermissions).to.deep.equal([
        { recordId: SELF_RECORD, permissions: [{ thingTypeId: WEIGHT, online: ['Read', 'Create'], offline: [] }] },
      ]);
    });

    it('decodes a person with nothing but an id and a name', () => {
      expect(decodePersonInfo(decodedInfo('GetPersonInfo', MINIMAL_INFO))).to.deep.equal({
        personId: PERSON_ID,
        name: 'New User',
        moreRecords: false,
        records: [],
        groups: [],
        effectiveRecordPermissions: [],
      });
    });

    it('ignores elements it does not know', () => {
      const info = responseInfo(
        'GetPersonInfo',
        `<person-info><person-id>${PERSON_ID}</person-id><future-thing>x</future-thing><name>N</name></person-info><extra/>`,
      );
      expect(decodePersonInfo(decodedInfo('GetPersonInfo', info)).name).to.equal('N');
    });

    for (const [label, content, problem] of [
      ['no person-info', '', 'the GetPersonInfo <info> has no <person-info>'],
      ['no person id', '<person-info><name>N</name></person-info>', 'person-info has no <person-id>'],
      [
        'an empty name',
        `<person-info><person-id>${PERSON_ID}</person-id><name> </name></person-info>`,
        'person-info has an empty <name>',
      ],
      [
        'a record without id',
        `<person-info><person-id>${PERSON_ID}</person-id><name>N</name><record rel-type="1">R</record></person-info>`,
        'person-info/record has no "id" attribute',
      ],
    ] as const) {
      it(`refuses a response with ${label}`, () => {
        const error = thrown(() =>
          decodePersonInfo(decodedInfo('GetPersonInfo', responseInfo('GetPersonInfo', content))),
        ) as HvError;
        expect(error.code).to.equal('malformed-response');
        expect(error.message).to.equal(`Malformed HealthVault response: ${problem}.`);
      });
    }

    it('refuses a response without info', () => {
      expect(thrown(() => decodePersonInfo(undefined)).message).to.equal(
        'Malformed HealthVault response: the GetPersonInfo response has no <info>.',
      );
    });
  });
});
