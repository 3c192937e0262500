import { z } from "zod";
import { isoDate } from "../../domain/dates";
import { spanFigure, statusTotals } from "../status/status-view";

/**
 * The figures team-figures.ts computes and the oversight views carry: a team's and an officer's counts, caseload
 * against capacity, and the policy thresholds the card labels quote. Every one is a count, a date or a name (docs/domain-rules.md §8).
 */

/** Who is looking, for the card's heading and for which buttons it offers them. */
export const oversightViewer = z.object({ id: z.string(), name: z.string(), rank: z.string() });
export type OversightViewer = z.infer<typeof oversightViewer>;

/** Live cases against capacity (docs/domain-rules.md §5); capacity keeps one decimal because part-timers pro-rate (24h → 7.2). */
export const capacityFigure = z.object({
  live: z.number().int().min(0),
  capacity: z.number().min(0),
  /** Whole percent; 999 stands for "cases but no contracted hours", which no ratio can express. */
  percent: z.number().int().min(0),
  over: z.boolean(),
});
export type CapacityFigure = z.infer<typeof capacityFigure>;

export const officerFigures = z.object({
  officerId: z.string(),
  name: z.string(),
  hoursPerWeek: z.number(),
  capacity: capacityFigure,
  reviewsOverdue: z.number().int(),
  stale: z.number().int(),
  red: z.number().int(),
  bailSoon: z.number().int(),
  bailLapsed: z.number().int(),
  forensicsOverdue: z.number().int(),
  absentNow: z.boolean(),
  /** Last day of the current absence; absent with no end date recorded leaves it out. The kind is never shown. */
  absentUntil: isoDate.optional(),
  lastOneToOneOn: isoDate.optional(),
  openActionPlan: z.boolean(),
});
export type OfficerFigures = z.infer<typeof officerFigures>;

export const teamFigures = z.object({
  supervisorId: z.string(),
  supervisorName: z.string(),
  supervisorAbsent: z.boolean(),
  /** Everyone below the team's supervisor. */
  people: z.number().int(),
  totals: statusTotals,
  openActionPlans: z.number().int(),
  capacity: capacityFigure,
  overCapacity: z.array(z.object({ officerId: z.string(), name: z.string(), live: z.number().int(), capacity: z.number() })),
  span: spanFigure,
  absentNow: z.number().int(),
});
export type TeamFigures = z.infer<typeof teamFigures>;

/** The policy's own cut-offs, so a card's labels ("No update over 28 days") read true for a force's settings. */
export const thresholds = z.object({
  staleDays: z.number().int(),
  redDays: z.number().int(),
  forensicsDays: z.number().int(),
  bailSoonDays: z.number().int(),
  spanLimit: z.number().int(),
});
export type Thresholds = z.infer<typeof thresholds>;
