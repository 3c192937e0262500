import type { IsoDate } from "../domain/dates";
import type { Officer } from "../domain/officer";
import type { Policy } from "../domain/policy";
import { addDays, addMonthsClamped, daysBetween, monthsBetween } from "./calendar";
import { emptyTriggers, repeatAround, triggerLadder, type Step, type Triggers } from "./trigger-ladder";

export type OfficerRole = "supervisor";

/** Wellbeing prompts to an officer's supervisor (docs/domain-rules.md §7). Dates only; never outcomes. */
export function officerTriggers(o: Officer, policy: Policy, today: IsoDate): Triggers<OfficerRole> {
  const out = emptyTriggers<OfficerRole>();
  if (o.supervisorId === undefined) return out;
  const w = policy.wellbeing;
  // Without a recorded 1:1 the clock starts when they joined the unit; with neither there is no date to key on.
  const lastOneToOne = o.lastOneToOneOn ?? o.unitJoinedOn;
  if (lastOneToOne !== undefined) {
    const facts = { lastOneToOneOn: lastOneToOne, days: daysBetween(lastOneToOne, today) };
    triggerLadder(out, "supervisor", repeatAround(addDays(lastOneToOne, w.oneToOneEveryDays), w.oneToOneEveryDays, today)
      .map((on): Step => ({ on, kind: "one-to-one", urgency: "action", action: "one-to-one", facts })), today);
  }
  if (o.unitJoinedOn !== undefined && o.unit !== undefined && w.highExposureUnits.includes(o.unit)) {
    triggerLadder(out, "supervisor", tenureSteps(o.unitJoinedOn, policy, today, o.lastScreeningOn), today);
  }
  return out;
}

/** A tenure review at 4 years in post, then psychological screening every 6 months from 5 years. */
function tenureSteps(joined: IsoDate, policy: Policy, today: IsoDate, lastScreeningOn?: IsoDate): Step[] {
  const w = policy.wellbeing;
  const months = (years: number) => Math.round(years * 12);
  const step = (stage: string, on: IsoDate): Step => ({
    on, kind: "tenure", urgency: "info", action: "one-to-one",
    facts: { stage, joinedOn: joined, monthsInPost: monthsBetween(joined, on), ...(lastScreeningOn !== undefined ? { lastScreeningOn } : {}) },
  });
  const steps = [step("tenure-review", addMonthsClamped(joined, months(w.tenureFirstReminderYears)))];
  const start = months(w.screeningAfterYears);
  const every = w.screeningEveryMonths;
  // Jump to the occurrences either side of today rather than walking every six months since joining.
  const k = Math.max(0, Math.floor((monthsBetween(joined, today) - start) / every));
  for (let i = Math.max(0, k - 1); i <= k + 1; i++) steps.push(step("screening", addMonthsClamped(joined, start + i * every)));
  return steps;
}
