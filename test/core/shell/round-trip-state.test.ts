import { expect } from '@open-wc/testing';
import { HvError } from '../../../src/core/errors.js';
import { parseShellReturn } from '../../../src/core/shell/return.js';
import { consumeRoundTripState } from '../../../src/core/shell/round-trip-consume.js';
import {
  createRoundTripState,
  MAX_PENDING_STATES,
  STATE_STORAGE_KEY,
  type RoundTripOptions,
  type StateStore,
} from '../../../src/core/shell/round-trip-state.js';
import { buildShellUrl } from '../../../src/core/shell/url.js';

const MINUTE = 60_000;
const APP = '11111111-1111-4111-8111-111111111111';

class MapStore implements StateStore {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

/** A Map-backed store, a clock that only moves when told, and distinct predictable nonces. */
function fixture(): RoundTripOptions & { store: MapStore; advance(ms: number): void } {
  let time = 1_700_000_000_000;
  let counter = 0;
  return {
    store: new MapStore(),
    now: () => time,
    advance: (ms) => {
      time += ms;
    },
    random: (bytes) => {
      counter += 1;
      bytes.fill(counter);
      return bytes;
    },
  };
}

function expectStateError(run: () => unknown, message: string): void {
  expect(run).to.throw(HvError, message).with.property('code', 'invalid-state');
}

const FOREIGN =
  'The round-trip state is unknown to this tab: the sign-in was started in another tab or window, ' +
  `was superseded by ${MAX_PENDING_STATES} newer ones, or did not come from this page`;
const REPLAYED = 'The round-trip state was already used: this Shell return has been processed before';
const EXPIRED = 'The round-trip state expired before the Shell returned; start the sign-in again';
const MISSING = 'The Shell return carries no round-trip state (no hvstate in actionqs), so it cannot be trusted';

describe('core/shell/round-trip-state', () => {
  it('puts a 128-bit base64url nonce and the app data in actionqs', () => {
    const options = { ...fixture(), random: (bytes: Uint8Array) => bytes.fill(0xff) };
    expect(createRoundTripState('page=2', options)).to.match(
      /^hvstate=_____________________w&action=page%3D2&hvreturn=/,
    );
  });

  it("carries this page's path and query (hvreturn), where a proxy's action URL sends the browser back to", () => {
    const options = { ...fixture(), random: (bytes: Uint8Array) => bytes.fill(0xff) };
    const here = encodeURIComponent(location.pathname + location.search);
    expect(createRoundTripState('x', options)).to.equal(`hvstate=_____________________w&action=x&hvreturn=${here}`);
  });

  it('consumes a state once and gives back the app data', () => {
    const options = fixture();
    const actionqs = createRoundTripState('/inbox?tab=2', options);
    expect(consumeRoundTripState(actionqs, options)).to.deep.equal({ appData: '/inbox?tab=2' });
    expectStateError(() => consumeRoundTripState(actionqs, options), REPLAYED);
  });

  it('without app data there is no action and none comes back', () => {
    const options = fixture();
    const actionqs = createRoundTripState(undefined, options);
    expect(new URLSearchParams(actionqs).has('action')).to.equal(false);
    expect(consumeRoundTripState(actionqs, options)).to.deep.equal({});
  });

  it('keeps states apart: consuming one leaves the others valid', () => {
    const options = fixture();
    const first = createRoundTripState('first', options);
    const second = createRoundTripState('second', options);
    expect(first).not.to.equal(second);
    expect(consumeRoundTripState(second, options)).to.deep.equal({ appData: 'second' });
    expect(consumeRoundTripState(first, options)).to.deep.equal({ appData: 'first' });
  });

  const missing: [string, string | undefined][] = [
    ['no actionqs', undefined],
    ['an empty actionqs', ''],
    ['app data only', 'action=x'],
    ['an empty hvstate', 'hvstate=&action=x'],
  ];
  for (const [name, actionqs] of missing) {
    it(`refuses ${name} as missing state`, () => {
      expectStateError(() => consumeRoundTripState(actionqs, fixture()), MISSING);
    });
  }

  it('refuses a state created in another tab (another store)', () => {
    const otherTab = fixture();
    const actionqs = createRoundTripState('x', otherTab);
    expectStateError(() => consumeRoundTripState(actionqs, fixture()), FOREIGN);
  });

  it('refuses a forged state', () => {
    const options = fixture();
    createRoundTripState('x', options);
    expectStateError(() => consumeRoundTripState('hvstate=AAAAAAAAAAAAAAAAAAAAAA&action=x', options), FOREIGN);
  });

  it('expires after 30 minutes by default', () => {
    const options = fixture();
    const inTime = createRoundTripState('a', options);
    const late = createRoundTripState('b', options);
    options.advance(30 * MINUTE - 1);
    expect(consumeRoundTripState(inTime, options)).to.deep.equal({ appData: 'a' });
    options.advance(1);
    expectStateError(() => consumeRoundTripState(late, options), EXPIRED);
    expectStateError(() => consumeRoundTripState(late, options), REPLAYED);
  });

  it('honours a custom time to live', () => {
    const options = { ...fixture(), ttlMs: MINUTE };
    const fresh = createRoundTripState('a', options);
    options.advance(MINUTE);
    expectStateError(() => consumeRoundTripState(fresh, options), EXPIRED);
  });

  it(`keeps at most ${MAX_PENDING_STATES} pending states, evicting the oldest`, () => {
    const options = fixture();
    const states = Array.from({ length: MAX_PENDING_STATES + 1 }, (_, i) => createRoundTripState(`s${i}`, options));
    const stored = JSON.parse(options.store.getItem(STATE_STORAGE_KEY)!) as { pending: unknown[] };
    expect(stored.pending).to.have.length(MAX_PENDING_STATES);
    expectStateError(() => consumeRoundTripState(states[0], options), FOREIGN);
    states.slice(1).forEach((actionqs, i) => {
      expect(consumeRoundTripState(actionqs, options)).to.deep.equal({ appData: `s${i + 1}` });
    });
  });

  it('bounds the list of used states too', () => {
    const options = fixture();
    for (let i = 0; i < 50; i++) consumeRoundTripState(createRoundTripState(undefined, options), options);
    const stored = options.store.getItem(STATE_STORAGE_KEY)!;
    expect(stored.length).to.be.below(1000);
    expect((JSON.parse(stored) as { pending: unknown[] }).pending).to.deep.equal([]);
  });

  it('stores nonces and expiry times only, never the app data', () => {
    const options = fixture();
    createRoundTripState('app-data-marker', options);
    expect([...options.store.items.keys()]).to.deep.equal([STATE_STORAGE_KEY]);
    expect(options.store.getItem(STATE_STORAGE_KEY)).not.to.include('app-data-marker');
  });

  it('treats unreadable storage as empty', () => {
    const options = fixture();
    options.store.setItem(STATE_STORAGE_KEY, '{not json');
    const actionqs = createRoundTripState('ok', options);
    expect(consumeRoundTripState(actionqs, options)).to.deep.equal({ appData: 'ok' });
    options.store.setItem(STATE_STORAGE_KEY, JSON.stringify({ pending: [{ nonce: 1 }, 'x'], used: 'no' }));
    expectStateError(() => consumeRoundTripState(actionqs, options), FOREIGN);
  });

  it('says so when the state cannot be saved', () => {
    const full: StateStore = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expectStateError(
      () => createRoundTripState('x', { ...fixture(), store: full }),
      'The sign-in round-trip state could not be saved in session storage',
    );
  });

  it('defaults to sessionStorage and WebCrypto', () => {
    sessionStorage.removeItem(STATE_STORAGE_KEY);
    try {
      const first = createRoundTripState('default');
      const second = createRoundTripState('default');
      expect(new URLSearchParams(first).get('hvstate')).to.match(/^[A-Za-z0-9_-]{22}$/);
      expect(first).not.to.equal(second);
      expect(sessionStorage.getItem(STATE_STORAGE_KEY)).to.be.a('string');
      expect(consumeRoundTripState(first)).to.deep.equal({ appData: 'default' });
    } finally {
      sessionStorage.removeItem(STATE_STORAGE_KEY);
    }
  });

  describe('app data survives the whole trip through the Shell URL and back', () => {
    const appData = ['a&b=c', 'with spaces', 'plus+sign', '100%', 'ünïcødé 🩺', '/path?x=1#frag', 'hvstate=fake', ''];
    for (const data of appData) {
      it(JSON.stringify(data), () => {
        const options = fixture();
        const actionqs = createRoundTripState(data, options);
        const shellUrl = buildShellUrl({ target: 'AUTH', shell: 'us', appId: APP, actionqs });
        // The Shell decodes targetqs, reads actionqs from it, and echoes it to the action URL as a query parameter.
        const received = new URLSearchParams(new URL(shellUrl).searchParams.get('targetqs')!).get('actionqs')!;
        const actionUrl = new URL('https://app.example/return');
        actionUrl.searchParams.set('target', 'AppAuthSuccess');
        actionUrl.searchParams.set('actionqs', received);
        const shellReturn = parseShellReturn(actionUrl.search);
        expect(consumeRoundTripState(shellReturn?.actionqs, options)).to.deep.equal({ appData: data });
      });
    }
  });
});
