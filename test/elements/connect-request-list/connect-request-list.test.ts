import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/define/config.js';
import '../../../src/define/connect-request-list.js';
import type { HvConnectRequestList } from '../../../src/elements/connect-request-list/connect-request-list.js';
import { createClock, type Clock } from '../../../src/mock/clock.js';
import { DEMO_APP_ID } from '../../../src/mock/scenarios.js';
import { createSimulator, type Simulator } from '../../../src/mock/simulator.js';
import type { HvConnectRequestAuthorizedEvent, HvErrorEvent } from '../../../src/session/events.js';
import type { HvProxy } from '../../../src/transport/proxy.js';
import { FakeProxy, xml } from '../../helpers/fake-proxy.js';
import { expectNoEnglish } from '../../helpers/english-words.js';
import { simulatedProxy } from '../../helpers/simulated-proxy.js';
import { TEST_START } from '../../mock/helpers.js';

const CODE = 'KZTR-MVNP-QDWX-HLBC-JRSF';

/** The connect-request scenario with Morgan's pick-up done on the Shell (code, answer, record, authorize). */
function pickedUp(): { simulator: Simulator; clock: Clock } {
  const clock = createClock(TEST_START);
  const simulator = createSimulator({ scenario: 'connect-request', clock });
  pickUp(simulator);
  return { simulator, clock };
}

function pickUp(simulator: Simulator, recordIndex = 0) {
  const [morgan] = simulator.shell.people();
  const record = simulator.shell.records(morgan!.id, DEMO_APP_ID)[recordIndex]!;
  const check = simulator.shell.acceptConnectRequest({
    identityCode: CODE,
    answer: 'biscuit',
    personId: morgan!.id,
    recordId: record.id,
  });
  expect(check.ok, JSON.stringify(check)).to.equal(true);
}

async function list(proxy: HvProxy, attributes = '', lang = 'en') {
  const el = await fixture<HvConnectRequestList>(
    html`<hv-connect-request-list
      app-id=${DEMO_APP_ID}
      lang=${lang}
      .proxy=${proxy}
      poll-seconds=${attributes ? 1 : 60}
    >
    </hv-connect-request-list>`,
  );
  return el;
}

const root = (el: HTMLElement) => el.shadowRoot!;
const rows = (el: HTMLElement) =>
  [...root(el).querySelectorAll('[part~="row"]')].map((row) =>
    [...row.querySelectorAll('[role="cell"]')].slice(0, 4).map((cell) => cell.textContent!.trim()),
  );

describe('hv-connect-request-list', () => {
  it('lists each picked-up request with the ids to store, and tells the host once', async () => {
    const { simulator } = pickedUp();
    const proxy = simulatedProxy(simulator);
    const seen: HvConnectRequestAuthorizedEvent['detail'][] = [];
    const page = await fixture(
      html`<div
        @hv-connect-request-authorized=${(event: HvConnectRequestAuthorizedEvent) => seen.push(event.detail)}
      ></div>`,
    );
    const el = document.createElement('hv-connect-request-list');
    el.setAttribute('app-id', DEMO_APP_ID);
    el.proxy = proxy;
    page.append(el);
    await waitUntil(() => seen.length === 1, 'no connection announced');
    await el.updateComplete;
    const [connection] = seen;
    expect(connection).to.include({ externalId: 'MRN-1001', appId: DEMO_APP_ID });
    expect(connection!.personId).to.match(/^[0-9a-f-]{36}$/i);
    expect(rows(el)).to.deep.equal([
      ['MRN-1001', connection!.personId, connection!.recordId, connection!.appSpecificRecordId ?? ''],
    ]);
    // Polling again, the same connection (the platform returns it for 90 days) is neither shown nor announced twice.
    await el.poll();
    await el.poll();
    expect(seen).to.have.length(1);
    expect(rows(el)).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('asks only since its last successful poll, and a later pick-up of another record is a new connection', async () => {
    const { simulator } = pickedUp();
    const proxy = simulatedProxy(simulator);
    const asked: string[] = [];
    const counting: HvProxy = {
      call: (method, info, options) => (asked.push(info), proxy.call(method, info, options)),
      signIn: (token, signal) => proxy.signIn(token, signal),
    };
    const el = await list(counting);
    await waitUntil(() => rows(el).length === 1);
    expect(asked[0]).to.not.contain('authorized-connect-requests-since');
    await el.poll();
    expect(asked[1]).to.match(
      /<authorized-connect-requests-since>\d{4}-\d\d-\d\dT[\d:.]+Z<\/authorized-connect-requests-since>/,
    );
    expect(el.since).to.be.instanceOf(Date);
  });

  it('corrects an external id with UpdateExternalId, and withdraws a pending request', async () => {
    const { simulator } = pickedUp();
    const el = await list(simulatedProxy(simulator));
    await waitUntil(() => rows(el).length === 1);
    root(el).querySelector<HTMLButtonElement>('[part~="edit"]')!.click();
    await el.updateComplete;
    const input = root(el).querySelector<HTMLInputElement>('#new-id')!;
    expect(root(el).activeElement).to.equal(input);
    input.value = 'MRN-1001-B';
    input.form!.requestSubmit();
    await waitUntil(() => rows(el)[0]![0] === 'MRN-1001-B', 'not renamed');
    expect(simulator.connectRequests()[0]!.externalId).to.equal('MRN-1001-B');
    expect(root(el).querySelector('[part="message"]')!.textContent!.trim()).to.equal(
      'Patient id MRN-1001 is now MRN-1001-B.',
    );

    const other = createSimulator({ scenario: 'connect-request', clock: createClock(TEST_START) });
    const withdrawing = await list(simulatedProxy(other));
    const form = root(withdrawing).querySelector<HTMLFormElement>('[part="withdraw"]')!;
    form.querySelector('input')!.value = 'MRN-1001';
    form.requestSubmit();
    await waitUntil(() => other.connectRequests().length === 0, 'the pending request is still there');
  });

  it('says nothing in English under lang="es": empty, listing, correcting, after a change, failing', async () => {
    const empty = await list(simulatedProxy(createSimulator({ scenario: 'connect-request' })), '', 'es');
    await expectNoEnglish(empty, 'no connection yet');
    const { simulator } = pickedUp();
    const el = await list(simulatedProxy(simulator), '', 'es');
    await waitUntil(() => rows(el).length === 1);
    await expectNoEnglish(el, 'a connection');
    root(el).querySelector<HTMLButtonElement>('[part~="edit"]')!.click();
    await el.updateComplete;
    await expectNoEnglish(el, 'correcting');
    const input = root(el).querySelector<HTMLInputElement>('#new-id')!;
    input.value = 'MRN-1001-B';
    input.form!.requestSubmit();
    await waitUntil(() => rows(el)[0]![0] === 'MRN-1001-B', 'not renamed');
    await expectNoEnglish(el, 'renamed');
    const form = root(el).querySelector<HTMLFormElement>('[part="withdraw"]')!;
    const message = () => root(el).querySelector('[part="message"]')!.textContent;
    const renamed = message();
    form.querySelector('input')!.value = 'MRN-404';
    form.requestSubmit();
    await waitUntil(() => message() !== renamed, 'the withdrawal said nothing');
    await expectNoEnglish(el, 'a withdrawal');
    simulator.setProxyCondition({ kind: 'down' });
    const failed = oneEvent(el, 'hv-error');
    void el.poll();
    await failed;
    await el.updateComplete;
    await expectNoEnglish(el, 'a failed poll');
  });

  it('polls once a configuration with a proxy arrives after it is on the page', async () => {
    const { simulator } = pickedUp();
    const page = await fixture<HTMLElement>(html`<div></div>`);
    const config = document.createElement('hv-config') as HTMLElement & { proxy?: HvProxy };
    config.setAttribute('app-id', DEMO_APP_ID);
    const el = document.createElement('hv-connect-request-list') as HvConnectRequestList;
    config.append(el);
    page.append(config);
    // In the same task, as a page script or a framework sets a property after inserting the markup.
    config.proxy = simulatedProxy(simulator);
    await waitUntil(() => rows(el).length === 1, 'the list never polled', { timeout: 3000 });
    expect(rows(el)[0]![0]).to.equal('MRN-1001');
  });

  it('keeps its rows inside its own scrolling box on a narrow page, whatever holds it', async () => {
    const { simulator } = pickedUp();
    const holder = await fixture<HTMLElement>(html`<div></div>`);
    holder.style.cssText = 'display: flex; inline-size: 360px';
    const el = document.createElement('hv-connect-request-list') as HvConnectRequestList;
    el.setAttribute('app-id', DEMO_APP_ID);
    el.proxy = simulatedProxy(simulator);
    holder.append(el);
    await waitUntil(() => rows(el).length === 1, 'nothing listed');
    expect(el.getBoundingClientRect().width).to.be.at.most(360);
    expect(holder.scrollWidth, 'the page would scroll sideways').to.be.at.most(360);
    const table = root(el).querySelector<HTMLElement>('[part="table"]')!;
    expect(table.scrollWidth, 'the rows scroll inside the list').to.be.greaterThan(table.clientWidth);
  });

  it('says when a poll fails, keeps what it showed, and tries again', async () => {
    const { simulator } = pickedUp();
    simulator.setProxyCondition({ kind: 'down' });
    const el = await list(simulatedProxy(simulator));
    const { detail } = (await oneEvent(el, 'hv-error')) as HvErrorEvent;
    expect(detail.error.code).to.equal('http');
    await el.updateComplete;
    expect(el.matches(':state(failed)')).to.equal(true);
    simulator.setProxyCondition({ kind: 'up' });
    root(el).querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await waitUntil(() => rows(el).length === 1, 'the retry found nothing');
    expect(el.matches(':state(failed)')).to.equal(false);
  });

  it('stays smooth with a backlog of 10,000: only the rows in view are in the page', async () => {
    const guid = (kind: number, n: number) => `0000000${kind}-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const backlog = xml(
      'info',
      Array.from({ length: 10_000 }, (_, n) =>
        xml('connect-request', [
          xml('person-id', guid(1, n)),
          xml('record-id', guid(2, n), { 'app-specific-record-id': String(n) }),
          xml('app-id', DEMO_APP_ID),
          xml('external-id', `MRN-${n}`),
        ]),
      ),
    );
    const proxy = new FakeProxy(() => backlog);
    proxy.signedIn = true;
    const el = await list(proxy);
    await waitUntil(() => rows(el).length > 0, 'nothing shown');
    await el.updateComplete;
    const shown = rows(el);
    expect(shown.length).to.be.below(60);
    // Newest first: the platform lists oldest first.
    expect(shown[0]![0]).to.equal('MRN-9999');
    const table = root(el).querySelector<HTMLElement>('[part="table"]')!;
    expect(table.getAttribute('aria-rowcount')).to.equal('10001');
    table.scrollTop = table.scrollHeight / 2;
    table.dispatchEvent(new Event('scroll'));
    await el.updateComplete;
    await el.updateComplete;
    const middle = rows(el).map(([externalId]) => Number(externalId!.slice(4)));
    expect(Math.max(...middle)).to.be.below(9000);
    expect(Math.min(...middle)).to.be.above(1000);
    expect(rows(el).length).to.be.below(60);
  });
});
