import { z } from "zod";
import { checkpointResult, objective, planStatus } from "../../domain/action-plan";
import { isoDate } from "../../domain/dates";

/** The plan form has this many objective rows; the service refuses more. */
export const MAX_OBJECTIVES = 5;
/** The stored plan allows checkpoints at most 8 weeks apart. */
export const MAX_CHECKPOINT_EVERY_DAYS = 56;

export const planCloseOutcome = z.enum(["completed", "extended", "referred"]);
export type PlanCloseOutcome = z.infer<typeof planCloseOutcome>;

export const planId = z.string().min(1).max(120);

/** The sergeant's empty form for one officer, with the policy defaults it states. */
export const actionPlanView = z.object({
  officerId: z.string().min(1).max(64),
  officerName: z.string().min(1),
  /** Why the plan is suggested (docs/domain-rules.md §4), when it is. */
  staleCases: z.number().int().min(0).optional(),
  today: isoDate,
  defaultEndsOn: isoDate,
  maxEndsOn: isoDate,
  defaultCheckpointEveryDays: z.number().int().min(1).max(MAX_CHECKPOINT_EVERY_DAYS),
});
export type ActionPlanView = z.infer<typeof actionPlanView>;

/**
 * A plan as its officer and their chain of command see it. Objectives and support are employment data (docs/domain-rules.md §4):
 * these cards go only to the officer and their chain, in personal chat.
 */
export const planSummary = z.object({
  planId,
  officerName: z.string().min(1),
  proposerName: z.string().min(1),
  status: planStatus,
  objectives: z.array(objective).min(1).max(MAX_OBJECTIVES),
  support: z.string(),
  checkpointEveryDays: z.number().int().min(1),
  startsOn: isoDate,
  endsOn: isoDate,
  nextCheckpointOn: isoDate.optional(),
});
export type PlanSummary = z.infer<typeof planSummary>;

/** to-acknowledge: the officer's card; acknowledged: after their click (and for the proposer); sent: the proposer's copy. */
export const planAcknowledgeView = planSummary.extend({
  mode: z.enum(["to-acknowledge", "acknowledged", "sent"]),
  byName: z.string().optional(),
  atLabel: z.string().optional(),
  already: z.boolean().default(false),
});
export type PlanAcknowledgeView = z.input<typeof planAcknowledgeView>;

export const checkpointResultView = z.object({ result: checkpointResult, note: z.string().optional() });

/**
 * record: the supervisor's form for the earliest unrecorded checkpoint; recorded: read-only after saving (what
 * everyone else sees); closed: the plan's final state.
 */
export const planCheckpointView = planSummary.extend({
  mode: z.enum(["record", "recorded", "closed"]),
  checkpointOn: isoDate.optional(),
  missedCheckpoints: z.number().int().min(0),
  /** Results of the checkpoint just recorded (recorded mode). */
  results: z.array(checkpointResultView).optional(),
  history: z.array(z.object({ dueOn: isoDate, byName: z.string(), results: z.array(checkpointResultView) })),
  byName: z.string().optional(),
  atLabel: z.string().optional(),
  already: z.boolean().default(false),
});
export type PlanCheckpointView = z.input<typeof planCheckpointView>;

/** A plan as one person opens it: the officer acknowledges, their chain records checkpoints. */
export type PlanCardView = { card: "plan-acknowledge"; data: PlanAcknowledgeView } | { card: "plan-checkpoint"; data: PlanCheckpointView };
