import { expect } from '@open-wc/testing';
import { HvError } from '../../src/core/errors.js';
import type { MethodDescriptor } from '../../src/core/platform/method-descriptor.js';
import { getPersonInfo } from '../../src/core/platform/methods/get-person-info.js';
import { PlatformClient, platformClientFor } from '../../src/transport/platform-client.js';
import { FakeProxy, PERSON_ID } from '../helpers/fake-proxy.js';

/** A proxy whose answers wait until the test releases them. */
function heldProxy(): { proxy: FakeProxy; release: () => void } {
  const proxy = new FakeProxy();
  proxy.signedIn = true;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const answer = proxy.call.bind(proxy);
  proxy.call = async (...args) => {
    const signal = args[2]?.signal;
    const result = answer(...args);
    await Promise.race([
      released,
      new Promise((_, reject) => signal?.addEventListener('abort', () => reject(new HvError('aborted', 'aborted')))),
    ]);
    return result;
  };
  return { proxy, release };
}

/** A method that writes (nothing the simulator answers: only its effect on the cache matters here). */
const write: MethodDescriptor<undefined, undefined> = {
  name: 'GetPersonInfo',
  version: 1,
  readOnly: false,
  buildInfo: () => '<info/>',
  decode: () => undefined,
};

describe('PlatformClient', () => {
  it('shares a read under way: two callers, one request, the same decoded answer', async () => {
    const { proxy, release } = heldProxy();
    const client = new PlatformClient(proxy);
    const first = client.call(getPersonInfo, undefined);
    const second = client.call(getPersonInfo, undefined);
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(proxy.calls).to.have.length(1);
    expect(a.personId).to.equal(PERSON_ID);
    expect(b).to.equal(a);
  });

  it('keeps an answer for a short while, then asks again; fresh skips it', async () => {
    let now = 0;
    const proxy = new FakeProxy();
    proxy.signedIn = true;
    const client = new PlatformClient(proxy, { cacheMs: 1000, now: () => now });
    await client.call(getPersonInfo, undefined);
    now = 999;
    await client.call(getPersonInfo, undefined);
    expect(proxy.calls).to.have.length(1);
    await client.call(getPersonInfo, undefined, { fresh: true });
    expect(proxy.calls).to.have.length(2);
    now = 2000;
    await client.call(getPersonInfo, undefined);
    expect(proxy.calls).to.have.length(3);
  });

  it('tells requests apart by record and info', async () => {
    const proxy = new FakeProxy();
    proxy.signedIn = true;
    const client = new PlatformClient(proxy);
    await client.call(getPersonInfo, undefined);
    await client.call(getPersonInfo, { groupMembership: true });
    await client.call(getPersonInfo, undefined, { recordId: '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f' });
    expect(proxy.calls).to.have.length(3);
  });

  it('forgets its answers on sign-in and on a write', async () => {
    const proxy = new FakeProxy();
    proxy.signedIn = true;
    const client = new PlatformClient(proxy);
    await client.call(getPersonInfo, undefined);
    await client.signIn({ wctoken: 't' });
    await client.call(getPersonInfo, undefined);
    expect(proxy.calls).to.have.length(2);
    await client.call(write, undefined);
    await client.call(getPersonInfo, undefined);
    expect(proxy.calls).to.have.length(4);
  });

  it('keeps no failure: the next caller tries again', async () => {
    const proxy = new FakeProxy();
    const client = new PlatformClient(proxy);
    const error = await client.call(getPersonInfo, undefined).catch((failure: HvError) => failure);
    expect((error as HvError).code).to.equal('signed-out');
    proxy.signedIn = true;
    expect((await client.call(getPersonInfo, undefined)).personId).to.equal(PERSON_ID);
  });

  it("lets one caller give up without cancelling another's wait; the last one cancels the request", async () => {
    const { proxy, release } = heldProxy();
    const client = new PlatformClient(proxy);
    const leaving = new AbortController();
    const staying = client.call(getPersonInfo, undefined, { signal: new AbortController().signal });
    const left = client.call(getPersonInfo, undefined, { signal: leaving.signal });
    leaving.abort();
    expect(((await left.catch((error: HvError) => error)) as HvError).code).to.equal('aborted');
    expect(proxy.calls[0]!.options!.signal!.aborted).to.equal(false);
    release();
    expect((await staying).personId).to.equal(PERSON_ID);

    const alone = new AbortController();
    const { proxy: other } = heldProxy();
    const lonely = new PlatformClient(other).call(getPersonInfo, undefined, { signal: alone.signal });
    alone.abort();
    await lonely.catch(() => undefined);
    expect(other.calls[0]!.options!.signal!.aborted).to.equal(true);
  });

  it('is one client per proxy per page', () => {
    const proxy = new FakeProxy();
    expect(platformClientFor(proxy)).to.equal(platformClientFor(proxy));
    expect(platformClientFor(new FakeProxy())).to.not.equal(platformClientFor(proxy));
  });
});
