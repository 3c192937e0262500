import type { ActionPlanDoc } from "../../domain/action-plan";
import type { IsoDate } from "../../domain/dates";
import { addDays } from "../../rules/calendar";

/**
 * Checkpoint dates for a plan: every `everyDays` after the start, and the end date itself, so the last checkpoint is
 * the closing review even when the cadence does not divide the plan's length.
 */
export function planCheckpoints(startsOn: IsoDate, everyDays: number, endsOn: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = addDays(startsOn, Math.max(1, everyDays)); d < endsOn; d = addDays(d, Math.max(1, everyDays))) out.push(d);
  out.push(endsOn);
  return out;
}

/**
 * The earliest checkpoint not yet recorded: the sweep reads plans with `nextCheckpointOn <= today`, so a checkpoint
 * that is never recorded keeps this date in the past and the planner sees it as missed (docs/domain-rules.md §4).
 */
export function nextCheckpointOn(plan: Pick<ActionPlanDoc, "checkpoints">): IsoDate | undefined {
  return plan.checkpoints.find((c) => c.recordedAt === undefined)?.dueOn;
}

/** Checkpoints whose day has passed without a record. */
export function missedCheckpoints(plan: Pick<ActionPlanDoc, "checkpoints">, today: IsoDate): number {
  return plan.checkpoints.filter((c) => c.recordedAt === undefined && c.dueOn < today).length;
}

/** Plans still running: proposed (awaiting the officer) or active. */
export function isOpenPlan(plan: Pick<ActionPlanDoc, "status">): boolean {
  return plan.status === "proposed" || plan.status === "active";
}
