import { buildErrorCard } from "../../cards/error";
import type { AdaptiveCardJson } from "../../cards/expand-card";
import { buildPlanAcknowledgeCard } from "../../cards/plan-acknowledge";
import { buildPlanCheckpointCard } from "../../cards/plan-checkpoint";
import { buildProgressCard } from "../../cards/progress";
import { buildReviewSummaryCard } from "../../cards/review-summary";
import type { DoneBy } from "../../services/app/workflow/form-view";
import type { WorkflowNotification } from "../../services/app/workflow/workflow-notification";
import type { WorkflowCardView } from "../../services/app/workflow/workflow-view";
import type { Outgoing } from "../../services/app/delivery/notifier";

/** A workflow view drawn by the card it names: the services say what to show, the bot draws it. */
export function workflowCard(v: WorkflowCardView): AdaptiveCardJson {
  switch (v.card) {
    case "review-summary": return buildReviewSummaryCard(v.data);
    case "progress": return buildProgressCard(v.data);
    case "plan-acknowledge": return buildPlanAcknowledgeCard(v.data);
    case "plan-checkpoint": return buildPlanCheckpointCard(v.data);
  }
}

/** A workflow's notification intent as the bot sends it: its ledger key already names the step and the recipient. */
export function outgoing(n: WorkflowNotification): Outgoing {
  return { recipientOfficerId: n.recipientOfficerId, reason: n.reason, key: n.key, card: workflowCard(n.view), about: n.about };
}

/** A repeated click whose result the service could not draw again: who did it and when. */
export function alreadyDoneCard(what: string, done: DoneBy): AdaptiveCardJson {
  return buildErrorCard({ title: "Already done", message: `This was already ${what} by ${done.byName} at ${done.atLabel}.` });
}
