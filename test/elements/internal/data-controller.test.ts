import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, nothing, type PropertyDeclarations } from 'lit';
import { HvError } from '../../../src/core/errors.js';
import { queryPermissions } from '../../../src/core/platform/methods/query-permissions.js';
import { PlatformDataController } from '../../../src/elements/internal/data-controller.js';
import type { XmlNode } from '../../../src/core/platform/xml-node.js';
import { FakeProxy, RECORD_ID, xml } from '../../helpers/fake-proxy.js';

const WEIGHT = '3d34d87e-7fc1-4153-800f-f56592cb0d17';
const HEIGHT = '40750a6a-89b2-455c-bd8d-b420a4cb500b';
const OTHER_RECORD = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

/** Short waits between retries, so a test sees the whole backoff. */
const RETRY_DELAYS = [40, 80];

/** A QueryPermissions answer granting `permission` online on the type the last call asked about. */
function permissionsAnswer(proxy: FakeProxy, permission: string): XmlNode {
  const [, typeId] = /<thing-type-id>([^<]+)</.exec(proxy.calls.at(-1)!.info)!;
  return xml('info', [
    xml('thing-type-permission', [
      xml('thing-type-id', typeId),
      xml('online-access-permissions', [xml('permission', permission)]),
    ]),
  ]);
}

/** What a person sees of one read: the permissions, "loading", "stale", the error, and a way to try again. */
class DataProbe extends LitElement {
  static override properties: PropertyDeclarations = {
    proxy: { attribute: false },
    typeIds: { attribute: false },
    recordId: { attribute: 'record-id' },
  };

  declare proxy?: FakeProxy;
  typeIds: string[] = [WEIGHT];
  recordId = RECORD_ID;

  readonly permissions = new PlatformDataController(
    this,
    () => this.proxy && { proxy: this.proxy, method: queryPermissions, request: this.typeIds, recordId: this.recordId },
    { retryDelays: RETRY_DELAYS },
  );

  override render() {
    const { status, value, error, stale } = this.permissions;
    return html`
      ${status === 'pending' ? html`<p>loading</p>` : nothing}
      ${value?.map((type) => html`<p>${type.thingTypeId}: ${type.online.join(' ')}</p>`)}
      ${stale ? html`<p>stale</p>` : nothing} ${error ? html`<p role="alert">${error.code}</p>` : nothing}
      <button @click=${() => this.permissions.retry()}>Try again</button>
    `;
  }
}
customElements.define('test-data-probe', DataProbe);

/** The words the element shows, one block per line. */
function shown(el: DataProbe): string[] {
  return [...el.shadowRoot!.querySelectorAll('p')].map((p) => p.textContent!.trim());
}

/** A signed-in proxy that grants `permission()` on whatever it is asked, or fails with `failure()`. */
function fakeProxy(permission: () => string, failure: () => HvError | undefined = () => undefined): FakeProxy {
  const proxy: FakeProxy = new FakeProxy(() => {
    const error = failure();
    if (error) throw error;
    return permissionsAnswer(proxy, permission());
  });
  proxy.signedIn = true;
  return proxy;
}

/** Makes the calls of `proxy` wait for `release()`, or give up when their signal aborts, as a slow proxy does. */
function hold(proxy: FakeProxy): { release: () => void } {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const answer = proxy.call.bind(proxy);
  proxy.call = async (method, info, options) => {
    const result = answer(method, info, options);
    await new Promise<void>((resolve, reject) => {
      void released.then(resolve);
      options?.signal?.addEventListener('abort', () => reject(new HvError('aborted', 'aborted')));
    });
    return result;
  };
  return { release };
}

/** When each call of `proxy` came, and what the element on the page showed at that moment. */
function watchCalls(proxy: FakeProxy): { at: number; shown: string[] }[] {
  const seen: { at: number; shown: string[] }[] = [];
  const answer = proxy.call.bind(proxy);
  proxy.call = (...args) => {
    seen.push({ at: performance.now(), shown: shown(document.querySelector<DataProbe>('test-data-probe')!) });
    return answer(...args);
  };
  return seen;
}

const unreachable = () => new HvError('network', 'The proxy cannot be reached.', { retryable: true });
const denied = () => new HvError('platform', 'Access denied.');

async function probe(proxy?: FakeProxy): Promise<DataProbe> {
  return fixture<DataProbe>(html`<test-data-probe .proxy=${proxy}></test-data-probe>`);
}

async function settled(el: DataProbe): Promise<void> {
  await waitUntil(() => el.permissions.status === 'complete' || el.permissions.status === 'error', 'settles', {
    timeout: 2000,
  });
  await el.updateComplete;
}

describe('PlatformDataController', () => {
  it('asks nothing without a call, then shows "loading" and the decoded answer', async () => {
    const el = await probe();
    expect(el.permissions.status).to.equal('idle');
    expect(shown(el)).to.deep.equal([]);

    const proxy = fakeProxy(() => 'Read');
    const { release } = hold(proxy);
    el.proxy = proxy;
    await el.updateComplete;
    expect(shown(el)).to.deep.equal(['loading']);
    release();
    await settled(el);
    expect(shown(el)).to.deep.equal([`${WEIGHT}: Read`]);
    expect(proxy.calls).to.have.length(1);
    expect(proxy.calls[0].options?.recordId).to.equal(RECORD_ID);
  });

  it('asks again when its arguments change by value, and aborts the call they replace', async () => {
    let permission = 'Read';
    const proxy = fakeProxy(() => permission);
    const el = await probe(proxy);
    await settled(el);

    el.typeIds = [WEIGHT];
    el.requestUpdate();
    await el.updateComplete;
    expect(shown(el), 'an equal request asks nothing new').to.deep.equal([`${WEIGHT}: Read`]);

    const { release } = hold(proxy);
    el.recordId = OTHER_RECORD;
    await el.updateComplete;
    expect(shown(el), "another record's answer is not shown for this one").to.deep.equal(['loading']);
    await waitUntil(() => proxy.calls.length === 2);
    expect(proxy.calls[1].options?.recordId).to.equal(OTHER_RECORD);

    permission = 'All';
    el.typeIds = [HEIGHT];
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(shown(el), 'the replaced call is not a failure').to.deep.equal(['loading']);
    release();
    await settled(el);
    expect(proxy.calls[1].options?.signal?.aborted, 'the replaced call').to.equal(true);
    expect(proxy.calls).to.have.length(3);
    expect(shown(el)).to.deep.equal([`${HEIGHT}: All`]);
  });

  it('aborts its call when the element leaves the page, and asks again when it comes back', async () => {
    const proxy = fakeProxy(() => 'Read');
    const { release } = hold(proxy);
    const el = await probe(proxy);
    const parent = el.parentElement!;
    await waitUntil(() => proxy.calls.length === 1);

    el.remove();
    expect(proxy.calls[0].options?.signal?.aborted).to.equal(true);

    release();
    parent.append(el);
    await settled(el);
    expect(proxy.calls).to.have.length(2);
    expect(shown(el)).to.deep.equal([`${WEIGHT}: Read`]);
  });

  it('retries a retryable failure with growing waits, showing the last value as stale meanwhile', async () => {
    let failures = 0;
    const proxy = fakeProxy(
      () => (proxy.calls.length > 1 ? 'All' : 'Read'),
      () => (failures-- > 0 ? unreachable() : undefined),
    );
    const el = await probe(proxy);
    await settled(el);

    failures = 2;
    const seen = watchCalls(proxy);
    el.shadowRoot!.querySelector('button')!.click();
    await waitUntil(() => seen.length === 3, 'retried twice');
    await settled(el);

    const waiting = ['loading', `${WEIGHT}: Read`, 'stale', 'network'];
    expect(seen[1].shown, 'before the first retry').to.deep.equal(waiting);
    expect(seen[2].shown, 'before the second retry').to.deep.equal(waiting);
    expect(seen[1].at - seen[0].at).to.be.at.least(RETRY_DELAYS[0] - 1);
    expect(seen[2].at - seen[1].at).to.be.at.least(RETRY_DELAYS[1] - 1);
    expect(shown(el)).to.deep.equal([`${WEIGHT}: All`]);
  });

  it('settles in error after the last retry, the last value still shown as stale', async () => {
    let down = false;
    const proxy = fakeProxy(
      () => 'Read',
      () => (down ? unreachable() : undefined),
    );
    const el = await probe(proxy);
    await settled(el);

    down = true;
    el.permissions.retry();
    await waitUntil(() => el.permissions.status === 'error', 'gives up', { timeout: 2000 });
    await el.updateComplete;
    expect(proxy.calls).to.have.length(1 + 1 + RETRY_DELAYS.length);
    expect(shown(el)).to.deep.equal([`${WEIGHT}: Read`, 'stale', 'network']);
  });

  it('does not retry a failure that retrying cannot help', async () => {
    const proxy = fakeProxy(() => 'Read', denied);
    const el = await probe(proxy);
    await settled(el);
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS[0] * 2));
    await el.updateComplete;
    expect(proxy.calls).to.have.length(1);
    expect(shown(el)).to.deep.equal(['platform']);
  });

  it('tries again at once when a person asks, past the short cache', async () => {
    let down = true;
    const proxy = fakeProxy(
      () => 'Read',
      () => (down ? denied() : undefined),
    );
    const el = await probe(proxy);
    await settled(el);

    down = false;
    el.shadowRoot!.querySelector('button')!.click();
    await el.updateComplete;
    expect(shown(el)).to.deep.equal(['loading', 'platform']);
    await settled(el);
    expect(shown(el)).to.deep.equal([`${WEIGHT}: Read`]);

    el.shadowRoot!.querySelector('button')!.click();
    await waitUntil(() => proxy.calls.length === 3, 'a cached answer is not a new one');
  });

  it('starts over when a person asks again during the retries, dropping the waits under way', async () => {
    const proxy = fakeProxy(() => 'Read', unreachable);
    const el = await probe(proxy);
    await waitUntil(() => el.permissions.error !== undefined, 'waits before retrying', { interval: 5 });
    expect(el.permissions.status, 'still retrying').to.equal('pending');

    const before = proxy.calls.length;
    el.shadowRoot!.querySelector('button')!.click();
    await settled(el);
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS[1] * 2));
    expect(proxy.calls.length, "the person's attempts, and none of the old ones").to.equal(
      before + 1 + RETRY_DELAYS.length,
    );
    expect(shown(el)).to.deep.equal(['network']);
  });
});
