import { TZDate, tz } from "@date-fns/tz";
import { format } from "date-fns";
import type { IsoDate } from "../services/domain/dates";

const utc = tz("UTC");

/** "Tue 3 Mar 2026": a calendar date as people read it. Calendar dates carry no zone, so UTC keeps the day. */
export function formatDay(day: IsoDate): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return format(new TZDate(y, m - 1, d, "UTC"), "EEE d MMM yyyy", { in: utc });
}

/** "1 day" / "5 days". */
export function days(n: number): string {
  return `${n} day${n === 1 ? "" : "s"}`;
}
