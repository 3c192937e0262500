import { days, formatDay } from "../../../cards/format-day";
import type { DigestActionData, DigestCardData, DigestItem } from "../../../cards/digest";
import type { ActionPlanDoc } from "../../domain/action-plan";
import type { CaseDoc } from "../../domain/case";
import type { IsoDate } from "../../domain/dates";
import type { Officer } from "../../domain/officer";
import type { ReminderFacts, ReminderItem, ReminderKind } from "../../rules/reminder-item";

const headlines: Record<ReminderKind, string> = {
  "review-due": "Supervisory review due",
  "review-overdue": "Supervisory review overdue",
  "review-escalation": "Review overdue by a full cycle: escalated",
  "kirat-initial-action": "Initial action on referral (KIRAT)",
  "stale-oic": "No update recorded: confirm progress",
  "stale-sergeant": "Case not updated",
  "stale-inspector": "Case not updated: inspector alert",
  "stale-red": "No progress for a year",
  "forensics-wait": "Long wait for digital forensics",
  "bail-warning": "Pre-charge bail ending",
  "bail-authority": "Bail extension needs authority",
  "bail-lapsed": "Pre-charge bail has lapsed",
  "victim-update": "Victim update due after bail lapse",
  "rui-review": "Released under investigation: review due",
  "plan-checkpoint": "Action plan checkpoint due",
  "plan-checkpoint-missed": "Action plan checkpoint missed",
  "suggest-action-plan": "Several stale cases: consider an action plan",
  "one-to-one": "Monthly 1:1 not recorded",
  tenure: "Tenure and screening review",
};

const authorityWords: Record<string, string> = {
  inspector: "needs an inspector",
  superintendent: "needs a superintendent",
  court: "needs a court application",
};

/** Only figures and dates known to be safe become words; anything else in `facts` is ignored, not printed. */
function detailOf(f: ReminderFacts): string | undefined {
  const parts: string[] = [];
  const num = (k: string) => (typeof f[k] === "number" ? (f[k] as number) : undefined);
  const str = (k: string) => (typeof f[k] === "string" ? (f[k] as string) : undefined);
  if (str("authority") && authorityWords[str("authority")!]) parts.push(authorityWords[str("authority")!]!);
  if (str("endsOn")) parts.push(`bail ends ${formatDay(str("endsOn")!)}`);
  if (str("lapsedOn")) parts.push(`lapsed ${formatDay(str("lapsedOn")!)}`);
  if (str("updateBy")) parts.push(`update victim by ${formatDay(str("updateBy")!)}`);
  if (num("daysLeft") !== undefined && num("daysLeft")! >= 0 && !str("lapsedOn")) parts.push(num("daysLeft") === 0 ? "ends today" : `${days(num("daysLeft")!)} left`);
  if (num("overdueDays")) parts.push(`${days(num("overdueDays")!)} overdue`);
  if (num("daysSinceUpdate") !== undefined) parts.push(`${days(num("daysSinceUpdate")!)} since update`);
  if (num("forensicsDays") !== undefined) parts.push(`${days(num("forensicsDays")!)} awaiting forensics`);
  if (num("missed") !== undefined) parts.push(`${num("missed")} checkpoints missed`);
  return parts.length > 0 ? parts.join(", ").slice(0, 160) : undefined;
}

export interface DigestLookup {
  casesByRef: ReadonlyMap<string, CaseDoc>;
  plansById: ReadonlyMap<string, ActionPlanDoc>;
  officersById: ReadonlyMap<string, Officer>;
}

function actionFor(item: ReminderItem, lookup: DigestLookup): { action?: DigestActionData; facts: Partial<DigestItem> } {
  const officerName = (id: string | undefined) => (id ? lookup.officersById.get(id)?.name : undefined);
  if (item.subjectType === "case") {
    const c = lookup.casesByRef.get(item.subjectId);
    const facts: Partial<DigestItem> = {
      ref: item.subjectId,
      ...(c ? { offenceCategory: c.offenceCategory, risk: c.risk } : {}),
      ...(officerName(c?.oicId) ? { officerName: officerName(c?.oicId)! } : {}),
    };
    // Bail and victim-update prompts have no dedicated card yet: the OIC confirms progress, supervisors review.
    const verb = item.action === "review" || item.action === "confirm-progress"
      ? item.action
      : c?.oicId === item.recipientId ? "confirm-progress" : "review";
    return { action: { verb, ref: item.subjectId }, facts };
  }
  if (item.subjectType === "plan") {
    const plan = lookup.plansById.get(item.subjectId);
    const name = officerName(plan?.officerId);
    return { action: { verb: "open-plan", planId: item.subjectId }, facts: name ? { officerName: name } : {} };
  }
  const name = officerName(item.subjectId);
  const facts = name ? { officerName: name } : {};
  return item.action === "start-plan" ? { action: { verb: "start-plan", officerId: item.subjectId }, facts } : { facts };
}

/** One recipient's digest as card data: crime refs, offence category, risk, dates and officer names only. */
export function digestContent(recipient: Officer | undefined, items: readonly ReminderItem[], lookup: DigestLookup, day: IsoDate): DigestCardData {
  const groups: DigestCardData["groups"] = [];
  for (const urgency of ["urgent", "action", "info"] as const) {
    const mine = items.filter((i) => i.urgency === urgency);
    if (mine.length === 0) continue;
    groups.push({
      urgency,
      items: mine.map((i) => {
        const { action, facts } = actionFor(i, lookup);
        const detail = detailOf(i.facts);
        return { headline: headlines[i.kind], dueOn: i.dueOn, ...facts, ...(detail ? { detail } : {}), ...(action ? { action } : {}) };
      }),
    });
  }
  return { recipientName: recipient?.name ?? "you", day, groups };
}
