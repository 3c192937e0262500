import { z } from "zod";
import type { Scope } from "../scope/chain-of-command";
import { crimeRef, risk, type Risk } from "../../domain/case";
import { isoDate, type IsoDate } from "../../domain/dates";
import { reviewOutcome } from "../../domain/review";
import type { Policy } from "../../domain/policy";
import { addDays } from "../../rules/calendar";
import { defaultNextReview } from "../../rules/review-cadence";
import type { FieldProblem } from "../workflow/form-view";
import { MAX_REVIEW_ACTIONS } from "./review-view";

/** What a sergeant submits from the review card, before the checks that need the case, the scope and today. */
export const reviewInput = z.object({
  ref: crimeRef,
  /** The review the card was opened against (absent: the case had none); a later review makes this card stale. */
  basisReviewId: z.string().min(1).max(120).optional(),
  outcome: z.enum(reviewOutcome.options, { error: "choose an outcome" }),
  risk: z.enum(risk.options, { error: "choose a risk level" }).optional(),
  actions: z
    .array(z.object({
      text: z.string().trim().min(1, "describe the action").max(300, "keep the action under 300 characters"),
      ownerId: z.string().max(64).optional(),
      targetOn: isoDate.optional(),
    }))
    .default([]),
  nextReviewOn: isoDate.optional(),
  note: z.string().trim().max(1000, "keep the note under 1000 characters").optional(),
});
export type ReviewInput = z.infer<typeof reviewInput>;

export type CheckedReview = {
  outcome: ReviewInput["outcome"];
  risk: Risk;
  actions: { text: string; ownerId: string; targetOn: IsoDate }[];
  nextReviewOn: IsoDate;
  note?: string;
};

/**
 * The rules a review must meet (docs/domain-rules.md §1, issue 5), as reasons per field. The next review defaults to the policy
 * cadence for the risk as re-assessed, and may be at most `policy.review.maxNextReviewDays` ahead (28 by default):
 * a fixed maximum rather than a multiple of the cadence, so lowering a risk cannot silently stretch the cycle. An
 * action's owner defaults to the OIC and its target to the next review date.
 */
export function checkReview(
  input: ReviewInput,
  ctx: { today: IsoDate; scope: Scope; policy: Policy; oicId: string; currentRisk: Risk },
): { ok: true; review: CheckedReview } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const outcome = input.outcome;
  const newRisk = input.risk ?? ctx.currentRisk;
  const latest = addDays(ctx.today, ctx.policy.review.maxNextReviewDays);
  const closing = outcome === "close-nfa";
  const nextReviewOn = closing ? ctx.today : (input.nextReviewOn ?? defaultNextReview(newRisk, ctx.policy, ctx.today));
  if (!closing && input.nextReviewOn !== undefined) {
    // Today would be no review at all: the cadence rule ignores a due date that is not after the last review.
    if (input.nextReviewOn <= ctx.today) problems.push({ field: "nextReviewOn", reason: `must be after today (${ctx.today})` });
    else if (input.nextReviewOn > latest) {
      problems.push({ field: "nextReviewOn", reason: `is more than ${ctx.policy.review.maxNextReviewDays} days away, the policy maximum (latest ${latest})` });
    }
  }
  if (input.actions.length > MAX_REVIEW_ACTIONS) problems.push({ field: "actions", reason: `at most ${MAX_REVIEW_ACTIONS} next actions per review` });
  if (outcome === "actions-set" && input.actions.length === 0) problems.push({ field: "actions", reason: "add at least one next action for \"actions set\"" });
  const actions = input.actions.map((a, i) => {
    const ownerId = a.ownerId || ctx.oicId;
    const targetOn = a.targetOn ?? nextReviewOn;
    if (!ctx.scope.includes(ownerId)) problems.push({ field: `actions.${i}.ownerId`, reason: "is not an officer in your chain of command" });
    if (targetOn < ctx.today) problems.push({ field: `actions.${i}.targetOn`, reason: `is in the past (today is ${ctx.today})` });
    return { text: a.text, ownerId, targetOn };
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, review: { outcome, risk: newRisk, actions, nextReviewOn, ...(input.note ? { note: input.note } : {}) } };
}
