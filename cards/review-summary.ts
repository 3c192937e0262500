import type { z } from "zod";
import { reviewSummaryView, type ReviewSummaryView } from "../services/app/reviews/review-view";
import { riskLabel } from "./case-line-text";
import { compileCard, type AdaptiveCardJson } from "./expand-card";
import { formatDay } from "./format-day";
import { OUTCOME_LABEL } from "./review";
import template from "./review-summary.json";

/** The template, parsed once when the module loads. */
const expandTemplate = compileCard(template);

/** Buttons this card can carry; both open another card (no new verbs). */
export const reviewSummaryVerbs = ["review", "confirm-progress"] as const;

function heading(d: z.infer<typeof reviewSummaryView>): string {
  const who = `${d.reviewerName} at ${d.atLabel}`;
  if (d.audience === "inspector") return `Escalated to you: ${d.ref} reviewed by ${who}`;
  if (d.audience === "owner") return `New actions for you on ${d.ref} (review by ${who})`;
  return `${d.already ? "Already reviewed" : "Reviewed"} by ${who}`;
}

/** The read-only outcome of a review (Adaptive Card 1.5): the frozen card, the escalation, or an owner's actions. */
export function buildReviewSummaryCard(input: ReviewSummaryView): AdaptiveCardJson {
  const d = reviewSummaryView.parse(input);
  const facts = [
    { title: "Case", value: `${d.ref} · ${d.offenceCategory}` },
    { title: "Outcome", value: OUTCOME_LABEL[d.outcome] },
    { title: "Risk", value: d.previousRisk && d.previousRisk !== d.risk ? `${riskLabel(d.risk)} (was ${riskLabel(d.previousRisk)})` : riskLabel(d.risk) },
    { title: "Next review", value: d.nextReviewOn ? formatDay(d.nextReviewOn) : "none: case closed" },
    { title: "Next actions", value: d.actionCount === 0 ? "none set" : `${d.actionCount} set` },
  ];
  const showActions = d.audience !== "everyone" && d.actions.length > 0;
  const button = d.audience === "inspector"
    ? { title: "Review now", data: { verb: "review", ref: d.ref } }
    : d.audience === "owner" ? { title: "Confirm progress", data: { verb: "confirm-progress", ref: d.ref } } : undefined;
  return expandTemplate({
    heading: heading(d),
    subheading: `${d.ref} · ${d.offenceCategory}`,
    facts,
    hasActions: showActions,
    actionsHeading: d.audience === "owner" ? "Your actions" : "Actions set",
    actions: showActions ? d.actions.map((a) => ({ line: `- ${a.text} (${a.ownerName}, by ${formatDay(a.targetOn)})` })) : [],
    hasNote: d.audience === "inspector" && d.note !== undefined,
    note: d.audience === "inspector" ? (d.note ?? "") : "",
    hasButton: button !== undefined,
    buttonTitle: button?.title ?? "",
    button: button?.data ?? { verb: "none" },
  });
}
