import { z } from "zod";

/** A calendar date in Europe/London, written YYYY-MM-DD, that really exists (no 2026-02-30). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  .refine((s) => {
    const [y, m, d] = s.split("-").map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }, "is not a real calendar date");
export type IsoDate = z.infer<typeof isoDate>;

/** An IANA time zone the runtime knows (Europe/London); a typo would silently shift every calendar date. */
export const ianaTimeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, "is not an IANA time zone such as Europe/London");

/** A UTC instant, stored as an ISO-8601 string. */
export const isoInstant = z.string().datetime({ offset: true });

/**
 * The instant a turn, a sweep or an import acts at, and its calendar day in the force's time zone. Read from the clock
 * once at the start and passed down, so one piece of work never sees two different days (a turn that crosses midnight).
 */
export type Moment = { readonly now: Date; readonly today: IsoDate };
