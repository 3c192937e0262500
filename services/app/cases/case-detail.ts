import { z } from "zod";
import { bailRegime, caseStatus, kiratGrade, type CaseDoc } from "../../domain/case";
import { isoDate, type IsoDate } from "../../domain/dates";
import type { Officer } from "../../domain/officer";
import { reviewOutcome, type ReviewDoc } from "../../domain/review";
import type { Policy } from "../../domain/policy";
import { kiratStatus, reviewStatus } from "../../rules/review-cadence";
import { caseLine, describeCase } from "./case-line";

/** Everything `case <ref>` shows: still only references, categories, risk, dates and officer names (docs/domain-rules.md §8). */
export const caseDetail = caseLine.extend({
  asOf: isoDate,
  status: caseStatus,
  openedOn: isoDate,
  lastUpdatedOn: isoDate.optional(),
  lastReviewedOn: isoDate.optional(),
  cadenceDays: z.number().int(),
  escalateOn: isoDate,
  awaitingCpsSince: isoDate.optional(),
  bailStartedOn: isoDate.optional(),
  bailRegime: bailRegime.optional(),
  kirat: z.object({ grade: kiratGrade, dueOn: isoDate, met: z.boolean(), overdue: z.boolean() }).optional(),
  /** The last review's outcome and reviewer; its action texts are free text, so they stay off the card. */
  lastReview: z.object({ on: isoDate, reviewerName: z.string(), outcome: reviewOutcome, actionCount: z.number().int() }).optional(),
  /**
   * How the viewer stands to the case, so the card offers only what they may do: the OIC confirms progress; someone
   * above the OIC in the chain (or covering) may also review and reassign it.
   */
  viewerRole: z.enum(["oic", "supervisor"]),
});
export type CaseDetail = z.infer<typeof caseDetail>;

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
