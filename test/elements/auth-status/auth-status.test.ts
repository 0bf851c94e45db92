import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/define/config.js';
import '../../../src/define/auth-status.js';
import { HvError } from '../../../src/core/errors.js';
import { PlatformError } from '../../../src/core/platform/platform-error.js';
import type { XmlNode } from '../../../src/core/platform/xml-node.js';
import type { HvAuthStatus } from '../../../src/elements/auth-status/auth-status.js';
import type { HvReauthorizeButton } from '../../../src/elements/auth-status/reauthorize-button.js';
import type { HvStatusChangeDetail } from '../../../src/session/events.js';
import { expectNoEnglish } from '../../helpers/english-words.js';
import { FakeProxy, PERSON_ID, xml } from '../../helpers/fake-proxy.js';

const APP_ID = '8f3c7b1e-2a4d-4c5e-9f60-1a2b3c4d5e6f';
const OWN = '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const CHILD = '1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a';

type RecordAttributes = Record<string, string>;

/** A GetPersonInfo answer for Jane Doe with one `<record>` per entry (its name, and attributes over the defaults). */
function personWith(...records: [string, RecordAttributes][]): XmlNode {
  return xml('info', [
    xml('person-info', [
      xml('person-id', PERSON_ID),
      xml('name', 'Jane Doe'),
      ...records.map(([name, attributes], index) =>
        xml('record', name, {
          id: index === 0 ? OWN : CHILD,
          'record-custodian': 'true',
          'rel-type': '1',
          'auth-expires': '9999-12-31T23:59:59.999Z',
          'auth-expired': 'false',
          state: 'Active',
          'app-record-auth-action': 'NoActionRequired',
          ...attributes,
        }),
      ),
    ]),
  ]);
}

/** A badge on a page whose proxy answers `answer` (signed in unless `signedIn` is false), in English or `lang`. */
async function badge(answer: () => XmlNode, { signedIn = true, attributes = '', lang = 'en' } = {}) {
  const proxy = new FakeProxy(answer);
  proxy.signedIn = signedIn;
  const el = await fixture<HvAuthStatus>(
    html`<hv-auth-status
      app-id=${APP_ID}
      shell="us"
      lang=${lang}
      .proxy=${proxy}
      ?compact=${attributes.includes('compact')}
    >
      <span slot="help">Call the clinic at 555-0100.</span>
    </hv-auth-status>`,
  );
  await waitUntil(() => el.status !== 'checking', 'the badge kept checking');
  await el.updateComplete;
  return { el, proxy };
}

const MEDICATION = '30cafccc-047d-4288-94ef-643571f7919d';
const ALLERGY = '52bf9104-2c5e-4f1f-a66d-552ebcc53df7';

/** What a proxy answers for Jane Doe's details: one rule asking to read medications and allergies, for `reason`. */
function detailsAnswers(reason: string): Record<string, () => XmlNode> {
  const rule = (...types: string[]) =>
    xml('rule', [
      xml('reason', reason),
      xml('permission', 'Read'),
      xml(
        'target-set',
        types.map((id) => xml('type-id', id)),
      ),
    ]);
  return {
    GetPersonInfo: () => personWith(['Jane Doe', {}]),
    GetApplicationInfo: () =>
      xml('info', [
        xml('application', [
          xml('id', APP_ID),
          xml('name', 'Clinic'),
          xml('app-auth-required', 'true'),
          xml('restrict-app-users', 'false'),
          xml('is-published', 'true'),
          xml('app-type', 'Web'),
          xml('person-online-base-auth-xml', [xml('auth', [xml('rules', [rule(MEDICATION, ALLERGY)])])]),
        ]),
      ]),
    QueryPermissions: () =>
      xml('info', [
        xml('thing-type-permission', [
          xml('thing-type-id', MEDICATION),
          xml('online-access-permissions', [xml('permission', 'Read'), xml('permission', 'Create')]),
          xml('offline-access-permissions', [xml('permission', 'Read')]),
        ]),
      ]),
  };
}

const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);
const text = (el: HTMLElement, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim();

describe('hv-auth-status', () => {
  it('says the person is not connected, and offers the connect button', async () => {
    const { el } = await badge(() => personWith(['Jane Doe', {}]), { signedIn: false });
    expect(el.status).to.equal('not-connected');
    expect(text(el, 'label')).to.equal('Not connected to HealthVault');
    expect(el.matches(':state(not-connected)')).to.equal(true);
    const action = part(el, 'action')!;
    expect(action.localName).to.equal('hv-connect-button');
    await (action as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const link = action.shadowRoot!.querySelector('a')!;
    expect(link.href).to.match(/redirect\.aspx\?target=AUTH&targetqs=appid%3D8f3c7b1e/);
  });

  it('leaves its connect button out with no-connect, where the page has its own', async () => {
    const { el } = await badge(() => personWith(['Jane Doe', {}]), { signedIn: false });
    el.noConnect = true;
    await el.updateComplete;
    expect(part(el, 'action')).to.equal(null);
    expect(text(el, 'label')).to.equal('Not connected to HealthVault');
  });

  it('shows a connected record, and until when access lasts', async () => {
    const { el } = await badge(() => personWith(['Jane Doe', { 'auth-expires': '2031-05-04T10:00:00Z' }]));
    expect(el.status).to.equal('connected');
    expect(el.matches(':state(connected)')).to.equal(true);
    // Without record-id, each record is named: a person may manage a child's record too.
    expect(text(el, 'label')).to.equal('Jane Doe: Connected to HealthVault');
    expect(text(el, 'detail')).to.equal('Access until May 4, 2031');
    expect(part(el, 'action')).to.equal(null);
  });

  it('says when the app may also use a record while the person is away, and until when', async () => {
    const offlineGrant = (recordId: string, offline: string[]) =>
      xml('effective-record-permission', [
        xml('record-id', recordId),
        xml('thing-type-permission', [
          xml('thing-type-id', '30cafccc-047d-4288-94ef-643571f7919d'),
          xml('online-access-permissions', [xml('permission', 'Read')]),
          ...(offline.length
            ? [
                xml(
                  'offline-access-permissions',
                  offline.map((p) => xml('permission', p)),
                ),
              ]
            : []),
        ]),
      ]);
    const { el, proxy } = await badge(() => {
      const person = personWith(['Jane Doe', { 'auth-expires': '2031-05-04T10:00:00Z' }], ['Kai', {}]).children[0]!;
      const permissions = [offlineGrant(OWN, ['Read']), offlineGrant(CHILD, [])];
      return xml('info', [
        xml('person-info', [...person.children, xml('effective-record-permission-list', permissions)]),
      ]);
    });
    // The one request every element shares asks for the permissions too: no second call per record.
    expect(proxy.calls.map(({ method }) => method)).to.deep.equal(['GetPersonInfo']);
    expect(proxy.calls[0]!.info).to.contain('<effective-record-permissions>true</effective-record-permissions>');
    const [own, child] = el.shadowRoot!.querySelectorAll('[part~="record"]');
    expect(own!.querySelector('[part~="detail"]')!.textContent).to.equal('Also while you are away, until May 4, 2031');
    expect(child!.textContent).to.not.contain('away');
    expect(el.matches(':state(offline)')).to.equal(true);
    const change = await new Promise<HvStatusChangeDetail>((resolve) => {
      el.addEventListener('hv-status-change', (event) => resolve(event.detail), { once: true });
      el.recordId = CHILD;
    });
    expect(change.records).to.deep.equal([{ id: CHILD, name: 'Kai', status: 'connected', offline: false }]);
    expect(el.matches(':state(offline)')).to.equal(false);
  });

  const recordStates: [string, RecordAttributes, string, string, string | undefined][] = [
    ['read-only', { state: 'ReadOnly' }, 'Connected, read only', '✓', undefined],
    [
      'reauth-required',
      { 'app-record-auth-action': 'ReauthorizationRequired' },
      'Needs your approval again',
      '!',
      'This app now asks for more access. Until you approve, it keeps what you allowed before.',
    ],
    [
      'authorization-required',
      { 'app-record-auth-action': 'AuthorizationRequired' },
      'Needs your authorization',
      '!',
      undefined,
    ],
    [
      'authorization-required',
      { 'auth-expired': 'true', 'auth-expires': '2020-01-01T00:00:00Z' },
      'Needs your authorization',
      '!',
      undefined,
    ],
    [
      'reauth-not-possible',
      { 'app-record-auth-action': 'ReauthorizationNotPossible' },
      'Cannot be authorized again',
      '!',
      'You cannot grant the access this app now needs on this record, or no longer manage it.',
    ],
    [
      'location-not-supported',
      { 'app-record-auth-action': 'RecordLocationNotSupported' },
      'Not available for this record',
      '!',
      'This app cannot use records kept where this one is.',
    ],
    [
      'suspended',
      { state: 'Suspended' },
      'Record suspended',
      '!',
      'HealthVault has suspended this record: the app cannot use it.',
    ],
    [
      'deleted',
      { state: 'Deleted', 'app-record-auth-action': 'ReauthorizationRequired' },
      'Record deleted',
      '!',
      undefined,
    ],
  ];
  for (const [status, attributes, words, icon, why] of recordStates) {
    it(`shows a record ${JSON.stringify(attributes)} as ${status}`, async () => {
      const { el } = await badge(() => personWith(['Jane Doe', attributes]));
      expect(el.status).to.equal(status);
      expect(el.matches(`:state(${status})`)).to.equal(true);
      expect(text(el, 'label')).to.equal(`Jane Doe: ${words}`);
      expect(text(el, 'icon')).to.equal(icon);
      expect(part(el, 'detail')?.textContent ?? undefined).to.equal(why);
    });
  }

  it('offers to approve again through APPAUTH for that record, with extrecordid and ismra', async () => {
    const { el } = await badge(() =>
      personWith(['Jane Doe', {}], ['Sam Doe', { 'app-record-auth-action': 'ReauthorizationRequired' }]),
    );
    const button = part(el, 'action') as HTMLElement & { updateComplete: Promise<unknown> };
    expect(button.localName).to.equal('hv-reauthorize-button');
    await button.updateComplete;
    const link = button.shadowRoot!.querySelector('a')!;
    // The label, slotted into the button's link.
    expect(button.textContent!.trim()).to.equal('Review access');
    const url = new URL(link.href);
    expect(url.searchParams.get('target')).to.equal('APPAUTH');
    const targetqs = new URLSearchParams(url.searchParams.get('targetqs')!);
    expect(targetqs.get('appid')).to.equal(APP_ID);
    expect(targetqs.get('extrecordid')).to.equal(CHILD);
    expect(targetqs.get('ismra')).to.equal('true');
  });

  it('hv-reauthorize-button follows a new record-id', async () => {
    const button = await fixture<HvReauthorizeButton>(
      html`<hv-reauthorize-button app-id=${APP_ID} shell="us" record-id=${OWN}></hv-reauthorize-button>`,
    );
    const extrecordid = () =>
      new URLSearchParams(new URL(button.shadowRoot!.querySelector('a')!.href).searchParams.get('targetqs')!).get(
        'extrecordid',
      );
    expect(extrecordid()).to.equal(OWN);
    button.recordId = CHILD;
    await button.updateComplete;
    expect(extrecordid()).to.equal(CHILD);
  });

  it('shows the host help where a record cannot be authorized again', async () => {
    const { el } = await badge(() =>
      personWith(['Jane Doe', { 'app-record-auth-action': 'ReauthorizationNotPossible' }]),
    );
    const slot = el.shadowRoot!.querySelector('slot[name="help"]') as HTMLSlotElement;
    expect(slot.assignedNodes().map((node) => node.textContent)).to.deep.equal(['Call the clinic at 555-0100.']);
    expect(part(el, 'action')).to.equal(null);
  });

  it('lists every record with its own status, and takes the most pressing as its own', async () => {
    const { el } = await badge(() =>
      personWith(['Jane Doe', {}], ['Sam Doe', { 'app-record-auth-action': 'ReauthorizationRequired' }]),
    );
    const items = [...el.shadowRoot!.querySelectorAll('[part="record"]')].map(
      (item) => item.querySelector('[part="label"]')!.textContent,
    );
    expect(items).to.deep.equal(['Jane Doe: Connected to HealthVault', 'Sam Doe: Needs your approval again']);
    expect(el.status).to.equal('reauth-required');
    // The list's own line names the state; the why is said once, beside the record it concerns.
    expect(text(el, 'status')).to.equal('! Needs your approval again');
    // What a screen reader hears when it changes: the state in words, not the buttons and details beside it.
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('Needs your approval again');
  });

  it('shows only the record of record-id; an id the person has not authorized needs authorization', async () => {
    const proxy = new FakeProxy(() => personWith(['Jane Doe', {}], ['Sam Doe', { state: 'ReadOnly' }]));
    proxy.signedIn = true;
    const el = await fixture<HvAuthStatus>(
      html`<hv-auth-status
        app-id=${APP_ID}
        shell="us"
        .proxy=${proxy}
        record-id=${CHILD.toUpperCase()}
      ></hv-auth-status>`,
    );
    await waitUntil(() => el.status === 'read-only');
    expect(el.shadowRoot!.querySelectorAll('[part="record"]')).to.have.length(0);
    expect(text(el, 'label')).to.equal('Connected, read only');
    el.recordId = '99999999-2a4d-4c5e-9f60-1a2b3c4d5e6f';
    await el.updateComplete;
    expect(el.status).to.equal('authorization-required');
  });

  it('says when the access was revoked, or the sign-in expired (offering to sign in again)', async () => {
    const revoked = await badge(() => {
      throw new PlatformError('GetPersonInfo', 11);
    });
    expect(revoked.el.status).to.equal('revoked');
    expect(text(revoked.el, 'detail')).to.equal('You have withdrawn this app’s access to your records.');
    const expired = await badge(() => {
      throw new PlatformError('GetPersonInfo', 7);
    });
    expect(expired.el.status).to.equal('expired');
    expect(text(expired.el, 'label')).to.equal('HealthVault sign-in expired');
    expect(part(expired.el, 'action')!.textContent!.trim()).to.equal('Sign in again');
  });

  it('keeps the last known state, marked stale, when the proxy cannot be reached; Try again asks again', async () => {
    let down = false;
    const { el } = await badge(() => {
      if (down) throw new HvError('network', 'Failed to fetch');
      return personWith(['Jane Doe', {}]);
    });
    down = true;
    await el.refresh();
    expect(el.status).to.equal('unreachable');
    expect(el.matches(':state(stale)')).to.equal(true);
    expect(text(el, 'label')).to.equal('HealthVault cannot be reached');
    expect(text(el, 'record')).to.contain('Jane Doe: Connected to HealthVault');
    expect(el.shadowRoot!.textContent).to.contain('Showing what was last known.');
    down = false;
    const changed = oneEvent(el, 'hv-status-change');
    (part(el, 'retry') as HTMLButtonElement).click();
    expect(((await changed) as CustomEvent<HvStatusChangeDetail>).detail.status).to.equal('connected');
    expect(el.matches(':state(stale)')).to.equal(false);
  });

  it('unreachable with nothing known yet, says so once and offers Try again', async () => {
    const { el } = await badge(() => {
      throw new HvError('http', 'HTTP 503', { retryable: true });
    });
    expect(el.status).to.equal('unreachable');
    expect(el.matches(':state(stale)')).to.equal(false);
    expect(text(el, 'status')).to.equal('! HealthVault cannot be reached');
    expect(el.shadowRoot!.textContent).to.not.contain('last known');
    expect(part(el, 'retry')).to.not.equal(null);
  });

  it('offers no action that needs the proxy while it cannot be reached', async () => {
    let down = false;
    const { el } = await badge(() => {
      if (down) throw new HvError('network', 'Failed to fetch', { retryable: true });
      return personWith(['Jane Doe', { 'app-record-auth-action': 'ReauthorizationRequired' }]);
    });
    expect(part(el, 'action')).to.not.equal(null);
    down = true;
    await el.refresh();
    expect(el.status).to.equal('unreachable');
    expect(text(el, 'record')).to.contain('Jane Doe: Needs your approval again');
    expect(part(el, 'action')).to.equal(null);
    expect(part(el, 'details')).to.equal(null);
    expect(part(el, 'retry')).to.not.equal(null);
  });

  it('fires hv-status-change with the status and the records, once per change', async () => {
    const proxy = new FakeProxy(() => personWith(['Jane Doe', { state: 'ReadOnly' }]));
    proxy.signedIn = true;
    const seen: HvStatusChangeDetail[] = [];
    const el = await fixture<HvAuthStatus>(
      html`<hv-auth-status
        app-id=${APP_ID}
        shell="us"
        .proxy=${proxy}
        @hv-status-change=${(event: CustomEvent<HvStatusChangeDetail>) => seen.push(event.detail)}
      ></hv-auth-status>`,
    );
    await waitUntil(() => seen.length === 2);
    el.requestUpdate();
    await el.updateComplete;
    expect(seen).to.deep.equal([
      { status: 'checking', records: [], stale: false },
      {
        status: 'read-only',
        records: [{ id: OWN, name: 'Jane Doe', status: 'read-only', offline: false }],
        stale: false,
      },
    ]);
  });

  it('renders platform strings as text', async () => {
    const { el } = await badge(() => personWith(['<img src=x onerror=alert(1)>', {}], ['Sam', {}]));
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(text(el, 'record')).to.contain('<img src=x onerror=alert(1)>');
  });

  it('compact shows the sign and the name only', async () => {
    const { el } = await badge(() => personWith(['Jane Doe', { state: 'Suspended' }]), { attributes: 'compact' });
    expect(text(el, 'label')).to.equal('Jane Doe: Record suspended');
    expect(part(el, 'detail')).to.equal(null);
  });

  it('speaks Spanish', async () => {
    const proxy = new FakeProxy(() =>
      personWith(['Jane Doe', { 'app-record-auth-action': 'ReauthorizationRequired' }]),
    );
    proxy.signedIn = true;
    const el = await fixture<HvAuthStatus>(
      html`<hv-auth-status app-id=${APP_ID} shell="us" lang="es-MX" .proxy=${proxy}></hv-auth-status>`,
    );
    await waitUntil(() => text(el, 'label') === 'Jane Doe: Necesita su aprobación de nuevo');
  });

  it('a badge without a proxy says so, and fires hv-error once', async () => {
    const errors: HvError[] = [];
    const el = await fixture<HvAuthStatus>(
      html`<hv-auth-status
        app-id=${APP_ID}
        @hv-error=${(event: CustomEvent) => errors.push(event.detail.error)}
      ></hv-auth-status>`,
    );
    el.compact = true;
    await el.updateComplete;
    expect(text(el, 'error')).to.equal(
      'HealthVault is not set up correctly on this page. <hv-auth-status> has no proxy: set proxy-url on it or on its <hv-config>.',
    );
    expect(errors.map((error) => error.code)).to.deep.equal(['invalid-config']);
  });

  it('a button and two badges ask GetPersonInfo once', async () => {
    const proxy = new FakeProxy(() => personWith(['Jane Doe', {}]));
    proxy.signedIn = true;
    const page = await fixture(
      html`<hv-config app-id=${APP_ID} shell="us" .proxy=${proxy}>
        <hv-connect-button></hv-connect-button>
        <hv-auth-status></hv-auth-status>
        <hv-auth-status compact></hv-auth-status>
      </hv-config>`,
    );
    const badges = [...page.querySelectorAll('hv-auth-status')];
    await waitUntil(() => badges.every((el) => el.status === 'connected'));
    expect(proxy.calls.map((call) => call.method)).to.deep.equal(['GetPersonInfo']);
  });

  it('shows on demand which types the app may use online and offline, and why it asks', async () => {
    const answers = detailsAnswers('Shows your <b>medications</b>.');
    const { el, proxy } = await badge(() => personWith(['Jane Doe', {}]));
    proxy.call = async (method, info, options) => {
      proxy.calls.push({ method, info, options });
      return answers[method]!();
    };
    expect(proxy.calls.filter((call) => call.method !== 'GetPersonInfo')).to.deep.equal([]);
    const details = part(el, 'details') as HTMLDetailsElement;
    details.querySelector('summary')!.click();
    await waitUntil(() => details.textContent!.includes('Why it asks'), 'the details did not load');
    const lines = [...details.querySelectorAll('p, li')].map((line) => line.textContent!.replace(/\s+/g, ' ').trim());
    expect(lines).to.deep.equal([
      'While you are signed in',
      'Medication: read, add',
      'Also while you are away (offline)',
      'Medication: read',
      'Why it asks',
      'Shows your <b>medications</b>.',
    ]);
    expect(details.querySelector('b')).to.equal(null);
    const asked = proxy.calls.find((call) => call.method === 'QueryPermissions')!;
    expect(asked.options?.recordId).to.equal(OWN);
    expect(asked.info).to.contain(ALLERGY);
  });

  it('a badge added later shows the session as it stands, and closed details ask nothing', async () => {
    const proxy = new FakeProxy(() => personWith(['Jane Doe', {}]));
    proxy.signedIn = true;
    const page = await fixture(
      html`<hv-config app-id=${APP_ID} shell="us" .proxy=${proxy}><hv-auth-status></hv-auth-status></hv-config>`,
    );
    const first = page.querySelector('hv-auth-status')!;
    await waitUntil(() => first.status === 'connected');
    // A person opens the details once (their code loads), then closes them.
    const details = part(first, 'details') as HTMLDetailsElement;
    details.querySelector('summary')!.click();
    await waitUntil(() => first.shadowRoot!.querySelector('hv-auth-details'), 'the details did not load');
    details.querySelector('summary')!.click();
    await waitUntil(() => !first.shadowRoot!.querySelector('hv-auth-details'), 'the details stayed');
    const asked = proxy.calls.length;

    const later = document.createElement('hv-auth-status');
    page.append(later);
    await later.updateComplete;
    expect(later.status).to.equal('connected');
    expect(proxy.calls).to.have.length(asked);
  });

  it('says nothing in English under lang="es", in any state, details and inner buttons included', async () => {
    const spanish = { lang: 'es' };
    const recordsIn =
      (...attributes: RecordAttributes[]) =>
      () =>
        personWith(...attributes.map((each, index): [string, RecordAttributes] => [index ? 'Kai' : 'Ana', each]));
    const checking = new FakeProxy();
    checking.signedIn = true;
    checking.call = () => new Promise(() => {});
    const waiting = await fixture<HvAuthStatus>(
      html`<hv-auth-status app-id=${APP_ID} shell="us" lang="es" .proxy=${checking}></hv-auth-status>`,
    );
    await expectNoEnglish(waiting, 'checking');
    await expectNoEnglish((await badge(recordsIn({}), { signedIn: false, ...spanish })).el, 'not-connected');
    for (const [status, attributes] of recordStates) {
      await expectNoEnglish((await badge(recordsIn(attributes), spanish)).el, status);
    }
    const ana = personWith(['Ana', { 'auth-expires': '2031-05-04T10:00:00Z' }]).children[0]!;
    const offlineGrant = xml('effective-record-permission', [
      xml('record-id', OWN),
      xml('thing-type-permission', [
        xml('thing-type-id', MEDICATION),
        xml('offline-access-permissions', [xml('permission', 'Read')]),
      ]),
    ]);
    const offline = xml('info', [
      xml('person-info', [...ana.children, xml('effective-record-permission-list', [offlineGrant])]),
    ]);
    await expectNoEnglish((await badge(() => offline, spanish)).el, 'connected, offline, until a date');
    const list = await badge(recordsIn({}, { 'app-record-auth-action': 'ReauthorizationRequired' }), spanish);
    await expectNoEnglish(list.el, 'a list of records');
    for (const status of [11, 7]) {
      const signedOut = await badge(() => {
        throw new PlatformError('GetPersonInfo', status);
      }, spanish);
      await expectNoEnglish(signedOut.el, signedOut.el.status);
    }
    let down = false;
    const stale = await badge(() => {
      if (down) throw new HvError('network', 'Failed to fetch');
      return personWith(['Ana', {}]);
    }, spanish);
    down = true;
    await stale.el.refresh();
    await expectNoEnglish(stale.el, 'unreachable, last known');

    const answers = detailsAnswers('Muestra sus medicamentos.');
    const { el, proxy } = await badge(answers.GetPersonInfo!, spanish);
    proxy.call = async (method) => answers[method]!();
    const details = part(el, 'details') as HTMLDetailsElement;
    details.querySelector('summary')!.click();
    await waitUntil(() => details.querySelector('ul'), 'the details did not load');
    await expectNoEnglish(el, 'details open');
  });

  it('mirrors right to left: the sign comes after the state\'s name under dir="rtl", before it otherwise', async () => {
    const proxy = new FakeProxy();
    const page = await fixture(
      html`<div>
        <hv-auth-status app-id=${APP_ID} shell="us" .proxy=${proxy}></hv-auth-status>
        <div dir="rtl" lang="ar"><hv-auth-status app-id=${APP_ID} shell="us" .proxy=${proxy}></hv-auth-status></div>
      </div>`,
    );
    const [ltr, rtl] = [...page.querySelectorAll('hv-auth-status')];
    await waitUntil(() => ltr!.status === 'not-connected' && rtl!.status === 'not-connected');
    const box = (el: HTMLElement, name: string) => part(el, name)!.getBoundingClientRect();
    expect(box(ltr!, 'icon').right).to.be.at.most(box(ltr!, 'label').left);
    expect(box(rtl!, 'icon').left).to.be.at.least(box(rtl!, 'label').right);
    expect(box(rtl!, 'icon').right).to.be.closeTo(rtl!.getBoundingClientRect().right, 1);
  });

  it("takes the host's words for any string in any language (lazy parts, function strings, inner buttons); without them, its own", async () => {
    const signedOut = (await badge(() => personWith(['Ana', {}]), { signedIn: false, lang: 'es' })).el;
    const button = () => part(signedOut, 'action')!.shadowRoot!.querySelector('[part="label"]')!.textContent!.trim();
    await waitUntil(() => button() === 'Conectar con HealthVault');
    signedOut.strings = { 'status.not-connected': 'Sin vincular', connect: 'Vincular mi historial' };
    await signedOut.updateComplete;
    await waitUntil(() => button() === 'Vincular mi historial', 'the inner button kept its words');
    expect(text(signedOut, 'label')).to.equal('Sin vincular');
    signedOut.strings = undefined;
    await waitUntil(() => button() === 'Conectar con HealthVault', 'the inner button kept the host words');
    expect(text(signedOut, 'label')).to.equal('Sin conexión con HealthVault');

    // French, which the kit lacks: the host gives the words; the date is French too.
    const answers = detailsAnswers('Affiche vos médicaments.');
    const french = { lang: 'fr' };
    const { el, proxy } = await badge(() => personWith(['Ana', { 'auth-expires': '2031-05-04T10:00:00Z' }]), french);
    proxy.call = async (method) => answers[method]!();
    el.strings = { accessUntil: (date) => `Accès jusqu’au ${date}`, 'details.why': 'Pourquoi' };
    await el.updateComplete;
    expect(text(el, 'detail')).to.equal('Accès jusqu’au 4 mai 2031');
    const details = part(el, 'details') as HTMLDetailsElement;
    details.querySelector('summary')!.click();
    await waitUntil(() => details.textContent!.includes('Pourquoi'), 'the details kept their words');
    el.strings = undefined;
    await waitUntil(() => details.textContent!.includes('Why it asks'), 'the details kept the host words');
    expect(text(el, 'detail')).to.equal('Access until 4 mai 2031');
  });

  it('passes axe in its states', async () => {
    const connected = await badge(() =>
      personWith(['Jane Doe', {}], ['Sam Doe', { 'app-record-auth-action': 'ReauthorizationRequired' }]),
    );
    await expect(connected.el).to.be.accessible();
    const signedOut = await badge(() => personWith(['Jane Doe', {}]), { signedIn: false });
    await expect(signedOut.el).to.be.accessible();
  });
});
