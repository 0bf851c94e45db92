import { expect, waitUntil } from '@open-wc/testing';
import { HvError } from '../../src/core/errors.js';
import { PlatformError } from '../../src/core/platform/platform-error.js';
import { getSession, type SessionState } from '../../src/session/session.js';
import { decodePersonInfo } from '../../src/core/platform/methods/person-info-decode.js';
import { FakeProxy, PERSON_ID, personInfoNode } from '../helpers/fake-proxy.js';

const APP_ID = '8f3c7b1e-2a4d-4c5e-9f60-1a2b3c4d5e6f';

/** The next state `session` reports. */
function nextState(session: { subscribe(listener: (state: SessionState) => void): () => void }) {
  return new Promise<SessionState>((resolve) => {
    const stop = session.subscribe((state) => {
      stop();
      resolve(state);
    });
  });
}

/** A proxy whose calls fail with `error`. */
function failingProxy(error: HvError): FakeProxy {
  const proxy = new FakeProxy();
  proxy.call = async () => {
    throw error;
  };
  return proxy;
}

describe('the page session', () => {
  it('is one per application and proxy on a page; scripts find it by application id', () => {
    const proxy = new FakeProxy();
    const session = getSession(APP_ID, proxy)!;
    expect(getSession(APP_ID.toUpperCase(), proxy)).to.equal(session);
    expect(getSession(APP_ID, new FakeProxy())).to.not.equal(session);
    expect(getSession('11111111-2222-4333-8444-555555555555')).to.equal(undefined);
    expect(getSession(APP_ID, '/hv/')).to.equal(getSession(APP_ID, '/hv'));
    expect(getSession(APP_ID)).to.be.instanceOf(Object);
  });

  it('starts unknown, then asks the proxy who is signed in: connected with the person and records', async () => {
    const proxy = new FakeProxy();
    proxy.signedIn = true;
    const session = getSession(APP_ID, proxy)!;
    expect(session.state.status).to.equal('unknown');
    const changed = nextState(session);
    session.start();
    const state = await changed;
    expect(state.status).to.equal('connected');
    expect(state.person!.personId).to.equal(PERSON_ID);
    expect(state.records).to.have.length(1);
  });

  for (const [error, status] of [
    [new HvError('signed-out', 'HTTP 204'), 'signed-out'],
    [new PlatformError('GetPersonInfo', 7), 'expired'],
    [new PlatformError('GetPersonInfo', 11), 'revoked'],
    [new HvError('network', 'offline', { retryable: true }), 'error'],
  ] as const) {
    it(`maps ${error instanceof PlatformError ? error.statusName : error.code} to ${status}`, async () => {
      const session = getSession(APP_ID, failingProxy(error))!;
      const state = await session.refresh();
      expect(state.status).to.equal(status);
      expect(state.error).to.equal(status === 'error' ? error : undefined);
    });
  }

  it('asks the proxy only once the page has painted: nothing is fetched before the person sees the page', async () => {
    let frames = 0;
    const countFrames = () => requestAnimationFrame(() => (frames += 1) < 3 && countFrames());
    countFrames();
    const framesAtCall: number[] = [];
    const proxy = new FakeProxy();
    const call = proxy.call.bind(proxy);
    proxy.call = (...args) => {
      framesAtCall.push(frames);
      return call(...args);
    };
    getSession(APP_ID, proxy)!.start();
    await waitUntil(() => framesAtCall.length > 0, 'the proxy was never asked');
    expect(framesAtCall[0], 'asked before a frame was painted').to.be.greaterThan(0);
  });

  it('keeps what it knew of the person through a failed check', async () => {
    const proxy = new FakeProxy();
    proxy.signedIn = true;
    const session = getSession(APP_ID, proxy)!;
    await session.refresh();
    proxy.call = async () => {
      throw new HvError('timeout', 'slow', { retryable: true });
    };
    const state = await session.refresh();
    expect(state.status).to.equal('error');
    expect(state.person!.personId).to.equal(PERSON_ID);
  });

  it('drops an answer overtaken by a sign-in: a slow "signed out" does not undo "connected"', async () => {
    const proxy = new FakeProxy(() => personInfoNode('Robin Race'));
    const answer = proxy.call.bind(proxy);
    let asked!: () => void;
    const checkAsked = new Promise<void>((resolve) => (asked = resolve));
    proxy.call = async (...args) => {
      // Answered as things stand when asked (nobody signed in yet), but delivered late.
      const answered = answer(...args);
      answered.catch(() => undefined);
      asked();
      await new Promise((resolve) => setTimeout(resolve, 100));
      return answered;
    };
    const session = getSession(APP_ID, proxy)!;
    const check = session.refresh();
    await checkAsked;
    proxy.signedIn = true;
    session.settle({
      kind: 'authorized',
      detail: { target: 'AppAuthSuccess', person: decodePersonInfo(personInfoNode('Robin Race')) },
    });
    await check;
    expect(session.state.status).to.equal('connected');
    expect(session.state.person!.name).to.equal('Robin Race');
  });

  it('rechecks when another tab of the same application signs in or out', async () => {
    const proxy = new FakeProxy();
    const session = getSession(APP_ID, proxy)!;
    session.start();
    await nextState(session);
    expect(session.state.status).to.equal('signed-out');
    // Another tab signs in (the backend now holds a token) and nudges this one.
    proxy.signedIn = true;
    const otherTab = new BroadcastChannel(`hv-elements:session:${APP_ID}`);
    const changed = nextState(session);
    otherTab.postMessage('changed');
    otherTab.close();
    expect((await changed).status).to.equal('connected');
  });

  it('tells the other tabs when it finds the access revoked', async () => {
    const proxy = new FakeProxy();
    proxy.signedIn = true;
    const session = getSession(APP_ID, proxy)!;
    session.start();
    await nextState(session);
    expect(session.state.status).to.equal('connected');
    const otherTab = new BroadcastChannel(`hv-elements:session:${APP_ID}`);
    const told = new Promise((resolve) => (otherTab.onmessage = resolve));
    proxy.call = async () => {
      throw new PlatformError('GetPersonInfo', 11);
    };
    expect((await session.refresh()).status).to.equal('revoked');
    await told;
    otherTab.close();
  });

  it('works where the browser has no BroadcastChannel (before Safari 15.4): it hears of other tabs only when shown again', async () => {
    const channel = Object.getOwnPropertyDescriptor(globalThis, 'BroadcastChannel')!;
    delete (globalThis as { BroadcastChannel?: unknown }).BroadcastChannel;
    try {
      const proxy = new FakeProxy();
      proxy.signedIn = true;
      const session = getSession(APP_ID, proxy)!;
      session.start();
      expect((await nextState(session)).status).to.equal('connected');
      proxy.call = async () => {
        throw new PlatformError('GetPersonInfo', 11);
      };
      // Finding the access revoked would tell the other tabs; with no channel it tells no one, and does not throw.
      expect((await session.refresh()).status).to.equal('revoked');
    } finally {
      Object.defineProperty(globalThis, 'BroadcastChannel', channel);
    }
  });

  it('asks a proxy it cannot reach again after 1, 2 and 4 seconds, then leaves it to a person', async function () {
    this.timeout(12_000);
    const proxy = new FakeProxy();
    proxy.signedIn = true;
    const asked: number[] = [];
    proxy.call = async () => {
      asked.push(performance.now());
      throw new HvError('network', 'Failed to fetch', { retryable: true });
    };
    const session = getSession(APP_ID, proxy)!;
    session.start();
    await waitUntil(() => asked.length === 4, 'three retries', { timeout: 10_000 });
    // No fourth retry: the session waits for a person.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(asked).to.have.length(4);
    // The waits between the attempts: 1, 2 and 4 s (a busy machine may add a little, never take any away).
    const waits = asked.slice(1).map((at, index) => at - asked[index]!);
    waits.forEach((wait, index) =>
      expect(wait).to.be.within([1000, 2000, 4000][index]! - 20, [1000, 2000, 4000][index]! + 700),
    );
    expect(session.state.status).to.equal('error');
    // A person's retry that works ends the failures.
    proxy.call = async () => personInfoNode();
    expect((await session.refresh()).status).to.equal('connected');
  });

  it('rechecks when the tab is shown again, at most every 30 seconds', async () => {
    const proxy = new FakeProxy();
    const session = getSession(APP_ID, proxy)!;
    session.start();
    await nextState(session);
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    const realNow = Date.now;
    try {
      const calls = proxy.calls.length;
      document.dispatchEvent(new Event('visibilitychange'));
      expect(proxy.calls.length, 'shown again at once: no recheck').to.equal(calls);
      Date.now = () => realNow() + 31_000;
      proxy.signedIn = true;
      const changed = nextState(session);
      document.dispatchEvent(new Event('visibilitychange'));
      expect((await changed).status).to.equal('connected');
    } finally {
      Date.now = realNow;
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
  });
});
