import type { CaseDoc } from "../domain/case";
import type { IsoDate } from "../domain/dates";
import type { Policy } from "../domain/policy";
import { addDays, addWorkingDays, daysBetween } from "./calendar";
import { bailStatus, type PreChargeBailStatus, type RuiStatus } from "./bail-deadlines";
import { progressBase, staleness } from "./progress";
import { kiratStatus, reviewStatus } from "./review-cadence";
import { emptyTriggers, repeatAround, triggerLadder, type Step, type Triggers } from "./trigger-ladder";

export type CaseRole = "oic" | "sergeant" | "inspector" | "oic-bail";
export type CaseTriggers = Triggers<CaseRole> & {
  /** Bail warning window: an OIC absent on any day of it has their bail items routed to the sergeant (docs/domain-rules.md §3). */
  bailWindow?: { from: IsoDate; to: IsoDate };
};

/** Every rule that concerns one open case, as dated triggers per role (docs/domain-rules.md §1–§3). */
export function caseTriggers(c: CaseDoc, policy: Policy, today: IsoDate): CaseTriggers {
  const out: CaseTriggers = emptyTriggers<CaseRole>();
  if (c.status !== "open") return out;
  reviewTriggers(out, c, policy, today);
  kiratTriggers(out, c, policy, today);
  progressTriggers(out, c, policy, today);
  const bail = bailStatus(c, policy, today);
  if (bail?.kind === "pre-charge") preChargeTriggers(out, bail, policy, today);
  if (bail?.kind === "rui") ruiTriggers(out, bail, policy, today);
  return out;
}

function reviewTriggers(out: CaseTriggers, c: CaseDoc, policy: Policy, today: IsoDate): void {
  const r = reviewStatus(c, policy, today);
  const facts = { risk: c.risk, dueOn: r.dueOn, overdueDays: r.overdueDays, cadenceDays: r.cadenceDays };
  const overdueFrom = addDays(r.dueOn, 1);
  // The sergeant is nagged once per cadence while the review stays undone.
  triggerLadder(out, "sergeant", [
    { on: r.dueOn, kind: "review-due", urgency: "action", action: "review", facts },
    ...repeatAround(overdueFrom, r.cadenceDays, today).map((on): Step => ({ on, kind: "review-overdue", urgency: "action", action: "review", facts })),
  ], today);
  triggerLadder(out, "inspector", repeatAround(r.escalateOn, r.cadenceDays, today)
    .map((on): Step => ({ on, kind: "review-escalation", urgency: "urgent", action: "review", facts })), today);
}

function kiratTriggers(out: CaseTriggers, c: CaseDoc, policy: Policy, today: IsoDate): void {
  const k = kiratStatus(c, policy, today);
  if (k === undefined || k.actedOn !== undefined) return;
  const facts = { grade: k.grade, dueOn: k.dueOn, daysLeft: k.daysLeft };
  const overdue: Step = { on: addDays(k.dueOn, 1), kind: "kirat-initial-action", urgency: "urgent", action: "confirm-progress", facts: { ...facts, stage: "overdue" } };
  triggerLadder(out, "oic", [
    { on: c.openedOn, kind: "kirat-initial-action", urgency: "action", action: "confirm-progress", facts: { ...facts, stage: "referred" } },
    ...(k.dueOn > c.openedOn ? [{ on: k.dueOn, kind: "kirat-initial-action", urgency: "urgent", action: "confirm-progress", facts: { ...facts, stage: "due-today" } } satisfies Step] : []),
    overdue,
  ], today);
  triggerLadder(out, "sergeant", [{ ...overdue, action: "review" }], today);
}

function progressTriggers(out: CaseTriggers, c: CaseDoc, policy: Policy, today: IsoDate): void {
  const p = policy.progress;
  const s = staleness(c, policy, today);
  const base = progressBase(c);
  const facts = { daysSinceUpdate: s.daysSinceUpdate, lastUpdatedOn: base };
  // The OIC is re-prompted every threshold period; their supervisors are told once per stale spell.
  triggerLadder(out, "oic", repeatAround(addDays(base, p.promptOicAfterDays), p.promptOicAfterDays, today)
    .map((on): Step => ({ on, kind: "stale-oic", urgency: "action", action: "confirm-progress", facts })), today);
  triggerLadder(out, "sergeant", [{ on: addDays(base, p.alertSergeantAfterDays), kind: "stale-sergeant", urgency: "action", action: "review", facts }], today);
  triggerLadder(out, "inspector", [
    { on: addDays(base, p.alertInspectorAfterDays), kind: "stale-inspector", urgency: "action", action: "review", facts },
    { on: addDays(base, p.redAfterDays), kind: "stale-red", urgency: "urgent", action: "review", facts },
  ], today);
  if (c.awaitingForensicsSince !== undefined) {
    triggerLadder(out, "sergeant", [{
      on: addDays(c.awaitingForensicsSince, p.forensicsFlagAfterDays), kind: "forensics-wait", urgency: "info", action: "review",
      facts: { forensicsDays: s.forensicsDays ?? 0, awaitingSince: c.awaitingForensicsSince },
    }], today);
  }
}

function preChargeTriggers(out: CaseTriggers, b: PreChargeBailStatus, policy: Policy, today: IsoDate): void {
  if (b.treatedAsExtended) return;
  const bp = policy.bail;
  out.bailWindow = { from: b.warningFrom, to: b.endsOn > today ? b.endsOn : today };
  const lapseOn = addDays(b.endsOn, 1);
  const facts = { endsOn: b.endsOn, daysLeft: b.daysLeft, regime: b.regime };
  const lapsed: Step = { on: lapseOn, kind: "bail-lapsed", urgency: "urgent", action: "review", anyDay: true, facts: { ...facts, lapsedOn: lapseOn } };
  const warning = (d: number): Step => {
    const urgent = d <= bp.urgentWithinDays;
    return { on: addDays(b.endsOn, -d), kind: "bail-warning", urgency: urgent ? "urgent" : "action", action: "authority", anyDay: urgent, facts: { ...facts, daysBefore: d } };
  };
  const leads = [...new Set(bp.reminderDaysBefore)];
  triggerLadder(out, "oic-bail", [...leads.map(warning), lapsed], today);
  triggerLadder(out, "sergeant", [...leads.filter((d) => d <= bp.copySergeantFromDays).map(warning), lapsed], today);
  triggerLadder(out, "inspector", [...leads.filter((d) => d <= bp.copyInspectorFromDays).map(warning), lapsed], today);
  triggerLadder(out, "oic-bail", [{
    on: lapseOn, kind: "victim-update", urgency: "action", action: "victim-update",
    facts: { lapsedOn: lapseOn, updateBy: addWorkingDays(lapseOn, bp.victimUpdateWorkingDays, policy.schedule.bankHolidays) },
  }], today);
  const step = b.nextAuthorityStep;
  if (step !== undefined && today <= b.endsOn) {
    const authority: Step = {
      on: step.warnFrom, kind: "bail-authority", urgency: "action", action: "authority",
      facts: { ...facts, authority: step.authority, pointOn: step.pointOn, daysToPoint: daysBetween(today, step.pointOn) },
    };
    triggerLadder(out, "oic-bail", [authority], today);
    triggerLadder(out, "sergeant", [authority], today);
  }
}

function ruiTriggers(out: CaseTriggers, r: RuiStatus, policy: Policy, today: IsoDate): void {
  triggerLadder(out, "oic", repeatAround(addDays(r.since, policy.bail.ruiReviewEveryDays), policy.bail.ruiReviewEveryDays, today)
    .map((on): Step => ({ on, kind: "rui-review", urgency: "action", action: "confirm-progress", facts: { since: r.since, days: daysBetween(r.since, today) } })), today);
}
