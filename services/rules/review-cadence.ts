import type { CaseDoc, Risk } from "../domain/case";
import type { IsoDate } from "../domain/dates";
import type { Policy } from "../domain/policy";
import { addDays, daysBetween } from "./calendar";

export type ReviewStatus = {
  cadenceDays: number;
  /** The day the review falls due; it is overdue from the day after. */
  dueOn: IsoDate;
  overdueDays: number;
  escalateOn: IsoDate;
  escalated: boolean;
};

export function cadenceFor(risk: Risk, policy: Policy): number {
  return policy.review.cadenceDays[risk];
}

/** The review date a reviewer is offered when they do not pick one. */
export function defaultNextReview(risk: Risk, policy: Policy, today: IsoDate): IsoDate {
  return addDays(today, cadenceFor(risk, policy));
}

/**
 * When the next supervisory review is due. A reviewer may have set an explicit date (stored as
 * `nextReviewDueOn`); it only counts when it is after the last review, so a stale stored value
 * left over from an earlier cycle cannot push the review out.
 */
export function nextReviewDueOn(c: CaseDoc, policy: Policy): IsoDate {
  const base = c.lastReviewedOn ?? c.openedOn;
  if (c.nextReviewDueOn !== undefined && c.nextReviewDueOn > base) return c.nextReviewDueOn;
  return addDays(base, cadenceFor(c.risk, policy));
}

/**
 * docs/domain-rules.md §1: overdue once the due date has passed; escalated to the inspector once overdue by
 * (escalateAfterCadences − 1) further cadences, i.e. 2 × cadence since the last review by default.
 */
export function reviewStatus(c: CaseDoc, policy: Policy, today: IsoDate): ReviewStatus {
  const cadenceDays = cadenceFor(c.risk, policy);
  const dueOn = nextReviewDueOn(c, policy);
  const escalateOn = addDays(dueOn, (policy.review.escalateAfterCadences - 1) * cadenceDays);
  return {
    cadenceDays,
    dueOn,
    overdueDays: Math.max(0, daysBetween(dueOn, today)),
    escalateOn,
    escalated: today >= escalateOn,
  };
}

export type KiratStatus = {
  grade: Risk;
  /** The last day for the first action after the referral (referral date = case opened). */
  dueOn: IsoDate;
  actedOn?: IsoDate;
  met: boolean;
  overdue: boolean;
  daysLeft: number;
};

/** docs/domain-rules.md §1 last row: KIRAT initial-action timescales, from referral to first action. */
export function kiratStatus(c: CaseDoc, policy: Policy, today: IsoDate): KiratStatus | undefined {
  if (c.referralGrade === undefined) return undefined;
  const dueOn = addDays(c.openedOn, policy.review.kiratInitialActionDays[c.referralGrade]);
  const acted = c.firstActionOn;
  const met = acted !== undefined && acted <= dueOn;
  const overdue = acted === undefined ? today > dueOn : acted > dueOn;
  return { grade: c.referralGrade, dueOn, ...(acted !== undefined ? { actedOn: acted } : {}), met, overdue, daysLeft: daysBetween(today, dueOn) };
}
