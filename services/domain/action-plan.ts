import { z } from "zod";
import { isoDate, isoInstant } from "./dates";

export const objective = z.object({
  text: z.string().trim().min(1).max(300),
  measure: z.string().trim().min(1).max(300),
  targetOn: isoDate,
});
export const checkpointResult = z.enum(["met", "partly", "not-met"]);
export const checkpoint = z.object({
  dueOn: isoDate,
  recordedAt: isoInstant.optional(),
  recordedBy: z.string().optional(),
  results: z.array(z.object({ result: checkpointResult, note: z.string().max(500).optional() })).optional(),
});
export const planStatus = z.enum(["proposed", "active", "completed", "extended", "referred"]);

export const ACTION_PLAN_SCHEMA_VERSION = 1;
/** Employment data: visible only to the officer, their chain of command and HR (docs/domain-rules.md §4). */
export const actionPlanDoc = z.object({
  id: z.string(),
  type: z.literal("action-plan"),
  schemaVersion: z.literal(ACTION_PLAN_SCHEMA_VERSION),
  officerId: z.string(),
  createdBy: z.string(),
  createdAt: isoInstant,
  acknowledgedAt: isoInstant.optional(),
  objectives: z.array(objective).min(1).max(5),
  support: z.string().max(1000),
  checkpointEveryDays: z.number().int().min(1).max(56),
  startsOn: isoDate,
  endsOn: isoDate,
  checkpoints: z.array(checkpoint),
  /** Earliest checkpoint not yet recorded; indexed for the sweep. */
  nextCheckpointOn: isoDate.optional(),
  status: planStatus,
  _etag: z.string().optional(),
});
export type ActionPlanDoc = z.infer<typeof actionPlanDoc>;
