import type { CaseDoc } from "../../domain/case";
import type { IsoDate } from "../../domain/dates";
import type { ReviewDoc } from "../../domain/review";
import { AlreadyExistsError } from "../../platform/errors";
import type { Policy } from "../../domain/policy";
import { nextAttentionOn } from "../../rules/plan-reminders";
import type { ReviewRepository } from "../../store/review-repository";

/**
 * The case as a review leaves it: risk re-assessed, reviewed today, the chosen next review date as the sweep's
 * indexed due field, and `nextAttentionOn` recomputed by the rules. Submitting to CPS starts the CPS wait (if it had
 * not started); closing (NFA) closes the case and clears the sweep fields, as the import does for closed cases.
 */
export function reviewedCase(doc: CaseDoc, review: ReviewDoc, policy: Policy, today: IsoDate, now: Date): CaseDoc {
  const { nextReviewDueOn, nextAttentionOn: attention, _etag, ...rest } = doc;
  void nextReviewDueOn; void attention;
  const base: CaseDoc = {
    ...rest,
    ...(_etag !== undefined ? { _etag } : {}),
    risk: review.risk,
    lastReviewedOn: today,
    updatedAt: now.toISOString(),
    ...(review.outcome === "submit-cps" && doc.awaitingCpsSince === undefined ? { awaitingCpsSince: today } : {}),
  };
  if (review.outcome === "close-nfa") return { ...base, status: "closed" };
  const open: CaseDoc = { ...base, nextReviewDueOn: review.nextReviewOn };
  const attend = nextAttentionOn(open, policy, today);
  return attend === undefined ? open : { ...open, nextAttentionOn: attend };
}

/** Stores the review; finding it already there means an earlier attempt wrote it before failing later, which is fine. */
export async function storeReview(reviews: Pick<ReviewRepository, "create">, review: ReviewDoc): Promise<void> {
  try {
    await reviews.create(review);
  } catch (err) {
    if (!(err instanceof AlreadyExistsError)) throw err;
  }
}
