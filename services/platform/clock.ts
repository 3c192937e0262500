/** Injected source of "now"; the only place production code reads the wall clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock fixed at (or moved to) a chosen instant: for tests, `casewatch sweep --at`, and demo seeding. */
export function fixedClock(at: Date | string): Clock & { set(at: Date | string): void } {
  let current = new Date(at);
  return { now: () => new Date(current), set: (next) => { current = new Date(next); } };
}
