import { expect } from '@open-wc/testing';
import { createClock } from '../../src/mock/clock.js';

describe('createClock', () => {
  it('stands still at its start until advanced', () => {
    const clock = createClock(new Date('2026-01-01T00:00:00Z'));
    const start = clock.now();
    expect(start).to.equal(Date.UTC(2026, 0, 1));
    clock.advance(90_000);
    expect(clock.now()).to.equal(start + 90_000);
  });

  it('follows real time plus what was advanced when it has no start', () => {
    const clock = createClock();
    clock.advance(60_000);
    const drift = clock.now() - Date.now() - 60_000;
    expect(Math.abs(drift)).to.be.below(1000);
  });

  it('refuses to go backwards', () => {
    expect(() => createClock(0).advance(-1)).to.throw(RangeError, /only moves forward/);
    expect(() => createClock(0).advance(Number.NaN)).to.throw(RangeError);
  });
});
