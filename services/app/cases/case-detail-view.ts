import { z } from "zod";
import { bailRegime, caseStatus, kiratGrade } from "../../domain/case";
import { isoDate } from "../../domain/dates";
import { reviewOutcome } from "../../domain/review";
import { caseLine } from "./case-line-view";

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
