import type { ActionPlanDoc } from "../../domain/action-plan";
import { ConcurrencyError } from "../../platform/errors";
import type { ActionPlanRepository } from "../../store/action-plan-repository";
import { NotFoundInScopeError } from "../workflow/workflow-errors";

const MAX_ATTEMPTS = 3;

/**
 * ETag-replaces a plan with what `step` decides, or stops with what it found (e.g. "already acknowledged"). On a
 * conflict the plan is read again and `step` decides afresh, so a second click that lost the race sees the first.
 */
export async function replacePlan<S>(
  plans: Pick<ActionPlanRepository, "get" | "replace">,
  original: ActionPlanDoc,
  step: (plan: ActionPlanDoc) => { write: ActionPlanDoc } | { stop: S },
): Promise<{ written: ActionPlanDoc } | { stopped: S }> {
  let plan = original;
  for (let attempt = 1; ; attempt++) {
    const decision = step(plan);
    if ("stop" in decision) return { stopped: decision.stop };
    try {
      return { written: await plans.replace(decision.write) };
    } catch (err) {
      if (!(err instanceof ConcurrencyError) || attempt >= MAX_ATTEMPTS) throw err;
      const fresh = await plans.get(original.officerId, original.id);
      if (!fresh) throw new NotFoundInScopeError("action plan", original.id);
      plan = fresh;
    }
  }
}
