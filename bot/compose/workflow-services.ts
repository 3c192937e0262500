import type { Logger } from "../../services/platform/logger";
import type { Policy } from "../../services/domain/policy";
import type { Repositories } from "../../services/store/repositories";
import { createActionPlanService, type ActionPlanService } from "../../services/app/plans/action-plan-service";
import { createProgressService, type ProgressService } from "../../services/app/progress/progress-service";
import { createReviewService, type ReviewService } from "../../services/app/reviews/review-service";

/** The three supervisory workflows of issue 5, for the composition root to hand to the bot. */
export interface WorkflowServices {
  reviews: ReviewService;
  progress: ProgressService;
  plans: ActionPlanService;
}

/** No clock: every workflow step takes the moment of the turn that asks for it. */
export function createWorkflowServices(deps: { repos: Repositories; policy: Policy; logger: Logger }): WorkflowServices {
  const { repos, policy } = deps;
  const logger = deps.logger.child({ component: "workflows" });
  return {
    reviews: createReviewService({ repos, policy, logger }),
    progress: createProgressService({ repos, policy, logger }),
    plans: createActionPlanService({ repos, policy, logger }),
  };
}
