import type { CaseDoc } from "../../domain/case";
import type { IsoDate } from "../../domain/dates";
import type { Officer } from "../../domain/officer";
import type { Policy } from "../../domain/policy";
import { bailStatus } from "../../rules/bail-deadlines";
import { staleness } from "../../rules/progress";
import { reviewStatus } from "../../rules/review-cadence";
import type { BailBand, CaseLine } from "./case-line-view";

/** Which of the policy's bail bands `daysLeft` falls in (docs/domain-rules.md §3, `urgency.*`). */
function bailBandOf(daysLeft: number, policy: Policy): BailBand {
  if (daysLeft <= policy.urgency.bailCriticalWithinDays) return "critical";
  return daysLeft <= policy.urgency.bailNearWithinDays ? "near" : "later";
}

/**
 * Bail, review and staleness folded into one ordering key; bail lapsing outranks everything, then bail in the
 * critical and near bands (docs/domain-rules.md §3).
 */
function urgencyOf(l: Omit<CaseLine, "urgency">): number {
  let u = 0;
  if (l.bail?.kind === "pre-charge") {
    if (l.bail.lapsed) u += 10_000;
    else u += { critical: 5_000, near: 2_000, later: 0 }[l.bail.band];
  }
  if (l.staleLevel === "red") u += 3_000;
  if (l.review.escalated) u += 1_500;
  if (l.review.overdueDays > 0) u += 1_000 + Math.min(l.review.overdueDays, 365);
  u += { fresh: 0, oic: 100, sergeant: 300, inspector: 600, red: 0 }[l.staleLevel];
  if (l.forensicsOverdue) u += 200;
  u += { low: 0, medium: 10, high: 20, "very-high": 30 }[l.risk];
  return u;
}

/** One case as a card line, with every figure from the pure rules as of `today`. */
export function describeCase(c: CaseDoc, oic: Officer | undefined, policy: Policy, today: IsoDate): CaseLine {
  const review = reviewStatus(c, policy, today);
  const stale = staleness(c, policy, today);
  const bail = bailStatus(c, policy, today);
  const line: Omit<CaseLine, "urgency"> = {
    ref: c.ref,
    offenceCategory: c.offenceCategory,
    risk: c.risk,
    oicName: oic ? `${oic.rank} ${oic.name}` : "(unassigned)",
    review: { dueOn: review.dueOn, overdueDays: review.overdueDays, escalated: review.escalated },
    daysSinceUpdate: stale.daysSinceUpdate,
    staleLevel: stale.level,
    ...(stale.forensicsDays !== undefined ? { forensicsDays: stale.forensicsDays } : {}),
    forensicsOverdue: stale.forensicsOverdue,
    ...(bail === undefined
      ? {}
      : bail.kind === "rui"
        ? { bail: { kind: "rui" as const, since: bail.since, nextReviewOn: bail.nextReviewOn } }
        : {
            bail: {
              kind: "pre-charge" as const,
              endsOn: bail.endsOn,
              daysLeft: bail.daysLeft,
              lapsed: bail.lapsed,
              treatedAsExtended: bail.treatedAsExtended,
              band: bailBandOf(bail.daysLeft, policy),
              ...(bail.nextAuthorityStep
                ? { authority: bail.nextAuthorityStep.authority, authorityWarnFrom: bail.nextAuthorityStep.warnFrom }
                : {}),
            },
          }),
  };
  return { ...line, urgency: urgencyOf(line) };
}

export function worstFirst(a: CaseLine, b: CaseLine): number {
  return b.urgency - a.urgency || a.ref.localeCompare(b.ref);
}
