import type { CaseDoc } from "../../domain/case";
import type { IsoDate } from "../../domain/dates";
import type { Officer } from "../../domain/officer";
import type { ReviewDoc } from "../../domain/review";
import type { Policy } from "../../domain/policy";
import { kiratStatus, reviewStatus } from "../../rules/review-cadence";
import type { CaseDetail } from "./case-detail-view";
import { describeCase } from "./case-line";

/** Everything `case <ref>` shows, as of `today` (docs/domain-rules.md §8). */
export function describeCaseDetail(
  c: CaseDoc,
  people: { viewer: Officer; oic: Officer | undefined; reviewer: Officer | undefined },
  lastReview: ReviewDoc | undefined,
  policy: Policy,
  today: IsoDate,
): CaseDetail {
  const review = reviewStatus(c, policy, today);
  const kirat = kiratStatus(c, policy, today);
  return {
    ...describeCase(c, people.oic, policy, today),
    asOf: today,
    status: c.status,
    openedOn: c.openedOn,
    ...(c.lastUpdatedOn ? { lastUpdatedOn: c.lastUpdatedOn } : {}),
    ...(c.lastReviewedOn ? { lastReviewedOn: c.lastReviewedOn } : {}),
    cadenceDays: review.cadenceDays,
    escalateOn: review.escalateOn,
    ...(c.awaitingCpsSince ? { awaitingCpsSince: c.awaitingCpsSince } : {}),
    ...(c.bail?.kind === "pre-charge" ? { bailStartedOn: c.bail.startedOn, bailRegime: c.bail.regime } : {}),
    ...(kirat ? { kirat: { grade: kirat.grade, dueOn: kirat.dueOn, met: kirat.met, overdue: kirat.overdue } } : {}),
    ...(lastReview
      ? {
          lastReview: {
            on: lastReview.reviewedAt.slice(0, 10),
            reviewerName: people.reviewer ? `${people.reviewer.rank} ${people.reviewer.name}` : "(former officer)",
            outcome: lastReview.outcome,
            actionCount: lastReview.actions.length,
          },
        }
      : {}),
    viewerRole: people.viewer.id === c.oicId ? "oic" : "supervisor",
  };
}
