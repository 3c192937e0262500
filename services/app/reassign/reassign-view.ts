import { z } from "zod";
import { isoDate } from "../../domain/dates";
import { caseLine } from "../cases/case-line-view";
import { capacityFigure } from "../team/team-figures-view";

/** Someone who could take the case, with their caseload against capacity (docs/domain-rules.md §5). */
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

/** What the new OIC is sent, and what the sergeant sees once it is done: the case with its deadlines, and who moved it. */
export const caseAssignedView = z.object({
  case: caseLine,
  assignedByName: z.string(),
  previousOicName: z.string(),
  assignedOn: isoDate,
});
export type CaseAssignedView = z.infer<typeof caseAssignedView>;
