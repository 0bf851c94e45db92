import { expect } from '@open-wc/testing';
import type { HvError } from '../../../../src/core/errors.js';
import { decodePermissions, queryPermissionsRequest } from '../../../../src/core/platform/methods/query-permissions.js';
import { expectValid, schemasReady } from '../../../helpers/xsd.js';
import { decodedInfo, responseInfo, thrown } from '../fixtures.js';

const WEIGHT = '3d34d87e-7fc1-4153-800f-f56592cb0d17';
const HEIGHT = '40750a6a-89b2-455c-bd8d-b420a4cb500b';
const BLOOD_PRESSURE = 'ca3c57f4-f4c1-4e15-be67-0a3caf5414ed';

const PERMISSIONS_INFO = responseInfo(
  'QueryPermissions',
  `<thing-type-permission>
     <thing-type-id>${WEIGHT}</thing-type-id>
     <online-access-permissions><permission>Read</permission><permission>Create</permission><permission>Update</permission></online-access-permissions>
     <offline-access-permissions><permission>Read</permission></offline-access-permissions>
   </thing-type-permission>
   <thing-type-permission>
     <thing-type-id>${HEIGHT}</thing-type-id>
     <offline-access-permissions><permission>All</permission></offline-access-permissions>
   </thing-type-permission>
   <other-settings><meaningfuluse-opt-in>false</meaningfuluse-opt-in></other-settings>`,
);

describe('QueryPermissions', () => {
  describe('queryPermissionsRequest', () => {
    it('writes a schema-valid info with one thing-type-id per type', async function () {
      const xml = queryPermissionsRequest([WEIGHT, HEIGHT, BLOOD_PRESSURE]);
      expect(xml.match(/<thing-type-id>/g)).to.have.length(3);
      if (!(await schemasReady(this))) return;
      await expectValid('method-querypermissions.xsd', xml);
    });

    it('refuses an empty list and ids that are not GUIDs', () => {
      const empty = thrown(() => queryPermissionsRequest([])) as HvError;
      expect([empty.code, empty.message]).to.deep.equal([
        'invalid-config',
        'QueryPermissions needs at least one thing type id.',
      ]);
      const bad = thrown(() => queryPermissionsRequest(['weight'])) as HvError;
      expect([bad.code, bad.message]).to.deep.equal([
        'invalid-config',
        'QueryPermissions: thing type id "weight" is not a GUID.',
      ]);
    });
  });

  describe('decodePermissions', () => {
    it('uses a schema-valid fixture', async function () {
      if (!(await schemasReady(this))) return;
      await expectValid('response-querypermissions.xsd', PERMISSIONS_INFO);
    });

    it('decodes online and offline permissions per type; absent types stay absent', () => {
      expect(decodePermissions(decodedInfo('QueryPermissions', PERMISSIONS_INFO))).to.deep.equal([
        { thingTypeId: WEIGHT, online: ['Read', 'Create', 'Update'], offline: ['Read'] },
        { thingTypeId: HEIGHT, online: [], offline: ['All'] },
      ]);
    });

    it('refuses a permission outside the schema', () => {
      const info = responseInfo(
        'QueryPermissions',
        `<thing-type-permission><thing-type-id>${WEIGHT}</thing-type-id>` +
          '<online-access-permissions><permission>Write</permission></online-access-permissions></thing-type-permission>',
      );
      const error = thrown(() => decodePermissions(decodedInfo('QueryPermissions', info))) as HvError;
      expect(error.code).to.equal('malformed-response');
      expect(error.message).to.contain('thing-type-permission/online-access-permissions/permission is "Write"');
    });

    it('refuses an entry without its thing type id', () => {
      const info = responseInfo('QueryPermissions', '<thing-type-permission/>');
      expect(thrown(() => decodePermissions(decodedInfo('QueryPermissions', info))).message).to.equal(
        'Malformed HealthVault response: thing-type-permission has no <thing-type-id>.',
      );
    });
  });
});
