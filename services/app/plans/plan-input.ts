import { z } from "zod";
import { checkpointResult, type ActionPlanDoc } from "../../domain/action-plan";
import { isoDate, type IsoDate } from "../../domain/dates";
import type { Policy } from "../../domain/policy";
import { addDays, daysBetween } from "../../rules/calendar";
import type { FieldProblem } from "../workflow/form-view";
import { MAX_CHECKPOINT_EVERY_DAYS, MAX_OBJECTIVES } from "./plan-view";

/** A sergeant's proposed plan (docs/domain-rules.md §4): objectives with measures and dates, support, checkpoints, an end. */
export const proposeInput = z.object({
  officerId: z.string().min(1).max(64),
  objectives: z
    .array(z.object({
      text: z.string().trim().min(1, "describe the objective").max(300, "keep the objective under 300 characters"),
      measure: z.string().trim().min(1, "say how it will be measured").max(300, "keep the measure under 300 characters"),
      targetOn: isoDate.optional(),
    }))
    .min(1, "set at least one objective")
    .max(MAX_OBJECTIVES, `at most ${MAX_OBJECTIVES} objectives`),
  support: z.string().trim().min(1, "say what support is offered").max(1000, "keep the support under 1000 characters"),
  checkpointEveryDays: z.coerce.number({ error: "must be a number of days" }).int("must be whole days")
    .min(1, "must be at least 1 day").max(MAX_CHECKPOINT_EVERY_DAYS, `must be at most ${MAX_CHECKPOINT_EVERY_DAYS} days`).optional(),
  endsOn: isoDate.optional(),
});
export type ProposeInput = z.infer<typeof proposeInput>;

export type CheckedPlan = Pick<ActionPlanDoc, "objectives" | "support" | "checkpointEveryDays" | "endsOn">;

/**
 * Defaults from policy: checkpoints every `actionPlan.checkpointEveryDays` (14), ending `actionPlan.lengthDays` (56,
 * 8 weeks) from today; an end date may be at most `actionPlan.maxLengthDays` away. An objective's target defaults to
 * the end date and must fall within the plan.
 */
export function checkPlan(input: ProposeInput, ctx: { today: IsoDate; policy: Policy }): { ok: true; plan: CheckedPlan } | { ok: false; problems: FieldProblem[] } {
  const p = ctx.policy.actionPlan;
  const problems: FieldProblem[] = [];
  const endsOn = input.endsOn ?? addDays(ctx.today, p.lengthDays);
  const latest = addDays(ctx.today, p.maxLengthDays);
  if (endsOn <= ctx.today) problems.push({ field: "endsOn", reason: `must be after today (${ctx.today})` });
  else if (endsOn > latest) problems.push({ field: "endsOn", reason: `is more than ${p.maxLengthDays} days away, the policy maximum (latest ${latest})` });
  const every = input.checkpointEveryDays ?? p.checkpointEveryDays;
  if (endsOn > ctx.today && every > daysBetween(ctx.today, endsOn)) problems.push({ field: "checkpointEveryDays", reason: "is longer than the plan itself" });
  const objectives = input.objectives.map((o, i) => {
    const targetOn = o.targetOn ?? endsOn;
    if (targetOn < ctx.today) problems.push({ field: `objectives.${i}.targetOn`, reason: `is in the past (today is ${ctx.today})` });
    else if (targetOn > endsOn) problems.push({ field: `objectives.${i}.targetOn`, reason: `is after the plan ends (${endsOn})` });
    return { text: o.text, measure: o.measure, targetOn };
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, plan: { objectives, support: input.support, checkpointEveryDays: every, endsOn } };
}

/** One checkpoint's record: a result per objective, in the plan's order, each with an optional note. */
export const checkpointInput = z.object({
  /** The checkpoint the card was drawn for; a card for an already recorded one is a repeat, not a new record. */
  checkpointOn: isoDate.optional(),
  results: z.array(z.object({
    result: z.enum(checkpointResult.options, { error: "choose met, partly or not met" }),
    note: z.string().trim().max(500, "keep the note under 500 characters").optional(),
  })),
});
export type CheckpointInput = z.infer<typeof checkpointInput>;
