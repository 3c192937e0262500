import { z } from "zod";
import { crimeRef, risk } from "../../domain/case";
import { isoDate } from "../../domain/dates";

export const staleLevel = z.enum(["fresh", "oic", "sergeant", "inspector", "red"]);
export const authority = z.enum(["inspector", "superintendent", "court"]);
/**
 * How close running bail is to its end, by the policy's `urgency.*` cut-offs (docs/domain-rules.md §3): within
 * `bailCriticalWithinDays` → critical, within `bailNearWithinDays` → near, else later. Cards colour by it, lists sort by it.
 */
export const bailBand = z.enum(["critical", "near", "later"]);

/** What a card may show about one case (docs/domain-rules.md §8): reference, category, risk, dates, officer names. */
export const caseLine = z.object({
  ref: crimeRef,
  offenceCategory: z.string(),
  risk,
  oicName: z.string(),
  review: z.object({ dueOn: isoDate, overdueDays: z.number().int().min(0), escalated: z.boolean() }),
  daysSinceUpdate: z.number().int(),
  staleLevel,
  forensicsDays: z.number().int().optional(),
  forensicsOverdue: z.boolean(),
  bail: z
    .discriminatedUnion("kind", [
      z.object({
        kind: z.literal("pre-charge"),
        endsOn: isoDate,
        daysLeft: z.number().int(),
        lapsed: z.boolean(),
        treatedAsExtended: z.boolean(),
        band: bailBand,
        authority: authority.optional(),
        authorityWarnFrom: isoDate.optional(),
      }),
      z.object({ kind: z.literal("rui"), since: isoDate, nextReviewOn: isoDate }),
    ])
    .optional(),
  /** Higher is worse; lists show the worst first. */
  urgency: z.number(),
});
export type CaseLine = z.infer<typeof caseLine>;
export type BailBand = z.infer<typeof bailBand>;
