import type { IsoDate } from "../domain/dates";
import { addDays, daysBetween } from "./calendar";
import type { ReminderAction, ReminderFacts, ReminderKind, Urgency } from "./reminder-item";

/** A dated trigger before it is addressed to anyone. */
export type Step = {
  on: IsoDate;
  kind: ReminderKind;
  urgency: Urgency;
  action: ReminderAction;
  facts: ReminderFacts;
  /** Delivered on any day, weekends and bank holidays included (urgent bail). */
  anyDay?: boolean;
};

export type Fired<Role extends string> = Step & { role: Role };
export type Triggers<Role extends string> = { fired: Fired<Role>[]; next: IsoDate[] };

/**
 * One recipient's escalating series for one rule: only the latest step on or before today fires
 * (earlier ones were either sent before or are superseded), and the first step after today is when
 * the subject next needs attention.
 */
export function triggerLadder<Role extends string>(out: Triggers<Role>, role: Role, steps: readonly Step[], today: IsoDate): void {
  let latest: Step | undefined;
  let next: IsoDate | undefined;
  for (const s of steps) {
    if (s.on <= today) {
      if (latest === undefined || s.on >= latest.on) latest = s;
    } else if (next === undefined || s.on < next) {
      next = s.on;
    }
  }
  if (latest !== undefined) out.fired.push({ ...latest, role });
  if (next !== undefined) out.next.push(next);
}

/**
 * The occurrences of a series first, first+every, … that matter today: the last one on or before
 * today (if any) and the first one after it. Closed form, so a case years old costs the same.
 */
export function repeatAround(first: IsoDate, every: number, today: IsoDate): IsoDate[] {
  if (today < first) return [first];
  const step = Math.max(1, every);
  const last = addDays(first, Math.floor(daysBetween(first, today) / step) * step);
  return [last, addDays(last, step)];
}

export function emptyTriggers<Role extends string>(): Triggers<Role> {
  return { fired: [], next: [] };
}
