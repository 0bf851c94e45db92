/** The simulator's notion of time. Tests move it forward to expire tokens and authorizations without waiting. */
export interface Clock {
  /** Milliseconds since the epoch, as `Date.now()`. */
  now(): number;
  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void;
}

/**
 * A clock for the simulator. Without `start` it follows the real time (plus whatever `advance` added), which is
 * what a demo wants; with `start` it stands still at that instant until `advance` moves it, which is what a test
 * wants.
 */
export function createClock(start?: number | Date): Clock {
  const frozenAt = start === undefined ? undefined : new Date(start).getTime();
  let offset = 0;
  return {
    now: () => (frozenAt ?? Date.now()) + offset,
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`The simulator clock only moves forward; got ${ms} ms`);
      offset += ms;
    },
  };
}
