import { z } from "zod";
import { isoDate } from "../../domain/dates";
import { caseLine } from "../cases/case-line-view";

/**
 * What the absence service returns and the absence card renders. An absence is shown by its dates only, never its
 * kind or any reason (docs/domain-rules.md §6, §8).
 */

/** The days an absence puts at risk; an open-ended one is looked at up to a horizon (absence-deadlines.ts). */
export const absenceWindow = z.object({ from: isoDate, to: isoDate, openEnded: z.boolean() });
export type AbsenceWindow = z.infer<typeof absenceWindow>;

export const absenceDeadlineKind = z.enum(["bail-ends", "rui-review", "review"]);
export const absenceDeadline = z.object({ kind: absenceDeadlineKind, on: isoDate });
export type AbsenceDeadline = z.infer<typeof absenceDeadline>;

export const atRiskCase = z.object({ case: caseLine, deadlines: z.array(absenceDeadline).min(1) });
export type AtRiskCase = z.infer<typeof atRiskCase>;

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
