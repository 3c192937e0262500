import type { CaseDoc } from "../../domain/case";
import type { IsoDate } from "../../domain/dates";
import type { Policy } from "../../domain/policy";
import { nextAttentionOn } from "../../rules/plan-reminders";
import { nextReviewDueOn } from "../../rules/review-cadence";

export type SweepFields = Pick<CaseDoc, "nextReviewDueOn" | "bailEndsOn" | "nextAttentionOn">;

/**
 * The denormalised due fields a stored case carries so that sweeps are indexed range reads. The one place the
 * import derives them; the dates themselves come from the rules, so import and sweep never disagree.
 * A reviewer-chosen `nextReviewDueOn` on `c` is honoured by the rule when it is after the last review.
 */
export function sweepFields(c: CaseDoc, policy: Policy, today: IsoDate): SweepFields {
  // A closed case is never due for review; the rules already give it no attention date.
  const open = c.status === "open";
  return {
    nextReviewDueOn: open ? nextReviewDueOn(c, policy) : undefined,
    bailEndsOn: c.bail?.kind === "pre-charge" ? c.bail.endsOn : undefined,
    nextAttentionOn: open ? nextAttentionOn(c, policy, today) : undefined,
  };
}
