import { z } from "zod";
import { crimeRef, risk } from "../services/domain/case";
import { isoDate, isoInstant } from "../services/domain/dates";
import { reviewOutcome } from "../services/domain/review";
import { riskLabel } from "./case-line-text";
import { compileCard, type AdaptiveCardJson } from "./expand-card";
import { formatDay } from "./format-day";
import { OUTCOME_LABEL } from "./review";
import template from "./review-summary.json";

/** The template, parsed once when the module loads. */
const expandTemplate = compileCard(template);

/** Buttons this card can carry; both open another card (no new verbs). */
export const reviewSummaryVerbs = ["review", "confirm-progress"] as const;

/**
 * Who the summary is for:
 *  - everyone: the frozen card in the chat where the review was saved. Group chats and channels see it, so it carries
 *    no free text at all (docs/domain-rules.md §8), only the outcome, risk, dates and a count of actions;
 *  - inspector: the escalation, in their personal chat, with the actions and the reviewer's note;
 *  - owner: an officer's own new actions, in their personal chat.
 */
export const reviewSummaryAudience = z.enum(["everyone", "inspector", "owner"]);

export const reviewSummaryData = z.object({
  audience: reviewSummaryAudience,
  ref: crimeRef,
  offenceCategory: z.string(),
  reviewerName: z.string().min(1),
  reviewedAt: isoInstant,
  /** "10:42" (or "3 Mar 10:42" on another day), in London time. */
  atLabel: z.string().min(1),
  outcome: reviewOutcome,
  risk,
  previousRisk: risk.optional(),
  /** Absent when the review closed the case. */
  nextReviewOn: isoDate.optional(),
  actionCount: z.number().int().min(0).max(5),
  /** Shown only to the inspector (all) and an owner (theirs). */
  actions: z.array(z.object({ text: z.string(), ownerName: z.string(), targetOn: isoDate })).max(5).default([]),
  note: z.string().max(1000).optional(),
  /** A repeated click: the heading says "Already reviewed". */
  already: z.boolean().default(false),
});
export type ReviewSummaryData = z.input<typeof reviewSummaryData>;

function heading(d: z.infer<typeof reviewSummaryData>): string {
  const who = `${d.reviewerName} at ${d.atLabel}`;
  if (d.audience === "inspector") return `Escalated to you: ${d.ref} reviewed by ${who}`;
  if (d.audience === "owner") return `New actions for you on ${d.ref} (review by ${who})`;
  return `${d.already ? "Already reviewed" : "Reviewed"} by ${who}`;
}

/** The read-only outcome of a review (Adaptive Card 1.5): the frozen card, the escalation, or an owner's actions. */
export function buildReviewSummaryCard(input: ReviewSummaryData): AdaptiveCardJson {
  const d = reviewSummaryData.parse(input);
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
