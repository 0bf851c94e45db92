import { expect } from '@open-wc/testing';
import { HvError } from '../../../src/core/errors.js';
import { buildAuthUrl, buildShellUrl, buildUrlFor, resolveShell, SHELL_PRESETS } from '../../../src/core/shell/url.js';
import { isGuid } from '../../../src/core/guid.js';
import {
  SHELL_TARGETS,
  type ShellParamSpec,
  type ShellRequest,
  type ShellTarget,
} from '../../../src/core/shell/targets.js';

const PPE = 'https://account.healthvault-ppe.com';
const APP = '11111111-1111-4111-8111-111111111111';
const APP2 = '22222222-2222-4222-8222-222222222222';
const RECORD = '33333333-3333-4333-8333-333333333333';
const THING = '44444444-4444-4444-8444-444444444444';
const TYPE = '55555555-5555-4555-8555-555555555555';

/** The docs write `%3d` and `%3D` interchangeably; only the case of percent escapes is normalized. */
function normalizeEscapes(url: string): string {
  return url.replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase());
}

/** We omit the optional leading `?` of targetqs that some official code adds (reference §2). */
function withoutLeadingQuestionMark(url: string): string {
  return url.replace(/targetqs=%3F/i, 'targetqs=');
}

/** The same request through the target's own spec, as tree-shaken bundles build it. */
function buildThroughSpec(request: unknown, options?: { allowedRedirectOrigins?: string[] }): string {
  const { target, ...fields } = request as { target: ShellTarget };
  return buildUrlFor(SHELL_TARGETS[target], fields as never, options);
}

/** targetqs decoded twice, as the Shell does: the wire name/value pairs. */
function targetqsPairs(url: string): [string, string][] {
  const targetqs = new URL(url).searchParams.get('targetqs');
  return targetqs === null ? [] : [...new URLSearchParams(targetqs)];
}

describe('core/shell/url', () => {
  describe('buildShellUrl reproduces every example URL of the reference and its sources', () => {
    const examples: { source: string; request: ShellRequest; expected: string }[] = [
      {
        source: 'SRI intro (APPAUTH, lower-case %3d)',
        request: { target: 'APPAUTH', shell: PPE, appId: APP, multiRecord: true },
        expected: `${PPE}/redirect.aspx?target=APPAUTH&targetqs=appid%3d${APP}%26ismra%3dtrue`,
      },
      {
        source: 'SRI APPAUTH (upper-case %3D)',
        request: { target: 'APPAUTH', shell: PPE, appId: APP, multiRecord: true },
        expected: `${PPE}/redirect.aspx?target=APPAUTH&targetqs=appid%3D${APP}%26ismra%3Dtrue`,
      },
      {
        // The example sends trm only at the top level; we also put it inside targetqs (reference §12).
        source: 'SRI APPAUTH with redirected response (trm=post)',
        request: {
          target: 'APPAUTH',
          shell: PPE,
          appId: APP,
          multiRecord: true,
          recordId: RECORD,
          tokenRedirectMethod: 'Post',
        },
        expected: `${PPE}/redirect.aspx?target=APPAUTH&targetqs=appid%3d${APP}%26ismra%3dtrue%26extrecordid%3d${RECORD}%26trm%3DPost&trm=post`,
      },
      {
        source: 'SRI APPREDIRECT',
        request: { target: 'APPREDIRECT', shell: PPE, appId: APP },
        expected: `${PPE}/redirect.aspx?target=APPREDIRECT&targetqs=appid%3d${APP}`,
      },
      {
        source: 'SRI APPSIGNOUT',
        request: { target: 'APPSIGNOUT', shell: PPE, appId: APP },
        expected: `${PPE}/redirect.aspx?target=APPSIGNOUT&targetqs=appid%3d${APP}`,
      },
      {
        source: 'SRI AUTH',
        request: { target: 'AUTH', shell: PPE, appId: APP },
        expected: `${PPE}/redirect.aspx?target=AUTH&targetqs=appid%3d${APP}`,
      },
      {
        source: 'PCON CONNECT (reference §6)',
        request: { target: 'CONNECT', shell: PPE, packageId: 'JKYZ-QNMN-VHRX-ZGNR-GZNH' },
        expected: `${PPE}/redirect.aspx?target=CONNECT&targetqs=packageid%3dJKYZ-QNMN-VHRX-ZGNR-GZNH`,
      },
      {
        source: 'SRI CREATEACCOUNT',
        request: { target: 'CREATEACCOUNT', shell: PPE, appId: APP },
        expected: `${PPE}/redirect.aspx?target=CREATEACCOUNT&targetqs=appid%3d${APP}`,
      },
      {
        source: 'SRI CREATEAPPLICATION',
        request: {
          target: 'CREATEAPPLICATION',
          shell: PPE,
          appId: APP,
          appCreationToken: 'token',
          instanceName: 'instance',
          multiRecord: true,
        },
        expected: `${PPE}/redirect.aspx?target=CREATEAPPLICATION&targetqs=%3Fappid%3D${APP}%26appCreationToken%3Dtoken%26instanceName%3Dinstance%26ismra%3Dtrue`,
      },
      {
        source: 'SRI CREATERECORD',
        request: { target: 'CREATERECORD', shell: PPE, appId: APP },
        expected: `${PPE}/redirect.aspx?target=CREATERECORD&targetqs=appid%3d${APP}`,
      },
      {
        source: 'SRI EDITRECORD',
        request: { target: 'EDITRECORD', shell: PPE, appId: APP, recordId: RECORD },
        expected: `${PPE}/redirect.aspx?target=EDITRECORD&targetqs=appid%3d${APP}%26extrecordid%3d${RECORD}`,
      },
      {
        source: 'SRI MANAGEACCOUNT',
        request: { target: 'MANAGEACCOUNT', shell: PPE, appId: APP },
        expected: `${PPE}/redirect.aspx?target=MANAGEACCOUNT&targetqs=appid%3d${APP}`,
      },
      {
        // SRI's example lacks `redirect.aspx?` (a typo, reference §2.2) and shows a GUID where an identity code goes.
        source: 'SRI PICKUP (typo corrected)',
        request: { target: 'PICKUP', shell: PPE, packageId: 'JKXF-JRMX-ZKZM-KGZM-RKKX' },
        expected: `${PPE}/redirect.aspx?target=PICKUP&targetqs=packageid%3dJKXF-JRMX-ZKZM-KGZM-RKKX`,
      },
      {
        source: 'SRI RECONCILE',
        request: { target: 'RECONCILE', shell: PPE, appId: APP, recordId: RECORD, thingId: THING },
        expected: `${PPE}/redirect.aspx?target=RECONCILE&targetqs=appid%3d${APP}%26extrecordid%3d${RECORD}%26thingid%3d${THING}`,
      },
      {
        source: 'SRI RECORDLIST (no targetqs)',
        request: { target: 'RECORDLIST', shell: PPE },
        expected: `${PPE}/redirect.aspx?target=RECORDLIST`,
      },
      {
        // The example says `sappid`, its own table `appid`; we follow the table (reference §2.2 conflict).
        source: 'SRI SHAREDAPPDETAILS (appid per its table)',
        request: { target: 'SHAREDAPPDETAILS', shell: PPE, appId: APP, recordId: RECORD },
        expected: `${PPE}/redirect.aspx?target=SHAREDAPPDETAILS&targetqs=appid%3d${APP}%26extrecordid%3d${RECORD}`,
      },
      {
        source: 'SRI SHARERECORD',
        request: { target: 'SHARERECORD', shell: PPE, appId: APP, recordId: RECORD },
        expected: `${PPE}/redirect.aspx?target=SHARERECORD&targetqs=appid%3d${APP}%26extrecordid%3d${RECORD}`,
      },
      {
        source: 'SRI VIEWITEMS',
        request: { target: 'VIEWITEMS', shell: PPE, appId: APP, typeIds: [TYPE], addItem: true, recordId: RECORD },
        expected: `${PPE}/redirect.aspx?target=VIEWITEMS&targetqs=appid%3d${APP}%26typeid%3d${TYPE}%26additem%3dtrue%26extrecordid%3d${RECORD}`,
      },
      {
        source: 'IOSL CREATEAPPLICATION (token with + and /, device name with a space)',
        request: {
          target: 'CREATEAPPLICATION',
          shell: PPE,
          appId: 'c55cf02c-7de7-487a-8b8f-f694a7d9d737',
          appCreationToken:
            'ASAAAAukJ0r+NLVGks0yQoquKlmHOE95AQNgjsa/BPGWRSI0KqG2YVYYFFQE3Ma2Exafr7sChj8/p/h0/YvBzgrcp/hBZiMjiwQZBgg1gNATUUkgNUK1TqwnO9w6GrK1iigSNaZmkqE9ahjFH3cO8RhJ65+mTQHEFQzhhNS8VcwnGkoHBD9aevpQbL/XcXe9Y6flgzoj4Wyw8sj6CRXluagLv/k777V8EC9SynU0hCfcL7Fvq4L3MYOg5ej3CHk28nm+wMOzDFQgQFsG0fkSFJ8J5KE4b2CrKpdw6uzQvBAWa1yT6fS4B2M1OnZzmQ3NiOf/OSWZl5zBLaf6dP21QqOvO2yeEHWr',
          instanceName: 'iOS Device',
          multiRecord: true,
        },
        expected:
          'https://account.healthvault-ppe.com/redirect.aspx?target=CREATEAPPLICATION&targetqs=%3Fappid%3dc55cf02c-7de7-487a-8b8f-f694a7d9d737%26appCreationToken%3DASAAAAukJ0r%252BNLVGks0yQoquKlmHOE95AQNgjsa%252FBPGWRSI0KqG2YVYYFFQE3Ma2Exafr7sChj8%252Fp%252Fh0%252FYvBzgrcp%252FhBZiMjiwQZBgg1gNATUUkgNUK1TqwnO9w6GrK1iigSNaZmkqE9ahjFH3cO8RhJ65%252BmTQHEFQzhhNS8VcwnGkoHBD9aevpQbL%252FXcXe9Y6flgzoj4Wyw8sj6CRXluagLv%252Fk777V8EC9SynU0hCfcL7Fvq4L3MYOg5ej3CHk28nm%252BwMOzDFQgQFsG0fkSFJ8J5KE4b2CrKpdw6uzQvBAWa1yT6fS4B2M1OnZzmQ3NiOf%252FOSWZl5zBLaf6dP21QqOvO2yeEHWr%26instanceName%3DiOS%2520Device%26ismra%3Dtrue',
      },
      ...(
        [
          [false, undefined, '%26ismra%3Dfalse%26mobile%3Dtrue'],
          [true, undefined, '%26ismra%3Dtrue%26mobile%3Dtrue'],
          [false, true, '%26ismra%3Dfalse%26mobile%3Dtrue%26aib%3Dtrue'],
        ] as const
      ).map(([multiRecord, allowInstanceBounce, tail]) => ({
        source: `IOS CREATEAPPLICATION (ismra=${multiRecord}, aib=${allowInstanceBounce})`,
        request: {
          target: 'CREATEAPPLICATION',
          shell: 'https://testshellurl.com',
          appId: '20000000-2000-2000-2000-200000000000',
          appCreationToken: 'TESTTOKEN',
          instanceName: '30000000-3000-3000-3000-300000000000',
          multiRecord,
          mobile: true,
          allowInstanceBounce,
        } satisfies ShellRequest,
        expected: `https://testshellurl.com/redirect.aspx?target=CREATEAPPLICATION&targetqs=%3Fappid%3D20000000-2000-2000-2000-200000000000%26appCreationToken%3DTESTTOKEN%26instanceName%3D30000000-3000-3000-3000-300000000000${tail}`,
      })),
    ];

    for (const { source, request, expected } of examples) {
      it(source, () => {
        expect(normalizeEscapes(buildShellUrl(request))).to.equal(
          normalizeEscapes(withoutLeadingQuestionMark(expected)),
        );
      });
      it(`${source}: the same through buildUrlFor and the target's spec`, () => {
        expect(buildThroughSpec(request)).to.equal(buildShellUrl(request));
      });
    }

    it('OPT: the full targetqs is appid=…&onopt1=name1&onopt2=name2', () => {
      const url = buildShellUrl({
        target: 'APPAUTH',
        shell: 'us',
        appId: APP,
        onlineOptionalRules: ['name1', 'name2'],
      });
      expect(new URL(url).searchParams.get('targetqs')).to.equal(`appid=${APP}&onopt1=name1&onopt2=name2`);
    });

    it('SRI offopt example: offopt1=name1&offopt2=name2', () => {
      const url = buildShellUrl({ target: 'AUTH', shell: 'us', appId: APP, offlineOptionalRules: ['name1', 'name2'] });
      expect(new URL(url).searchParams.get('targetqs')).to.equal(`appid=${APP}&offopt1=name1&offopt2=name2`);
    });
  });

  describe('buildShellUrl encoding', () => {
    it('encodes each value, then the whole targetqs again (a space becomes %2520)', () => {
      const url = buildShellUrl({ target: 'AUTH', shell: 'us', appId: APP, actionqs: 'a b' });
      expect(url).to.equal(
        `https://account.healthvault.com/redirect.aspx?target=AUTH&targetqs=appid%3D${APP}%26actionqs%3Da%2520b`,
      );
    });

    const tricky = ['a b', 'x&y=z', '100%', '+/=', 'ünïcødé 🩺', '#frag?q', 'quote\'"<>'];
    for (const value of tricky) {
      it(`decoding targetqs twice gives back ${JSON.stringify(value)} exactly`, () => {
        const url = buildShellUrl({
          target: 'CREATEAPPLICATION',
          shell: 'eu',
          appId: APP,
          appCreationToken: value,
          instanceName: value,
          actionqs: value,
        });
        expect(targetqsPairs(url)).to.deep.equal([
          ['appid', APP],
          ['appCreationToken', value],
          ['instanceName', value],
          ['actionqs', value],
        ]);
        expect([...new URL(url).searchParams.keys()]).to.deep.equal(['target', 'targetqs']);
      });
    }

    const roundTrips: { name: string; request: ShellRequest; pairs: [string, string][] }[] = [
      {
        name: 'AUTH with every parameter it takes',
        request: {
          target: 'AUTH',
          shell: 'us',
          appId: APP,
          multiRecord: true,
          forceAppAuth: true,
          onlineOptionalRules: ['Weight', 'Steps'],
          offlineOptionalRules: ['Meds'],
          tokenRedirectMethod: 'Get',
          signupCode: 'CODE-1',
          redirect: 'https://app.example/return?x=1',
          actionqs: 'hvstate=abc&action=d',
          culture: 'en-US',
          lcid: 1033,
          allowInstanceBounce: true,
        },
        pairs: [
          ['appid', APP],
          ['ismra', 'true'],
          ['aib', 'true'],
          ['forceappauth', 'true'],
          ['signupcode', 'CODE-1'],
          ['onopt1', 'Weight'],
          ['onopt2', 'Steps'],
          ['offopt1', 'Meds'],
          ['trm', 'Get'],
          ['redirect', 'https://app.example/return?x=1'],
          ['actionqs', 'hvstate=abc&action=d'],
          ['culture', 'en-US'],
          ['lcid', '1033'],
        ],
      },
      {
        name: 'APPAUTH with several app ids (comma list)',
        request: { target: 'APPAUTH', shell: 'us', appId: [APP, APP2], recordId: RECORD },
        pairs: [
          ['appid', `${APP},${APP2}`],
          ['extrecordid', RECORD],
        ],
      },
      {
        name: 'APPSIGNOUT with credtoken',
        request: { target: 'APPSIGNOUT', shell: 'us', appId: APP, credToken: 'tok+en/=' },
        pairs: [
          ['appid', APP],
          ['credtoken', 'tok+en/='],
        ],
      },
      {
        name: 'CREATEACCOUNT with flow and daddrec',
        request: { target: 'CREATEACCOUNT', shell: 'us', appId: APP, flow: 'WMgmt', hideAddRecord: true },
        pairs: [
          ['appid', APP],
          ['flow', 'WMgmt'],
          ['daddrec', 'true'],
        ],
      },
      {
        name: 'VIEWITEMS with several type ids',
        request: { target: 'VIEWITEMS', shell: 'us', appId: APP, typeIds: [TYPE, THING] },
        pairs: [
          ['appid', APP],
          ['typeid', `${TYPE},${THING}`],
        ],
      },
      {
        name: 'HELP with a topic and no app id',
        request: { target: 'HELP', shell: 'us', topicId: 'PrivacyPolicy' },
        pairs: [['topicid', 'PrivacyPolicy']],
      },
      {
        name: 'RECORDLIST filtered by app',
        request: { target: 'RECORDLIST', shell: 'us', appId: APP },
        pairs: [['appid', APP]],
      },
      {
        name: 'APPREDIRECT with the destination target and targetqs',
        request: {
          target: 'APPREDIRECT',
          shell: 'us',
          appId: APP,
          refAppId: APP2,
          innerTarget: 'Home',
          innerTargetQs: 'a=1&b=2',
        },
        pairs: [
          ['appid', APP],
          ['refappid', APP2],
          ['target', 'Home'],
          ['targetqs', 'a=1&b=2'],
        ],
      },
      {
        name: 'explicit false flags are sent, absent ones are not',
        request: { target: 'AUTH', shell: 'us', appId: APP, multiRecord: false, forceAppAuth: undefined },
        pairs: [
          ['appid', APP],
          ['ismra', 'false'],
        ],
      },
      {
        name: 'empty rule lists send nothing',
        request: { target: 'AUTH', shell: 'us', appId: APP, onlineOptionalRules: [], offlineOptionalRules: [] },
        pairs: [['appid', APP]],
      },
      {
        name: 'rule names of exactly 16 characters (code points) are accepted',
        request: { target: 'AUTH', shell: 'us', appId: APP, onlineOptionalRules: ['x'.repeat(16), '🩺'.repeat(16)] },
        pairs: [
          ['appid', APP],
          ['onopt1', 'x'.repeat(16)],
          ['onopt2', '🩺'.repeat(16)],
        ],
      },
    ];
    for (const { name, request, pairs } of roundTrips) {
      it(`decoding targetqs twice gives back the params: ${name}`, () => {
        expect(targetqsPairs(buildShellUrl(request))).to.deep.equal(pairs);
      });
    }

    it('sends trm inside targetqs only for Get, and repeats trm=post at the top level for Post', () => {
      const get = new URL(buildShellUrl({ target: 'AUTH', shell: 'us', appId: APP, tokenRedirectMethod: 'Get' }));
      const post = new URL(buildShellUrl({ target: 'AUTH', shell: 'us', appId: APP, tokenRedirectMethod: 'Post' }));
      expect(get.searchParams.get('trm')).to.equal(null);
      expect(post.searchParams.get('trm')).to.equal('post');
      expect(targetqsPairs(post.href)).to.deep.include(['trm', 'Post']);
    });

    it('emits the target upper case', () => {
      const url = buildShellUrl({ target: 'auth', shell: 'us', appId: APP } as unknown as ShellRequest);
      expect(url).to.match(/\?target=AUTH&/);
    });

    it('keeps a shell path prefix and accepts http on localhost', () => {
      expect(buildShellUrl({ target: 'RECORDLIST', shell: 'http://localhost:8000/demo/shell/' })).to.equal(
        'http://localhost:8000/demo/shell/redirect.aspx?target=RECORDLIST',
      );
    });
  });

  describe('buildShellUrl validation names the problem', () => {
    const cases: {
      name: string;
      request: unknown;
      options?: { allowedRedirectOrigins?: string[] };
      message: string;
    }[] = [
      {
        name: 'app id not a GUID',
        request: { target: 'AUTH', shell: 'us', appId: 'my-app' },
        message: 'appId "my-app" is not a GUID (expected the form 00000000-0000-0000-0000-000000000000)',
      },
      {
        name: 'one app id of a list not a GUID',
        request: { target: 'APPAUTH', shell: 'us', appId: [APP, '1234'] },
        message: 'appId "1234" is not a GUID (expected the form 00000000-0000-0000-0000-000000000000)',
      },
      {
        name: 'empty app id list',
        request: { target: 'APPAUTH', shell: 'us', appId: [] },
        message: 'appId must be a non-empty list of GUIDs',
      },
      {
        name: 'app id list outside APPAUTH',
        request: { target: 'AUTH', shell: 'us', appId: [APP] },
        message: 'Only the APPAUTH target accepts several app ids, not AUTH',
      },
      {
        name: 'record id not a GUID',
        request: { target: 'EDITRECORD', shell: 'us', appId: APP, recordId: 'rec' },
        message: 'recordId "rec" is not a GUID (expected the form 00000000-0000-0000-0000-000000000000)',
      },
      {
        name: 'thing id not a GUID',
        request: { target: 'RECONCILE', shell: 'us', appId: APP, thingId: '{' + THING + '}' },
        message: `thingId "{${THING}}" is not a GUID (expected the form 00000000-0000-0000-0000-000000000000)`,
      },
      {
        name: 'referring app id not a GUID',
        request: { target: 'APPREDIRECT', shell: 'us', appId: APP, refAppId: 'other' },
        message: 'refAppId "other" is not a GUID (expected the form 00000000-0000-0000-0000-000000000000)',
      },
      {
        name: 'type id not a GUID',
        request: { target: 'VIEWITEMS', shell: 'us', appId: APP, typeIds: [TYPE, 'weight'] },
        message: 'typeIds "weight" is not a GUID (expected the form 00000000-0000-0000-0000-000000000000)',
      },
      {
        name: 'empty type id list',
        request: { target: 'VIEWITEMS', shell: 'us', appId: APP, typeIds: [] },
        message: 'typeIds must be a non-empty list of GUIDs',
      },
      {
        name: 'empty rule name',
        request: { target: 'AUTH', shell: 'us', appId: APP, onlineOptionalRules: ['ok', ''] },
        message: 'onlineOptionalRules[1] is an empty rule name',
      },
      {
        name: 'whitespace rule name',
        request: { target: 'APPAUTH', shell: 'us', appId: APP, offlineOptionalRules: ['  '] },
        message: 'offlineOptionalRules[0] is an empty rule name',
      },
      {
        name: 'rule name longer than string16',
        request: { target: 'AUTH', shell: 'us', appId: APP, onlineOptionalRules: ['SeventeenCharsXYZ'] },
        message: 'onlineOptionalRules[0] "SeventeenCharsXYZ" is longer than 16 characters (rule names are string16)',
      },
      {
        name: 'duplicate rule names',
        request: { target: 'CREATERECORD', shell: 'us', appId: APP, onlineOptionalRules: ['Weight', 'Weight'] },
        message: 'onlineOptionalRules lists the rule "Weight" twice',
      },
      {
        name: 'rules not a list',
        request: { target: 'AUTH', shell: 'us', appId: APP, offlineOptionalRules: 'Weight Steps' },
        message: 'offlineOptionalRules must be a list of rule names',
      },
      {
        name: 'relative redirect',
        request: { target: 'AUTH', shell: 'us', appId: APP, redirect: '/return' },
        message: 'redirect "/return" is not an absolute URL',
      },
      {
        name: 'http redirect to a public host',
        request: { target: 'AUTH', shell: 'us', appId: APP, redirect: 'http://app.example/return' },
        message:
          'redirect "http://app.example/return" must use https (plain http is accepted only for localhost, 127.0.0.1 and [::1])',
      },
      {
        name: 'javascript: redirect',
        request: { target: 'AUTH', shell: 'us', appId: APP, redirect: 'javascript:alert(1)' },
        message:
          'redirect "javascript:alert(1)" must use https (plain http is accepted only for localhost, 127.0.0.1 and [::1])',
      },
      {
        name: 'redirect outside the allow-list',
        request: { target: 'AUTH', shell: 'us', appId: APP, redirect: 'https://evil.example/cb' },
        options: { allowedRedirectOrigins: ['https://app.example', 'http://localhost:8000/'] },
        message:
          'redirect "https://evil.example/cb" is not allowed: its origin https://evil.example is not in allowedRedirectOrigins (https://app.example, http://localhost:8000)',
      },
      {
        name: 'redirect on another port than allowed',
        request: { target: 'AUTH', shell: 'us', appId: APP, redirect: 'http://localhost:9000/cb' },
        options: { allowedRedirectOrigins: ['http://localhost:8000'] },
        message:
          'redirect "http://localhost:9000/cb" is not allowed: its origin http://localhost:9000 is not in allowedRedirectOrigins (http://localhost:8000)',
      },
      {
        name: 'an allow-list entry that is not a URL',
        request: { target: 'AUTH', shell: 'us', appId: APP, redirect: 'https://app.example/cb' },
        options: { allowedRedirectOrigins: ['app.example'] },
        message: 'Allowed redirect origin "app.example" is not an absolute URL',
      },
      {
        // The URL parser reads `\` as `/` (host partner.example); a server may read evil.example after the `@`.
        name: 'redirect with a backslash before @',
        request: { target: 'AUTH', shell: 'us', appId: APP, redirect: 'https://partner.example\\@evil.example/' },
        options: { allowedRedirectOrigins: ['https://partner.example'] },
        message: 'redirect "https://partner.example\\\\@evil.example/" contains a backslash',
      },
      {
        // The URL parser drops the tab (userinfo partner.example, host evil.example); the raw string reads otherwise.
        name: 'redirect with a tab before @',
        request: { target: 'AUTH', shell: 'us', appId: APP, redirect: 'https://partner.example\t@evil.example/' },
        options: { allowedRedirectOrigins: ['https://evil.example'] },
        message: 'redirect "https://partner.example\\t@evil.example/" contains whitespace or a control character',
      },
      {
        name: 'redirect with a line feed',
        request: { target: 'AUTH', shell: 'us', appId: APP, redirect: 'https://app.example/\ncb' },
        message: 'redirect "https://app.example/\\ncb" contains whitespace or a control character',
      },
      {
        name: 'redirect with a user name',
        request: { target: 'AUTH', shell: 'us', appId: APP, redirect: 'https://partner.example@evil.example/' },
        options: { allowedRedirectOrigins: ['https://evil.example'] },
        message: 'redirect "https://partner.example@evil.example/" must not contain a user name or password',
      },
      {
        name: 'redirect with a password',
        request: { target: 'AUTH', shell: 'us', appId: APP, redirect: 'https://:pw@app.example/cb' },
        message: 'redirect "https://:pw@app.example/cb" must not contain a user name or password',
      },
      {
        name: 'redirect with a lone surrogate',
        request: { target: 'AUTH', shell: 'us', appId: APP, redirect: 'https://app.example/\uD800' },
        message: 'redirect has a lone surrogate',
      },
      {
        name: 'shell with a lone surrogate',
        request: { target: 'AUTH', shell: 'https://shell.example/\uDFFF', appId: APP },
        message: 'shell has a lone surrogate',
      },
      {
        name: 'actionqs with a lone surrogate',
        request: { target: 'AUTH', shell: 'us', appId: APP, actionqs: 'state=\uDC00' },
        message: 'actionqs has a lone surrogate',
      },
      {
        name: 'rule name with a lone surrogate',
        request: { target: 'AUTH', shell: 'us', appId: APP, onlineOptionalRules: ['Weight', 'Steps\uD83E'] },
        message: 'onlineOptionalRules has a lone surrogate',
      },
      {
        name: 'unknown preset',
        request: { target: 'AUTH', shell: 'xx', appId: APP },
        message: 'Unknown shell preset "xx": use us, us-ppe, eu, eu-ppe or an https URL',
      },
      {
        name: 'shell not https',
        request: { target: 'AUTH', shell: 'http://account.healthvault.com', appId: APP },
        message:
          'Shell "http://account.healthvault.com" must use https (plain http is accepted only for localhost, 127.0.0.1 and [::1])',
      },
      {
        name: 'missing shell',
        request: { target: 'AUTH', shell: ' ', appId: APP },
        message: 'The shell is missing: use us, us-ppe, eu, eu-ppe or an https URL',
      },
      {
        name: 'missing packageId for CONNECT',
        request: { target: 'CONNECT', shell: 'us' },
        message: 'The CONNECT target needs packageId (packageid)',
      },
      {
        name: 'blank packageId for PICKUP',
        request: { target: 'PICKUP', shell: 'us', packageId: ' ' },
        message: 'packageId (packageid) is empty',
      },
      {
        name: 'anything but packageid on CONNECT',
        request: { target: 'CONNECT', shell: 'us', packageId: 'JKYZ-QNMN-VHRX-ZGNR-GZNH', appId: APP },
        message: 'appId is not a parameter of the CONNECT target (it takes packageId)',
      },
      {
        name: 'a parameter the target does not take',
        request: { target: 'MANAGEACCOUNT', shell: 'us', appId: APP, recordId: RECORD },
        message:
          'recordId is not a parameter of the MANAGEACCOUNT target (it takes appId, redirect, actionqs, culture, lcid, allowInstanceBounce)',
      },
      {
        name: 'missing app id',
        request: { target: 'AUTH', shell: 'us' },
        message: 'The AUTH target needs appId (appid)',
      },
      {
        name: 'EDITRECORD without a record',
        request: { target: 'EDITRECORD', shell: 'us', appId: APP },
        message: 'The EDITRECORD target needs recordId (extrecordid)',
      },
      {
        name: 'CREATEAPPLICATION without an instance name',
        request: { target: 'CREATEAPPLICATION', shell: 'us', appId: APP, appCreationToken: 't' },
        message: 'The CREATEAPPLICATION target needs instanceName (instanceName)',
      },
      {
        name: 'unknown target',
        request: { target: 'SIGNOUT', shell: 'us', appId: APP },
        message: 'Unknown Shell target "SIGNOUT"',
      },
      {
        name: 'flag that is not a boolean',
        request: { target: 'AUTH', shell: 'us', appId: APP, multiRecord: 'true' },
        message: 'multiRecord (ismra) must be true or false, not "true"',
      },
      {
        name: 'token redirect method other than Get or Post',
        request: { target: 'AUTH', shell: 'us', appId: APP, tokenRedirectMethod: 'PUT' },
        message: 'tokenRedirectMethod (trm) "PUT" is not one of "Get", "Post"',
      },
      {
        name: 'unknown sign-up flow',
        request: { target: 'CREATEACCOUNT', shell: 'us', appId: APP, flow: 'fast' },
        message: 'flow (flow) "fast" is not one of "eprep", "WMgmt"',
      },
      {
        name: 'culture not an ISO name',
        request: { target: 'AUTH', shell: 'us', appId: APP, culture: 'en_US' },
        message: 'culture (culture) "en_US" is not an ISO culture name such as en-US',
      },
      {
        name: 'lcid not a positive integer',
        request: { target: 'AUTH', shell: 'us', appId: APP, lcid: 10.33 },
        message: 'lcid (lcid) 10.33 is not a decimal locale id such as 1033',
      },
      {
        name: 'empty credtoken',
        request: { target: 'APPSIGNOUT', shell: 'us', appId: APP, credToken: '' },
        message: 'credToken (credtoken) is empty',
      },
    ];

    for (const { name, request, options, message } of cases) {
      it(name, () => {
        expect(() => buildShellUrl(request as ShellRequest, options))
          .to.throw(HvError, message)
          .with.property('code', 'invalid-shell-request');
      });
      if (Object.hasOwn(SHELL_TARGETS, (request as ShellRequest).target)) {
        it(`${name}: the same through buildUrlFor and the target's spec`, () => {
          expect(() => buildThroughSpec(request, options))
            .to.throw(HvError, message)
            .with.property('code', 'invalid-shell-request');
        });
      }
    }

    const controlsAndSpaces = ['\0', '\t', '\n', '\v', '\f', '\r', '\x1f', ' ', '\x7f', '\x85', '\u00a0', '\u2028'];
    for (const character of controlsAndSpaces) {
      const codePoint = `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      it(`refuses ${codePoint} anywhere in a redirect`, () => {
        for (const redirect of [`${character}https://app.example/cb`, `https://app.exa${character}mple/cb`]) {
          expect(() => buildShellUrl({ target: 'AUTH', shell: 'us', appId: APP, redirect }))
            .to.throw(HvError, `redirect ${JSON.stringify(redirect)} contains whitespace or a control character`)
            .with.property('code', 'invalid-shell-request');
        }
      });
    }

    it('forwards the redirect as parsed, so the Shell gets the URL whose origin was checked', () => {
      const url = buildShellUrl(
        { target: 'AUTH', shell: 'us', appId: APP, redirect: 'https://PARTNER.example:443/a/../b' },
        { allowedRedirectOrigins: ['https://partner.example'] },
      );
      expect(targetqsPairs(url)).to.deep.include(['redirect', 'https://partner.example/b']);
    });

    it('accepts a well-formed surrogate pair in a redirect and percent-encodes it', () => {
      const url = buildShellUrl({ target: 'AUTH', shell: 'us', appId: APP, redirect: 'https://app.example/🩺' });
      expect(targetqsPairs(url)).to.deep.include(['redirect', 'https://app.example/%F0%9F%A9%BA']);
    });

    it('accepts a redirect inside the allow-list and plain http only on loopback hosts', () => {
      const allowed = ['http://localhost:8000', 'http://127.0.0.1:8000', 'http://[::1]:8000', 'https://app.example'];
      for (const redirect of [
        'http://localhost:8000/cb',
        'http://127.0.0.1:8000/cb',
        'http://[::1]:8000/cb',
        'https://app.example/x?y=1',
      ]) {
        const url = buildShellUrl(
          { target: 'AUTH', shell: 'us', appId: APP, redirect },
          { allowedRedirectOrigins: allowed },
        );
        expect(targetqsPairs(url)).to.deep.include(['redirect', redirect]);
      }
    });
  });

  describe('buildAuthUrl', () => {
    it('builds the SRI AUTH example without a target field', () => {
      expect(buildAuthUrl({ shell: PPE, appId: APP })).to.equal(
        `${PPE}/redirect.aspx?target=AUTH&targetqs=appid%3D${APP}`,
      );
    });

    it('applies the options', () => {
      expect(() =>
        buildAuthUrl(
          { shell: 'us', appId: APP, redirect: 'https://evil.example/cb' },
          { allowedRedirectOrigins: ['https://app.example'] },
        ),
      ).to.throw(
        HvError,
        'redirect "https://evil.example/cb" is not allowed: its origin https://evil.example is not in allowedRedirectOrigins (https://app.example)',
      );
    });

    it('refuses a target field rather than ignore it', () => {
      expect(() => buildAuthUrl({ shell: 'us', appId: APP, target: 'APPAUTH' } as never)).to.throw(
        HvError,
        'target is not a parameter of the AUTH target (it takes appId, multiRecord, forceAppAuth, onlineOptionalRules, offlineOptionalRules, tokenRedirectMethod, signupCode, redirect, actionqs, culture, lcid, allowInstanceBounce)',
      );
    });
  });

  describe('SHELL_TARGETS', () => {
    for (const [name, spec] of Object.entries(SHELL_TARGETS)) {
      it(`${name}: keyed by its own target, each parameter with its own wire name and targetqs position`, () => {
        expect(spec.target).to.equal(name);
        const params = [spec.required, ...spec.optional].flatMap((group) => Object.values(group) as ShellParamSpec[]);
        expect(new Set(params.map((param) => param.wire)).size).to.equal(params.length);
        expect(new Set(params.map((param) => param.order)).size).to.equal(params.length);
      });
    }
  });

  describe('resolveShell', () => {
    const resolved: [string, string][] = [
      ['us', 'https://account.healthvault.com'],
      ['us-ppe', 'https://account.healthvault-ppe.com'],
      ['eu', 'https://account.healthvault.co.uk'],
      ['eu-ppe', 'https://account.healthvault-ppe.co.uk'],
      [' US-PPE ', 'https://account.healthvault-ppe.com'],
      ['https://account.healthvault-ppe.com/', 'https://account.healthvault-ppe.com'],
      ['https://Account.HealthVault.com/redirect.aspx', 'https://account.healthvault.com'],
      ['https://shell.example/hv/', 'https://shell.example/hv'],
      ['http://localhost:5173/shell', 'http://localhost:5173/shell'],
      ['http://127.0.0.1:5173', 'http://127.0.0.1:5173'],
      ['http://[::1]:5173/', 'http://[::1]:5173'],
    ];
    for (const [shell, expected] of resolved) {
      it(`${JSON.stringify(shell)} → ${expected}`, () => expect(resolveShell(shell)).to.equal(expected));
    }

    it('presets match reference §1', () => {
      expect(SHELL_PRESETS).to.deep.equal({
        us: 'https://account.healthvault.com',
        'us-ppe': 'https://account.healthvault-ppe.com',
        eu: 'https://account.healthvault.co.uk',
        'eu-ppe': 'https://account.healthvault-ppe.co.uk',
      });
      expect(Object.isFrozen(SHELL_PRESETS)).to.equal(true);
    });

    const refused: [string, string][] = [
      ['xx', 'Unknown shell preset "xx": use us, us-ppe, eu, eu-ppe or an https URL'],
      ['toString', 'Unknown shell preset "toString": use us, us-ppe, eu, eu-ppe or an https URL'],
      ['https://', 'Shell "https://" is not an absolute URL'],
      ['https://shell.example\\@evil.example', 'Shell "https://shell.example\\\\@evil.example" contains a backslash'],
      [
        'https://shell.example\t@evil.example',
        'Shell "https://shell.example\\t@evil.example" contains whitespace or a control character',
      ],
      [
        'https://account.health\nvault.com',
        'Shell "https://account.health\\nvault.com" contains whitespace or a control character',
      ],
      [
        'ftp://account.healthvault.com',
        'Shell "ftp://account.healthvault.com" must use https (plain http is accepted only for localhost, 127.0.0.1 and [::1])',
      ],
      [
        'http://localhost.example.com',
        'Shell "http://localhost.example.com" must use https (plain http is accepted only for localhost, 127.0.0.1 and [::1])',
      ],
      [
        'https://user:pw@shell.example',
        'Shell "https://user:pw@shell.example" must not contain a user name or password',
      ],
      [
        'https://shell.example/?target=AUTH',
        'Shell "https://shell.example/?target=AUTH" must not have a query or fragment',
      ],
    ];
    for (const [shell, message] of refused) {
      it(`refuses ${JSON.stringify(shell)}`, () => {
        expect(() => resolveShell(shell))
          .to.throw(HvError, message)
          .with.property('code', 'invalid-shell-request');
      });
    }
  });

  describe('isGuid', () => {
    const table: [string, boolean][] = [
      [APP, true],
      ['C55CF02C-7DE7-487A-8B8F-F694A7D9D737', true],
      ['00000000-0000-0000-0000-000000000000', true],
      [`{${APP}}`, false],
      [APP.replace(/-/g, ''), false],
      [`${APP} `, false],
      ['g5cf02c-7de7-487a-8b8f-f694a7d9d737', false],
      ['', false],
    ];
    for (const [value, expected] of table) {
      it(`${JSON.stringify(value)} → ${expected}`, () => expect(isGuid(value)).to.equal(expected));
    }
  });
});
