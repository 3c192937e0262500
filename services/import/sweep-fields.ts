import type { CaseDoc } from "../domain/case";
import type { IsoDate } from "../domain/dates";
import type { Policy } from "../policy/policy";
import { addDays, earliestOf } from "../rules/calendar";

export type SweepFields = Pick<CaseDoc, "nextReviewDueOn" | "bailEndsOn" | "nextAttentionOn">;

/*
 * TEMPORARY ADAPTER — the one place to switch. The rule functions `nextReviewDueOn(c, policy)`
 * (services/rules/review-cadence.ts) and `nextAttentionOn(c, policy, today)` (services/rules/plan-reminders.ts)
 * were not written when the import was. Until they are, the two functions below compute the same fields
 * conservatively (never later than any rule could fire). When the rules land, make `sweepFields` call them and
 * delete the local versions; the import and its tests need no other change.
 */

/** Review cadence by risk from the last review (or from opening, if never reviewed). */
function localNextReviewDueOn(c: CaseDoc, policy: Policy): IsoDate | undefined {
  if (c.status !== "open") return undefined;
  return addDays(c.lastReviewedOn ?? c.openedOn, policy.review.cadenceDays[c.risk]);
}

/** The earliest date on which any case rule might produce an item; the sweep reads `nextAttentionOn <= today`. */
function localNextAttentionOn(c: CaseDoc, policy: Policy, today: IsoDate): IsoDate | undefined {
  if (c.status !== "open") return undefined;
  const bailLead = Math.max(
    ...policy.bail.reminderDaysBefore,
    policy.bail.authorityStepLeadDays.inspector,
    policy.bail.authorityStepLeadDays.superintendent,
    policy.bail.authorityStepLeadDays.court,
  );
  const kirat = c.referralGrade !== undefined && c.firstActionOn === undefined
    ? addDays(c.openedOn, policy.review.kiratInitialActionDays[c.referralGrade])
    : undefined;
  const candidates = [
    localNextReviewDueOn(c, policy),
    addDays(c.lastUpdatedOn ?? c.openedOn, policy.progress.promptOicAfterDays),
    c.awaitingForensicsSince === undefined ? undefined : addDays(c.awaitingForensicsSince, policy.progress.forensicsFlagAfterDays),
    kirat,
    c.bail?.kind === "pre-charge" ? addDays(c.bail.endsOn, -bailLead) : undefined,
    c.bail?.kind === "rui" ? addDays(c.bail.since, policy.bail.ruiReviewEveryDays) : undefined,
  ];
  void today;
  return earliestOf(candidates);
}

/** The denormalised due fields a stored case carries so that sweeps are indexed range reads. */
export function sweepFields(c: CaseDoc, policy: Policy, today: IsoDate): SweepFields {
  return {
    nextReviewDueOn: localNextReviewDueOn(c, policy),
    bailEndsOn: c.bail?.kind === "pre-charge" ? c.bail.endsOn : undefined,
    nextAttentionOn: localNextAttentionOn(c, policy, today),
  };
}
