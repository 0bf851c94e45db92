import { expect } from '@open-wc/testing';
import type { HvError } from '../../../../src/core/errors.js';
import {
  decodeApplicationInfo,
  getApplicationInfoRequest,
} from '../../../../src/core/platform/methods/get-application-info.js';
import { expectValid, schemasReady } from '../../../helpers/xsd.js';
import { decodedInfo, responseInfo, thrown } from '../fixtures.js';

const APP_ID = 'f36debc7-5bce-4c8b-9c4b-3f2b1e0d9a87';
const CHILD_APP_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const WEIGHT = '3d34d87e-7fc1-4153-800f-f56592cb0d17';
const HEIGHT = '40750a6a-89b2-455c-bd8d-b420a4cb500b';
const PERSONAL_IMAGE = 'a5294488-f865-4ce3-92fa-187cd3b58930';

function application(rules: string, extra = ''): string {
  return responseInfo(
    'GetApplicationInfo',
    `<application>
      <id>${APP_ID}</id>
      <name xml:lang="en">Fitness Diary</name>
      <name xml:lang="fr">Journal de forme</name>
      <app-auth-required>true</app-auth-required>
      <restrict-app-users>false</restrict-app-users>
      <is-published>1</is-published>
      <action-url>https://diary.example.org/hv/return</action-url>
      <description xml:lang="en">Tracks your weight.</description>
      <auth-reason xml:lang="en">To chart your weight over time.</auth-reason>
      <domain-name>diary.example.org</domain-name>
      ${rules}
      <app-type>Web</app-type>
      ${extra}
    </application>`,
  );
}

const RULES = `
  <person-online-base-auth-xml><auth><rules>
    <rule name="weight">
      <reason xml:lang="en">To chart your weight.</reason>
      <reason xml:lang="fr">Pour suivre votre poids.</reason>
      <permission>Read</permission><permission>Create</permission>
      <target-set><type-id>${WEIGHT}</type-id><type-id>${HEIGHT}</type-id></target-set>
    </rule>
    <rule is-optional="true" name="photo">
      <reason>To show your picture.</reason>
      <display-flags>6</display-flags>
      <permission>Read</permission>
      <target-set><type-id>${PERSONAL_IMAGE}</type-id></target-set>
      <exception-set><type-id>${HEIGHT}</type-id></exception-set>
    </rule>
  </rules></auth></person-online-base-auth-xml>
  <person-offline-base-auth-xml><auth><rules>
    <rule is-optional="false" is-incr="true" name="sync">
      <permission>All</permission>
      <target-set><type-id>${WEIGHT}</type-id></target-set>
    </rule>
  </rules></auth></person-offline-base-auth-xml>`;

const APP_INFO = application(RULES, '<created-date>2017-01-02T03:04:05Z</created-date>');
const NO_RULES_INFO = application('<person-online-base-auth-xml/>');

describe('GetApplicationInfo', () => {
  describe('getApplicationInfoRequest', () => {
    for (const options of [{}, { allLanguages: true }, { allLanguages: false, childAppId: CHILD_APP_ID }]) {
      it(`writes a schema-valid info for ${JSON.stringify(options)}`, async function () {
        const xml = getApplicationInfoRequest(options);
        if (!(await schemasReady(this))) return;
        await expectValid('method-getapplicationinfo.xsd', xml);
      });
    }

    it('writes the child app id it is given', () => {
      expect(getApplicationInfoRequest({ childAppId: CHILD_APP_ID })).to.contain(
        `<child-app-id>${CHILD_APP_ID}</child-app-id>`,
      );
    });

    it('refuses a child app id that is not a GUID', () => {
      const error = thrown(() => getApplicationInfoRequest({ childAppId: 'child' })) as HvError;
      expect([error.code, error.message]).to.deep.equal([
        'invalid-config',
        'GetApplicationInfo: child app id "child" is not a GUID.',
      ]);
    });
  });

  describe('decodeApplicationInfo', () => {
    it('uses schema-valid fixtures', async function () {
      if (!(await schemasReady(this))) return;
      await expectValid('response-getapplicationinfo.xsd', APP_INFO);
      await expectValid('response-getapplicationinfo.xsd', NO_RULES_INFO);
    });

    it('decodes the application and its online and offline rules', () => {
      expect(decodeApplicationInfo(decodedInfo('GetApplicationInfo', APP_INFO))).to.deep.equal({
        id: APP_ID,
        name: 'Fitness Diary',
        names: [
          { text: 'Fitness Diary', lang: 'en' },
          { text: 'Journal de forme', lang: 'fr' },
        ],
        descriptions: [{ text: 'Tracks your weight.', lang: 'en' }],
        authReasons: [{ text: 'To chart your weight over time.', lang: 'en' }],
        actionUrl: 'https://diary.example.org/hv/return',
        appAuthRequired: true,
        restrictAppUsers: false,
        isPublished: true,
        domainName: 'diary.example.org',
        appType: 'Web',
        createdDate: new Date('2017-01-02T03:04:05Z'),
        onlineRules: [
          {
            name: 'weight',
            optional: false,
            incremental: false,
            reasons: [
              { text: 'To chart your weight.', lang: 'en' },
              { text: 'Pour suivre votre poids.', lang: 'fr' },
            ],
            displayFlags: 0,
            permissions: ['Read', 'Create'],
            typeIds: [WEIGHT, HEIGHT],
            exceptionTypeIds: [],
          },
          {
            name: 'photo',
            optional: true,
            incremental: false,
            reasons: [{ text: 'To show your picture.' }],
            displayFlags: 6,
            permissions: ['Read'],
            typeIds: [PERSONAL_IMAGE],
            exceptionTypeIds: [HEIGHT],
          },
        ],
        offlineRules: [
          {
            name: 'sync',
            optional: false,
            incremental: true,
            reasons: [],
            displayFlags: 0,
            permissions: ['All'],
            typeIds: [WEIGHT],
            exceptionTypeIds: [],
          },
        ],
      });
    });

    it('decodes an application without rules', () => {
      const app = decodeApplicationInfo(decodedInfo('GetApplicationInfo', NO_RULES_INFO));
      expect([app.onlineRules, app.offlineRules]).to.deep.equal([[], []]);
    });

    for (const [label, info, problem] of [
      ['no application', responseInfo('GetApplicationInfo', ''), 'the GetApplicationInfo <info> has no <application>'],
      ['no online auth xml', application(''), 'application has no <person-online-base-auth-xml>'],
      [
        'a rule without permission',
        application(
          '<person-online-base-auth-xml><auth><rules><rule name="r"/></rules></auth></person-online-base-auth-xml>',
        ),
        'application/person-online-base-auth-xml/auth/rules/rule has no <permission>',
      ],
      [
        'a boolean that is not one',
        application(RULES).replace('<is-published>1</is-published>', '<is-published>yes</is-published>'),
        'application/is-published is "yes", not a boolean',
      ],
    ] as const) {
      it(`refuses a response with ${label}`, () => {
        const error = thrown(() => decodeApplicationInfo(decodedInfo('GetApplicationInfo', info))) as HvError;
        expect(error.code).to.equal('malformed-response');
        expect(error.message).to.equal(`Malformed HealthVault response: ${problem}.`);
      });
    }
  });
});
