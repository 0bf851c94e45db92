import { expect } from '@open-wc/testing';
import type { HvError } from '../../../../src/core/errors.js';
import {
  updateExternalId,
  updateExternalIdRequest,
  type UpdateExternalIdRequest,
} from '../../../../src/core/platform/methods/update-external-id.js';
import { expectValid, schemasReady } from '../../../helpers/xsd.js';
import { thrown } from '../fixtures.js';

const OPEN = '<wc:info xmlns:wc="urn:com.microsoft.wc.methods.UpdateExternalId">';

describe('UpdateExternalId', () => {
  describe('updateExternalIdRequest', () => {
    for (const [label, request, expected] of [
      [
        'a connect request by its old external id',
        { oldExternalId: 'PATIENT-123', newExternalId: 'MRN-0042' },
        `${OPEN}<old-external-id>PATIENT-123</old-external-id><new-external-id>MRN-0042</new-external-id></wc:info>`,
      ],
      [
        'a package by its identity code',
        { identityCode: 'JKYZ-QNMN-VHRX-ZGNR-GZNH', newExternalId: 'MRN-0042' },
        `${OPEN}<identity-code>JKYZ-QNMN-VHRX-ZGNR-GZNH</identity-code><new-external-id>MRN-0042</new-external-id></wc:info>`,
      ],
    ] as const) {
      it(`writes a schema-valid info for ${label}, the new id last`, async function () {
        const xml = updateExternalIdRequest(request);
        expect(xml).to.equal(expected);
        if (!(await schemasReady(this))) return;
        await expectValid('method-updateexternalid.xsd', xml);
      });
    }

    for (const [label, request, message] of [
      [
        'neither an old external id nor an identity code',
        { newExternalId: 'MRN-0042' },
        'UpdateExternalId takes the old external id or the identity code of the request, and was given neither.',
      ],
      [
        'both an old external id and an identity code',
        { oldExternalId: 'PATIENT-123', identityCode: 'JKYZ-QNMN-VHRX-ZGNR-GZNH', newExternalId: 'MRN-0042' },
        'UpdateExternalId takes the old external id or the identity code of the request, not both.',
      ],
      [
        'an empty old external id',
        { oldExternalId: '', newExternalId: 'MRN-0042' },
        'UpdateExternalId: the old external id is empty.',
      ],
      [
        'an empty identity code',
        { identityCode: '', newExternalId: 'MRN-0042' },
        'UpdateExternalId: the identity code is empty.',
      ],
      [
        'an empty new external id',
        { oldExternalId: 'PATIENT-123', newExternalId: '' },
        'UpdateExternalId: the new external id is empty.',
      ],
      [
        'a missing new external id (from script)',
        { oldExternalId: 'PATIENT-123' },
        'UpdateExternalId: the new external id is missing.',
      ],
    ] as const) {
      it(`refuses ${label}`, () => {
        const error = thrown(() => updateExternalIdRequest(request as UpdateExternalIdRequest)) as HvError;
        expect([error.code, error.message]).to.deep.equal(['invalid-config', message]);
      });
    }
  });

  describe('updateExternalId', () => {
    it('is a write of version 1 whose answer has nothing to decode', () => {
      const { name, version, readOnly } = updateExternalId;
      expect({ name, version, readOnly }).to.deep.equal({ name: 'UpdateExternalId', version: 1, readOnly: false });
      expect(updateExternalId.decode(undefined)).to.equal(undefined);
    });
  });
});
