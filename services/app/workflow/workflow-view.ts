import type { PlanCardView } from "../plans/plan-view";
import type { ProgressView } from "../progress/progress-view";
import type { ReviewSummaryView } from "../reviews/review-view";

/** A workflow result for someone else, as its view and the card that draws it; the bot renders it before sending. */
export type WorkflowCardView =
  | { card: "review-summary"; data: ReviewSummaryView }
  | { card: "progress"; data: ProgressView }
  | PlanCardView;
