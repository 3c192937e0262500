import type { Clock } from "../clock";
import type { Logger } from "../logging/logger";
import type { Policy } from "../policy/policy";
import type { Repositories } from "../store/repositories";
import { createActionPlanService, type ActionPlanService } from "./action-plan-service";
import { createProgressService, type ProgressService } from "./progress-service";
import { createReviewService, type ReviewService } from "./review-service";

/** The three supervisory workflows of issue 5, for the composition root to hand to the bot. */
export interface WorkflowServices {
  reviews: ReviewService;
  progress: ProgressService;
  plans: ActionPlanService;
}

export function createWorkflowServices(deps: { repos: Repositories; clock: Clock; policy: Policy; logger: Logger }): WorkflowServices {
  const { repos, clock, policy } = deps;
  const logger = deps.logger.child({ component: "workflows" });
  return {
    reviews: createReviewService({ repos, clock, policy, logger }),
    progress: createProgressService({ repos, clock, policy, logger }),
    plans: createActionPlanService({ repos, clock, policy, logger }),
  };
}
