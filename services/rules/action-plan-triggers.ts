import type { ActionPlanDoc } from "../domain/action-plan";
import type { IsoDate } from "../domain/dates";
import type { Policy } from "../domain/policy";
import { addDays } from "./calendar";
import { emptyTriggers, triggerLadder, type Triggers } from "./trigger-ladder";

export type PlanRole = "sergeant" | "inspector";

/** Checkpoint dates: those stored on the plan, or every `checkpointEveryDays` from the start to the end. */
export function checkpointDates(plan: ActionPlanDoc): { dueOn: IsoDate; recorded: boolean }[] {
  if (plan.checkpoints.length > 0) return plan.checkpoints.map((c) => ({ dueOn: c.dueOn, recorded: c.recordedAt !== undefined }));
  const out: { dueOn: IsoDate; recorded: boolean }[] = [];
  for (let d = addDays(plan.startsOn, plan.checkpointEveryDays); d <= plan.endsOn; d = addDays(d, plan.checkpointEveryDays)) {
    out.push({ dueOn: d, recorded: false });
  }
  return out;
}

/** docs/domain-rules.md §4: "a plan cannot silently die" — checkpoint prompts, then missed-checkpoint escalation. */
export function actionPlanTriggers(plan: ActionPlanDoc, policy: Policy, today: IsoDate): Triggers<PlanRole> {
  const out = emptyTriggers<PlanRole>();
  if (plan.status !== "active" && plan.status !== "proposed") return out;
  const checkpoints = checkpointDates(plan);
  const open = checkpoints.filter((c) => !c.recorded).sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  triggerLadder(out, "sergeant", open.map((c) => ({
    on: c.dueOn, kind: "plan-checkpoint", urgency: "action", action: "record-checkpoint", facts: { checkpointOn: c.dueOn, endsOn: plan.endsOn },
  } as const)), today);
  const missed = open.filter((c) => c.dueOn < today);
  // A missed checkpoint counts from the day after it was due; every further miss is a new trigger.
  const missSteps = open.map((c, i) => ({ on: addDays(c.dueOn, 1), count: i + 1 }));
  const facts = { missedCheckpoints: missed.length, endsOn: plan.endsOn };
  triggerLadder(out, "sergeant", missSteps.map((m) => ({
    on: m.on, kind: "plan-checkpoint-missed", urgency: "action", action: "record-checkpoint", facts,
  } as const)), today);
  triggerLadder(out, "inspector", missSteps.filter((m) => m.count >= policy.actionPlan.escalateAfterMissedCheckpoints).map((m) => ({
    on: m.on, kind: "plan-checkpoint-missed", urgency: "urgent", action: "open-plan", facts,
  } as const)), today);
  return out;
}
