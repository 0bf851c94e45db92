import { expect } from '@open-wc/testing';
import { HvError } from '../../../src/core/errors.js';
import { parseShellReturn, type ShellReturn, type ShellReturnTarget } from '../../../src/core/shell/return.js';
import { withoutShellReturn } from '../../../src/core/shell/return-params.js';

const TARGETS: ShellReturnTarget[] = [
  'AppAuthSuccess',
  'AppAuthReject',
  'AppAuthInvalidRecord',
  'AppAuthFailure',
  'SelectedRecordChanged',
  'SignOut',
  'ShareRecordSuccess',
  'ShareRecordFailed',
  'EditRecordComplete',
  'EditRecordCancel',
  'ReconcileComplete',
  'ReconcileFailure',
  'ReconcileCanceled',
  'CreateRecordFailure',
  'CreateRecordCanceled',
  'Home',
  'Help',
  'Privacy',
  'ServiceAgreement',
];

describe('core/shell/return', () => {
  describe('parseShellReturn: the examples of reference §3 and its sources', () => {
    const examples: { source: string; query: string; expected: ShellReturn | undefined }[] = [
      {
        source: 'WEBC token return',
        query: '?target=AppAuthSuccess&wctoken=auth_token&instanceId=1',
        expected: { target: 'AppAuthSuccess', wctoken: 'auth_token', instanceId: '1' },
      },
      {
        source: 'MOB / IOS SODA return with the child app id',
        query: new URL(
          'https://testshellurl.com/application/complete?appid=fed09046-c006-479b-bda7-0eb585a7e538&target=AppAuthSuccess&instanceid=1',
        ).search,
        expected: { target: 'AppAuthSuccess', appId: 'fed09046-c006-479b-bda7-0eb585a7e538', instanceId: '1' },
      },
      {
        source: 'SRI CREATEACCOUNT return with targetDetails',
        query: '?target=AppAuthSuccess&targetDetails=CreateAccountSuccess',
        expected: { target: 'AppAuthSuccess', targetDetails: 'CreateAccountSuccess' },
      },
      { source: 'SRI APPAUTH return', query: '?target=AppAuthSuccess', expected: { target: 'AppAuthSuccess' } },
      {
        source: 'SRI AUTH return',
        query: '?target=SelectedRecordChanged',
        expected: { target: 'SelectedRecordChanged' },
      },
      { source: 'SRI APPSIGNOUT return', query: '?target=SignOut', expected: { target: 'SignOut' } },
      {
        source: 'SRI EDITRECORD return',
        query: '?target=EditRecordComplete',
        expected: { target: 'EditRecordComplete' },
      },
      {
        // WEBC shows these two without a target: that is not a Shell return this kit can act on.
        source: 'WEBC actionqs without a target',
        query: '?actionqs=AppUserId&instanceID=1',
        expected: undefined,
      },
      {
        source: 'SDK-stripped parameters',
        query: 'target=AppAuthSuccess&wctoken=t&suggestedtokenttl=1200&actionqs=hvstate%3Dabc%26action%3Dx%2520y',
        expected: {
          target: 'AppAuthSuccess',
          wctoken: 't',
          suggestedTokenTtl: '1200',
          actionqs: 'hvstate=abc&action=x%20y',
        },
      },
    ];
    for (const { source, query, expected } of examples) {
      it(source, () => expect(parseShellReturn(query)).to.deep.equal(expected));
    }
  });

  describe('parseShellReturn: target values compared case-insensitively', () => {
    for (const target of TARGETS) {
      for (const spelling of [target, target.toUpperCase(), target.toLowerCase()]) {
        it(`${spelling} → ${target}`, () => {
          expect(parseShellReturn(`target=${spelling}`)).to.deep.equal({ target });
        });
      }
    }

    const aliases: [string, ShellReturnTarget][] = [
      ['AppAuthRejected', 'AppAuthReject'],
      ['APPAUTHREJECTED', 'AppAuthReject'],
      ['appauthrejected', 'AppAuthReject'],
      ['EditRecordCanceled', 'EditRecordCancel'],
      ['EDITRECORDCANCELED', 'EditRecordCancel'],
    ];
    for (const [alias, target] of aliases) {
      it(`alias ${alias} → ${target}`, () => expect(parseShellReturn(`?target=${alias}`)?.target).to.equal(target));
    }
  });

  describe('parseShellReturn: parameter names in any casing', () => {
    const spellings: [string, keyof ShellReturn][] = [
      ['instanceid', 'instanceId'],
      ['instanceId', 'instanceId'],
      ['instanceID', 'instanceId'],
      ['INSTANCEID', 'instanceId'],
      ['wctoken', 'wctoken'],
      ['WCToken', 'wctoken'],
      ['actionqs', 'actionqs'],
      ['ActionQS', 'actionqs'],
      ['targetDetails', 'targetDetails'],
      ['targetdetails', 'targetDetails'],
      ['TargetDetails', 'targetDetails'],
      ['appid', 'appId'],
      ['AppId', 'appId'],
      ['suggestedtokenttl', 'suggestedTokenTtl'],
      ['SuggestedTokenTTL', 'suggestedTokenTtl'],
    ];
    for (const [name, field] of spellings) {
      it(`${name} → ${field}`, () => {
        expect(parseShellReturn(`?TARGET=AppAuthSuccess&${name}=v%2B1`)).to.deep.equal({
          target: 'AppAuthSuccess',
          [field]: 'v+1',
        });
      });
    }

    it('reads form fields posted with trm=Post', () => {
      const form = new URLSearchParams({ Target: 'AppAuthSuccess', WCToken: 'tok/+=', instanceId: '1' });
      expect(parseShellReturn(form)).to.deep.equal({ target: 'AppAuthSuccess', wctoken: 'tok/+=', instanceId: '1' });
    });

    it('ignores parameters that are not the Shell’s and empty values', () => {
      expect(parseShellReturn('?page=2&target=SignOut&wctoken=&utm_source=x')).to.deep.equal({ target: 'SignOut' });
    });

    it('accepts the same parameter twice with the same value', () => {
      expect(parseShellReturn('?target=SignOut&TARGET=SignOut')).to.deep.equal({ target: 'SignOut' });
    });
  });

  describe('parseShellReturn: no return, bad returns', () => {
    for (const query of ['', '?', '?page=2', '#target=AppAuthSuccess']) {
      it(`${JSON.stringify(query)} is a normal page load`, () => expect(parseShellReturn(query)).to.equal(undefined));
    }
    it('an empty URLSearchParams is a normal page load', () => {
      expect(parseShellReturn(new URLSearchParams())).to.equal(undefined);
    });

    const refused: [string, string][] = [
      ['?target=AppAuthMaybe', 'Unknown Shell return target "AppAuthMaybe"'],
      ['?target=AUTH', 'Unknown Shell return target "AUTH"'],
      ['?target=', 'Unknown Shell return target ""'],
      ['?target=toString', 'Unknown Shell return target "toString"'],
      ['?target=AppAuthSuccess&wctoken=a&WCTOKEN=b', 'The Shell return has conflicting "wctoken" values'],
      ['?target=AppAuthSuccess&Target=AppAuthReject', 'The Shell return has conflicting "target" values'],
    ];
    for (const [query, message] of refused) {
      it(`refuses ${query}`, () => {
        expect(() => parseShellReturn(query))
          .to.throw(HvError, message)
          .with.property('code', 'invalid-shell-return');
      });
    }
  });

  describe('withoutShellReturn', () => {
    const table: [string, string][] = [
      ['https://app.example/cb?target=AppAuthSuccess&wctoken=abc&instanceId=1', 'https://app.example/cb'],
      [
        'https://app.example/cb?a=1&WCToken=x&b=hello%20world&c=x+y&InstanceID=1#section',
        'https://app.example/cb?a=1&b=hello%20world&c=x+y#section',
      ],
      [
        'https://app.example/?TARGET=x&WcToken=x&INSTANCEID=x&ActionQs=x&TargetDetails=x&AppID=x&SuggestedTokenTTL=x&keep=1',
        'https://app.example/?keep=1',
      ],
      ['https://app.example/cb?%77ctoken=encoded-name&keep', 'https://app.example/cb?keep'],
      ['https://app.example/cb?&&target=x&', 'https://app.example/cb'],
      ['https://app.example/cb#x?wctoken=in-the-fragment', 'https://app.example/cb#x?wctoken=in-the-fragment'],
      ['https://app.example/cb', 'https://app.example/cb'],
      ['https://app.example/cb?wctoken=t#', 'https://app.example/cb#'],
      ['/cb?target=SignOut&keep=1', '/cb?keep=1'],
      ['https://app.example/cb?wctokens=kept&targets=kept', 'https://app.example/cb?wctokens=kept&targets=kept'],
    ];
    for (const [href, expected] of table) {
      it(`${href} → ${expected}`, () => {
        expect(withoutShellReturn(href)).to.equal(expected);
        expect(withoutShellReturn(expected)).to.equal(expected);
      });
    }
  });
});
