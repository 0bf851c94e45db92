import { expect } from '@open-wc/testing';
import type { HvError } from '../../../../src/core/errors.js';
import {
  deletePendingConnectRequest,
  deletePendingConnectRequestRequest,
} from '../../../../src/core/platform/methods/delete-pending-connect-request.js';
import { expectValid, schemasReady } from '../../../helpers/xsd.js';
import { decodedInfo, responseInfo, thrown } from '../fixtures.js';

describe('DeletePendingConnectRequest', () => {
  describe('deletePendingConnectRequestRequest', () => {
    it('writes a schema-valid info', async function () {
      const xml = deletePendingConnectRequestRequest('PATIENT-123');
      expect(xml).to.equal(
        '<wc:info xmlns:wc="urn:com.microsoft.wc.methods.DeletePendingConnectRequest">' +
          '<external-id>PATIENT-123</external-id></wc:info>',
      );
      if (!(await schemasReady(this))) return;
      await expectValid('method-deletependingconnectrequest.xsd', xml);
    });

    for (const [label, externalId, problem] of [
      ['an empty external id', '', 'is empty'],
      ['a missing external id (from script)', undefined, 'is missing'],
      ['a numeric external id (from script)', 123, 'is not a string'],
    ] as const) {
      it(`refuses ${label}`, () => {
        const error = thrown(() => deletePendingConnectRequestRequest(externalId as unknown as string)) as HvError;
        expect([error.code, error.message]).to.deep.equal([
          'invalid-config',
          `DeletePendingConnectRequest: the external id ${problem}.`,
        ]);
      });
    }
  });

  describe('deletePendingConnectRequest', () => {
    it('is a write of version 1', () => {
      const { name, version, readOnly } = deletePendingConnectRequest;
      expect({ name, version, readOnly }).to.deep.equal({
        name: 'DeletePendingConnectRequest',
        version: 1,
        readOnly: false,
      });
    });

    it('has nothing to decode: the platform answers with its status alone', () => {
      const info = decodedInfo('DeletePendingConnectRequest', '');
      expect(info).to.equal(undefined);
      expect(deletePendingConnectRequest.decode(info)).to.equal(undefined);
      const empty = decodedInfo('DeletePendingConnectRequest', responseInfo('DeletePendingConnectRequest', ''));
      expect(deletePendingConnectRequest.decode(empty), 'an empty <info> alike').to.equal(undefined);
    });
  });
});
