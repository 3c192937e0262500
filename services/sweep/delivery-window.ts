import type { Officer } from "../domain/officer";
import type { Policy } from "../policy/policy";
import { isWorkingDay, londonDay, WEEKDAYS, zonedInstant } from "../rules/calendar";

/** What the window needs to know about one digest item. */
export interface TimedItem {
  urgency: "urgent" | "action" | "info";
}

/**
 * RULES-driven delivery timing (issue 4 §3): urgent items (bail within the urgent window, or lapsed) go out on any
 * day and at any hour; everything else waits for the recipient's working day (bank holidays excluded, part-time
 * pattern honoured) at or after the policy's morning time. `sendOn` is the planner's own earliest day.
 */
export function splitByDeliveryWindow<T extends TimedItem>(
  items: readonly T[],
  sendOn: "now" | string,
  recipient: Pick<Officer, "workingDays"> | undefined,
  policy: Policy,
  at: Date,
): { now: T[]; later: T[] } {
  const tz = policy.timeZone;
  const day = londonDay(at, tz);
  const workingDays = recipient?.workingDays && recipient.workingDays.length > 0 ? recipient.workingDays : WEEKDAYS;
  const routineOpen =
    (sendOn === "now" || sendOn <= day) &&
    isWorkingDay(day, policy.schedule.bankHolidays, workingDays) &&
    at.getTime() >= zonedInstant(day, policy.schedule.morningTime, tz).getTime();
  const now: T[] = [];
  const later: T[] = [];
  for (const item of items) (item.urgency === "urgent" || routineOpen ? now : later).push(item);
  return { now, later };
}
