import type { Clock } from "../../services/platform/clock";

/** Tuesday 3 March 2026: a working day in GMT, not a bank holiday, so the morning digest goes out to everyone. */
export const DEMO_TODAY = "2026-03-03";
/** The policy's morning delivery time (08:00 London) on that day. */
export const DEMO_MORNING = new Date("2026-03-03T08:00:00.000Z");

/**
 * The app's clock for the e2e suites: it starts at 10:00 on DEMO_TODAY and runs at real speed, so the demo force
 * (seeded relative to "today") and the digest it gets are the same on any day the tests run, while leases, claims and
 * "at 10:42" labels still see time pass.
 */
export function demoClock(): Clock {
  const start = Date.parse(`${DEMO_TODAY}T10:00:00.000Z`);
  let origin: number | undefined;
  return {
    now: () => {
      const wall = performance.timeOrigin + performance.now();
      origin ??= wall;
      return new Date(start + (wall - origin));
    },
  };
}
