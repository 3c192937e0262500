import { tz } from "@date-fns/tz";
import { format } from "date-fns";

/**
 * "10:42" for an instant earlier the same local day, "3 Mar 10:42" otherwise: the wording of "Seen by DS Khan at
 * 10:42". Local time in the policy's zone (Europe/London), so it is right on both sides of a DST change.
 */
export function londonTimeLabel(instant: string, now: Date, timeZone: string): string {
  const zone = tz(timeZone);
  const at = new Date(instant);
  const sameDay = format(at, "yyyy-MM-dd", { in: zone }) === format(now, "yyyy-MM-dd", { in: zone });
  return format(at, sameDay ? "HH:mm" : "d MMM HH:mm", { in: zone });
}
