import { TZDate, tz } from "@date-fns/tz";
import { addDays as fnsAddDays, addMonths, differenceInCalendarDays, differenceInMonths, format, getISODay } from "date-fns";
import type { IsoDate, Moment } from "../domain/dates";

/** Mon–Fri, the default working week (ISO weekdays). */
export const WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5];

/**
 * Calendar dates carry no time zone. They are held as local noon for date-fns's calendar
 * arithmetic: noon exists on every day in every zone (DST changes happen at night), so day and
 * month steps never slip across a date boundary whatever zone the process runs in. (A TZDate in
 * UTC would also work but costs an Intl lookup per operation, which dominates a sweep.)
 */
function toCalendarDate(day: IsoDate): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12);
}

function fromDate(date: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The calendar date that `now` falls on in `timeZone` (e.g. 23:30Z in summer is the next day in London). */
export function londonDay(now: Date, timeZone: string): IsoDate {
  return format(now, "yyyy-MM-dd", { in: tz(timeZone) });
}

/** The moment of `now`: the instant and its London calendar day, computed together once. */
export function momentAt(now: Date, timeZone: string): Moment {
  return { now, today: londonDay(now, timeZone) };
}

export function addDays(day: IsoDate, n: number): IsoDate {
  return fromDate(fnsAddDays(toCalendarDate(day), n));
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toCalendarDate(to), toCalendarDate(from));
}

/** Calendar months, clamped to the month's last day: 31 Jan + 3 months = 30 Apr (docs/domain-rules.md preamble). */
export function addMonthsClamped(day: IsoDate, months: number): IsoDate {
  return fromDate(addMonths(toCalendarDate(day), months));
}

/** Whole calendar months from `from` to `to` (used to jump to the occurrence of a monthly series). */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  return differenceInMonths(toCalendarDate(to), toCalendarDate(from));
}

/** ISO weekday, Mon=1 … Sun=7. */
export function isoWeekday(day: IsoDate): number {
  return getISODay(toCalendarDate(day));
}

export function isWorkingDay(day: IsoDate, bankHolidays: readonly IsoDate[], workingDays: readonly number[] = WEEKDAYS): boolean {
  return workingDays.includes(isoWeekday(day)) && !bankHolidays.includes(day);
}

/** The first working day on or after `day`; a week with no working days at all falls back to Mon–Fri. */
export function nextWorkingDay(day: IsoDate, bankHolidays: readonly IsoDate[], workingDays: readonly number[] = WEEKDAYS): IsoDate {
  const days = workingDays.length > 0 ? workingDays : WEEKDAYS;
  let d = day;
  // A year of consecutive bank holidays is impossible; the bound only guards a malformed policy.
  for (let i = 0; i < 366; i++) {
    if (isWorkingDay(d, bankHolidays, days)) return d;
    d = addDays(d, 1);
  }
  return d;
}

/** `n` working days after `day` (Victims' Code deadlines count working days, not the day itself). */
export function addWorkingDays(day: IsoDate, n: number, bankHolidays: readonly IsoDate[]): IsoDate {
  let d = day;
  for (let left = n; left > 0; left--) d = nextWorkingDay(addDays(d, 1), bankHolidays);
  return d;
}

/** The UTC instant of wall-clock `hhmm` on `day` in `timeZone`; correct across both DST changes. */
export function zonedInstant(day: IsoDate, hhmm: string, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const [h, min] = hhmm.split(":").map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, h, min, timeZone).getTime());
}

/** The later of two dates (ISO strings order as dates). */
export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** The earliest defined date, or undefined. */
export function earliestOf(dates: readonly (IsoDate | undefined)[]): IsoDate | undefined {
  let best: IsoDate | undefined;
  for (const d of dates) if (d !== undefined && (best === undefined || d < best)) best = d;
  return best;
}
