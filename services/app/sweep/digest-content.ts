import type { ActionPlanDoc } from "../../domain/action-plan";
import type { CaseDoc } from "../../domain/case";
import { isoDate, type IsoDate } from "../../domain/dates";
import type { Officer } from "../../domain/officer";
import type { ReminderFacts, ReminderItem, ReminderKind } from "../../rules/reminder-item";
import { bailAuthority, type DigestAction, type DigestDetail, type DigestItem, type DigestView } from "./digest-view";

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

/**
 * Only figures and dates known to be safe pass into the view (the card words them); anything else in `facts` is
 * dropped here.
 */
function detailOf(f: ReminderFacts): DigestDetail | undefined {
  const num = (k: string) => (Number.isInteger(f[k]) ? (f[k] as number) : undefined);
  const str = (k: string) => (typeof f[k] === "string" ? (f[k] as string) : undefined);
  const day = (k: string) => (isoDate.safeParse(f[k]).success ? (f[k] as IsoDate) : undefined);
  const authority = bailAuthority.safeParse(str("authority"));
  const daysLeft = num("daysLeft");
  const overdueDays = num("overdueDays");
  const detail: DigestDetail = {
    ...(authority.success ? { authority: authority.data } : {}),
    ...(day("endsOn") ? { endsOn: day("endsOn")! } : {}),
    ...(day("lapsedOn") ? { lapsedOn: day("lapsedOn")! } : {}),
    ...(day("updateBy") ? { updateBy: day("updateBy")! } : {}),
    ...(daysLeft !== undefined && daysLeft >= 0 && !str("lapsedOn") ? { daysLeft } : {}),
    ...(overdueDays ? { overdueDays } : {}),
    ...(num("daysSinceUpdate") !== undefined ? { daysSinceUpdate: num("daysSinceUpdate")! } : {}),
    ...(num("forensicsDays") !== undefined ? { forensicsDays: num("forensicsDays")! } : {}),
    ...(num("missedCheckpoints") !== undefined ? { missed: num("missedCheckpoints")! } : {}),
  };
  return Object.keys(detail).length > 0 ? detail : undefined;
}

export interface DigestLookup {
  casesByRef: ReadonlyMap<string, CaseDoc>;
  plansById: ReadonlyMap<string, ActionPlanDoc>;
  officersById: ReadonlyMap<string, Officer>;
}

function actionFor(item: ReminderItem, lookup: DigestLookup): { action?: DigestAction; facts: Partial<DigestItem> } {
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

/** One recipient's digest as a view: crime refs, offence category, risk, dates, figures and officer names only. */
export function digestContent(recipient: Officer | undefined, items: readonly ReminderItem[], lookup: DigestLookup, day: IsoDate): DigestView {
  const groups: DigestView["groups"] = [];
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
