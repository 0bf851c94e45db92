import { expect } from '@open-wc/testing';
import type { HvError } from '../../../../src/core/errors.js';
import {
  createConnectRequest,
  createConnectRequestRequest,
  decodeCreatedConnectRequest,
  type NewConnectRequest,
} from '../../../../src/core/platform/methods/create-connect-request.js';
import { expectValid, schemasReady } from '../../../helpers/xsd.js';
import { decodedInfo, responseInfo, thrown } from '../fixtures.js';

const REQUEST: NewConnectRequest = {
  friendlyName: 'Sam (son)',
  question: "Your mother's maiden name?",
  answer: 'Rickard',
  externalId: 'PATIENT-123',
};

const CREATED_INFO = responseInfo('CreateConnectRequest', '<identity-code>JKYZ-QNMN-VHRX-ZGNR-GZNH</identity-code>');

describe('CreateConnectRequest', () => {
  describe('createConnectRequestRequest', () => {
    it('writes a schema-valid info, parameters in schema order', async function () {
      const xml = createConnectRequestRequest(REQUEST);
      expect(xml).to.equal(
        '<wc:info xmlns:wc="urn:com.microsoft.wc.methods.CreateConnectRequest">' +
          "<friendly-name>Sam (son)</friendly-name><question>Your mother's maiden name?</question>" +
          '<answer>Rickard</answer><external-id>PATIENT-123</external-id></wc:info>',
      );
      if (!(await schemasReady(this))) return;
      await expectValid('method-createconnectrequest.xsd', xml);
    });

    it('escapes markup in what it is given', async function () {
      const xml = createConnectRequestRequest({ ...REQUEST, friendlyName: 'Sam & <Al>', answer: ' two words ' });
      expect(xml).to.contain('<friendly-name>Sam &amp; &lt;Al&gt;</friendly-name><question>');
      expect(xml, 'the answer is whitespace-sensitive: sent as given').to.contain('<answer> two words </answer>');
      if (!(await schemasReady(this))) return;
      await expectValid('method-createconnectrequest.xsd', xml);
    });

    it('passes a friendly name and an external id of spaces alone, which the platform takes', async function () {
      const xml = createConnectRequestRequest({ ...REQUEST, friendlyName: ' ', externalId: ' ' });
      expect(xml).to.contain('<friendly-name> </friendly-name>').and.to.contain('<external-id> </external-id>');
      if (!(await schemasReady(this))) return;
      await expectValid('method-createconnectrequest.xsd', xml);
    });

    for (const [label, change, message] of [
      ['an empty friendly name', { friendlyName: '' }, 'the friendly name is empty'],
      ['an empty question', { question: '' }, 'the question is empty or only whitespace'],
      ['a question of whitespace alone', { question: ' \t\n' }, 'the question is empty or only whitespace'],
      ['an answer of whitespace alone', { answer: '  ' }, 'the answer is empty or only whitespace'],
      ['an empty external id', { externalId: '' }, 'the external id is empty'],
      ['a missing external id (from script)', { externalId: undefined }, 'the external id is missing'],
    ] as const) {
      it(`refuses ${label}`, () => {
        const error = thrown(() =>
          createConnectRequestRequest({ ...REQUEST, ...change } as unknown as NewConnectRequest),
        ) as HvError;
        expect([error.code, error.message]).to.deep.equal(['invalid-config', `CreateConnectRequest: ${message}.`]);
      });
    }
  });

  describe('decodeCreatedConnectRequest', () => {
    it('uses a schema-valid fixture', async function () {
      if (!(await schemasReady(this))) return;
      await expectValid('response-createconnectrequest.xsd', CREATED_INFO);
    });

    it('decodes the identity code', () => {
      expect(decodeCreatedConnectRequest(decodedInfo('CreateConnectRequest', CREATED_INFO))).to.deep.equal({
        identityCode: 'JKYZ-QNMN-VHRX-ZGNR-GZNH',
      });
    });

    for (const [label, content, problem] of [
      ['no identity code', '', 'the CreateConnectRequest <info> has no <identity-code>'],
      [
        'an empty identity code',
        '<identity-code> </identity-code>',
        'the CreateConnectRequest <info> has an empty <identity-code>',
      ],
    ] as const) {
      it(`refuses a response with ${label}`, () => {
        const info = decodedInfo('CreateConnectRequest', responseInfo('CreateConnectRequest', content));
        const error = thrown(() => decodeCreatedConnectRequest(info)) as HvError;
        expect([error.code, error.message]).to.deep.equal([
          'malformed-response',
          `Malformed HealthVault response: ${problem}.`,
        ]);
      });
    }

    it('refuses a response without info', () => {
      expect(thrown(() => decodeCreatedConnectRequest(undefined)).message).to.equal(
        'Malformed HealthVault response: the CreateConnectRequest response has no <info>.',
      );
    });
  });

  describe('createConnectRequest', () => {
    it('is a write of version 1', () => {
      const { name, version, readOnly } = createConnectRequest;
      expect({ name, version, readOnly }).to.deep.equal({ name: 'CreateConnectRequest', version: 1, readOnly: false });
    });
  });
});
