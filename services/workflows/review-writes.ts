import type { CaseDoc } from "../domain/case";
import type { IsoDate } from "../domain/dates";
import type { ReviewDoc } from "../domain/review";
import { AlreadyExistsError, ConcurrencyError } from "../errors";
import type { Policy } from "../policy/policy";
import { nextAttentionOn } from "../rules/plan-reminders";
import type { CaseRepository } from "../store/case-repository";
import type { ReviewRepository } from "../store/review-repository";
import { CaseNotFoundError } from "../app/scoped-cases";

const MAX_ATTEMPTS = 3;

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

/**
 * ETag-replaces the case with the review applied. A conflict here is someone else's unrelated write (a progress
 * confirmation, a sweep's attention date): the caller already holds the review claim, so no second review can be
 * racing it. The case is read again and the review applied to the fresh copy, keeping their change.
 */
export async function saveReviewedCase(
  deps: { cases: Pick<CaseRepository, "replace" | "getByRef">; policy: Policy },
  original: CaseDoc,
  review: ReviewDoc,
  today: IsoDate,
  now: Date,
): Promise<CaseDoc> {
  let doc = original;
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.cases.replace(reviewedCase(doc, review, deps.policy, today, now));
    } catch (err) {
      if (!(err instanceof ConcurrencyError) || attempt >= MAX_ATTEMPTS) throw err;
      const fresh = await deps.cases.getByRef(original.ref);
      if (!fresh) throw new CaseNotFoundError(original.ref);
      doc = fresh;
    }
  }
}

/** Stores the review; finding it already there means an earlier attempt wrote it before failing later, which is fine. */
export async function storeReview(reviews: Pick<ReviewRepository, "create">, review: ReviewDoc): Promise<void> {
  try {
    await reviews.create(review);
  } catch (err) {
    if (!(err instanceof AlreadyExistsError)) throw err;
  }
}
