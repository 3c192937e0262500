import type { IsoDate } from "../domain/dates";
import type { Officer } from "../domain/officer";
import type { Policy } from "../domain/policy";
import { isWorkingDay, londonDay, nextWorkingDay, WEEKDAYS, zonedInstant } from "./calendar";
import { urgencies, urgencyRank, type Digest, type ReminderItem } from "./reminder-item";

/** Whether `recipient` gets a morning digest on `day`: their working days (Mon–Fri if unknown), bank holidays excluded. */
export function isDigestDay(day: IsoDate, policy: Policy, recipient?: Officer): boolean {
  return isWorkingDay(day, policy.schedule.bankHolidays, recipient?.workingDays ?? WEEKDAYS);
}

/**
 * When an item may go out. Urgent bail goes at once on any day (docs/domain-rules.md §3, issue 4 §3); everything
 * else waits for the recipient's next digest morning, so a part-timer's prompts land on their days.
 */
export function sendOnFor(anyDay: boolean, sweep: SweepMoment, policy: Policy, recipient?: Officer): "now" | IsoDate {
  if (anyDay) return "now";
  const day = nextWorkingDay(sweep.today, policy.schedule.bankHolidays, recipient?.workingDays ?? WEEKDAYS);
  if (day !== sweep.today) return day;
  return sweep.morningPassed ? "now" : sweep.today;
}

/** The sweep instant as the delivery rules see it: the London day, and whether the digest hour has come. */
export type SweepMoment = { today: IsoDate; morningPassed: boolean };

export function sweepMoment(now: Date, policy: Policy): SweepMoment {
  const today = londonDay(now, policy.timeZone);
  return { today, morningPassed: now.getTime() >= zonedInstant(today, policy.schedule.morningTime, policy.timeZone).getTime() };
}

export type Deliverable = { item: ReminderItem; sendOn: "now" | IsoDate };

function byUrgencyThenSubject(a: ReminderItem, b: ReminderItem): number {
  return urgencyRank(a.urgency) - urgencyRank(b.urgency) || a.subjectId.localeCompare(b.subjectId) || a.kind.localeCompare(b.kind);
}

/** One digest per recipient per delivery time; in practice one card per person per sweep. */
export function buildDigests(deliverables: readonly Deliverable[]): Digest[] {
  const byKey = new Map<string, { recipientId: string; sendOn: "now" | IsoDate; items: ReminderItem[] }>();
  for (const d of deliverables) {
    const key = `${d.item.recipientId}|${d.sendOn}`;
    const entry = byKey.get(key) ?? { recipientId: d.item.recipientId, sendOn: d.sendOn, items: [] };
    entry.items.push(d.item);
    byKey.set(key, entry);
  }
  return [...byKey.values()]
    .map((e) => {
      const items = [...e.items].sort(byUrgencyThenSubject);
      const groups = urgencies.map((urgency) => ({ urgency, items: items.filter((i) => i.urgency === urgency) })).filter((g) => g.items.length > 0);
      return { recipientId: e.recipientId, sendOn: e.sendOn, items, groups };
    })
    .sort((a, b) => a.recipientId.localeCompare(b.recipientId) || String(a.sendOn).localeCompare(String(b.sendOn)));
}
