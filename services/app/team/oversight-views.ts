import { z } from "zod";
import { caseLine } from "../cases/case-line";
import { statusTotals } from "../status/status-view";
import { isoDate } from "../../domain/dates";
import { absenceWindow, atRiskCase } from "../absence/absence-deadlines";
import { capacityFigure, officerFigures, teamFigures, thresholds } from "./team-figures";

/**
 * What the oversight services return and the oversight cards render. Kept apart from the services so that cards can
 * import them without importing any service. Everything here is a crime reference, an offence category, a risk, a
 * date, a figure or an officer's name (docs/domain-rules.md §8).
 */
const viewer = z.object({ id: z.string(), name: z.string(), rank: z.string() });

export const teamStatusView = z.object({
  viewer,
  today: isoDate,
  thresholds,
  totals: statusTotals,
  teams: z.array(teamFigures),
});
export type TeamStatusView = z.infer<typeof teamStatusView>;

export const teamDrilldownView = z.object({
  viewer,
  today: isoDate,
  thresholds,
  team: teamFigures,
  officers: z.array(officerFigures),
});
export type TeamDrilldownView = z.infer<typeof teamDrilldownView>;

export const officerCasesView = z.object({
  viewer,
  today: isoDate,
  officer: officerFigures,
  /** The officer's supervisor when the viewer may open that team, for a "back to team" button. */
  teamSupervisorId: z.string().optional(),
  cases: z.array(caseLine),
  more: z.number().int().min(0),
});
export type OfficerCasesView = z.infer<typeof officerCasesView>;

export const reassignCandidate = z.object({
  officerId: z.string(),
  name: z.string(),
  capacity: capacityFigure,
  absentNow: z.boolean(),
});
export type ReassignCandidate = z.infer<typeof reassignCandidate>;

export const reassignOptionsView = z.object({
  today: isoDate,
  case: caseLine,
  /** Everyone in scope who could take the case, least loaded first and anyone absent today last. */
  candidates: z.array(reassignCandidate),
});
export type ReassignOptionsView = z.infer<typeof reassignOptionsView>;

/** The figures behind "this would put them over capacity" (docs/domain-rules.md §5, IOPC local recommendation 4). */
export const overCapacityWarning = z.object({
  ref: z.string(),
  toOfficerId: z.string(),
  toName: z.string(),
  hoursPerWeek: z.number(),
  live: z.number().int(),
  capacity: z.number(),
  liveAfter: z.number().int(),
  percentAfter: z.number().int(),
});
export type OverCapacityWarning = z.infer<typeof overCapacityWarning>;

export const absenceFormView = z.object({
  today: isoDate,
  officers: z.array(z.object({ officerId: z.string(), name: z.string(), absentNow: z.boolean() })),
  /** Pre-selected when the form was opened from one officer's card. */
  officerId: z.string().optional(),
});
export type AbsenceFormView = z.infer<typeof absenceFormView>;

/** What the sergeant sees at once: the absence's dates (never its kind) and the cases with a deadline inside it. */
export const absenceRecordedView = z.object({
  today: isoDate,
  officer: z.object({ officerId: z.string(), name: z.string() }),
  window: absenceWindow,
  atRisk: z.array(atRiskCase),
});
export type AbsenceRecordedView = z.infer<typeof absenceRecordedView>;

/** "back": the absence in force today ended (or removed, when it started today), or there was none. */
export const endAbsenceOutcome = z.discriminatedUnion("status", [
  z.object({ status: z.literal("ended"), officerId: z.string(), name: z.string(), from: isoDate, lastDayAbsent: isoDate.optional() }),
  z.object({ status: z.literal("not-absent"), officerId: z.string(), name: z.string() }),
]);
export type EndAbsenceOutcome = z.infer<typeof endAbsenceOutcome>;
