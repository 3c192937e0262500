import { z } from "zod";
import { isoDate } from "../../domain/dates";
import { caseLine } from "../cases/case-line-view";
import { acknowledgement } from "./acknowledgement-view";

/** Counts over a set of case lines; "bail soon" is within the policy's `status.bailSoonDays` (docs/domain-rules.md §3). */
export const statusTotals = z.object({
  open: z.number().int(),
  reviewsOverdue: z.number().int(),
  worstOverdueDays: z.number().int(),
  bailSoon: z.number().int(),
  bailLapsed: z.number().int(),
  stale: z.number().int(),
  red: z.number().int(),
  forensicsOverdue: z.number().int(),
});
export type StatusTotals = z.infer<typeof statusTotals>;

const capacity = z.object({ live: z.number().int(), capacity: z.number(), over: z.boolean() });
/** People a supervisor has reporting to them against the policy limit (docs/domain-rules.md §5); the team card shows it too. */
export const spanFigure = z.object({ reports: z.number().int(), limit: z.number().int(), over: z.boolean() });

export const officerRow = z.object({
  /** For buttons about the officer (e.g. "Start action plan"); never shown. */
  id: z.string(),
  name: z.string(),
  rank: z.string(),
  capacity,
  reviewsOverdue: z.number().int(),
  stale: z.number().int(),
  bailSoon: z.number().int(),
  absent: z.boolean(),
});
export const teamRow = z.object({
  leadName: z.string(),
  people: z.number().int(),
  totals: statusTotals,
  overCapacity: z.array(z.string()),
  span: spanFigure,
});

/**
 * The status card's figures for the viewer's scope: a detective's own cases; a sergeant's officers; an inspector's
 * teams. `cases` are the worst first, capped by the policy's `status.*ListLimit`; `moreCases` counts the rest.
 */
export const statusView = z.object({
  role: z.enum(["detective", "sergeant", "inspector"]),
  viewer: z.object({ id: z.string(), name: z.string(), rank: z.string() }),
  today: isoDate,
  thresholds: z.object({ staleDays: z.number().int(), redDays: z.number().int(), forensicsDays: z.number().int(), bailSoonDays: z.number().int() }),
  totals: statusTotals,
  capacity: capacity.optional(),
  span: spanFigure.optional(),
  officers: z.array(officerRow),
  teams: z.array(teamRow),
  cases: z.array(caseLine),
  moreCases: z.number().int().min(0),
});
export type StatusView = z.infer<typeof statusView>;

/** A status card's content plus, when it was already marked as seen that day, by whom and when. */
export const statusCardContent = z.object({ view: statusView, seen: acknowledgement.optional() });
export type StatusCardContent = z.infer<typeof statusCardContent>;
