import { z } from "zod";
import { crimeRef, risk } from "../../domain/case";
import { isoDate, isoInstant } from "../../domain/dates";
import { reviewOutcome } from "../../domain/review";
import { caseLine } from "../cases/case-line-view";

/** The review form has this many action rows; the service refuses more. */
export const MAX_REVIEW_ACTIONS = 5;

const named = z.object({ id: z.string().min(1), name: z.string().min(1) });
const namedAction = z.object({ text: z.string(), ownerName: z.string(), targetOn: isoDate });

/** What the review card shows: docs/domain-rules.md §8 data plus the last review's actions, which the reviewer must check (APP). */
export const reviewView = z.object({
  ref: crimeRef,
  offenceCategory: z.string(),
  risk,
  oicId: z.string(),
  oicName: z.string(),
  today: isoDate,
  lastUpdatedOn: isoDate.optional(),
  daysSinceUpdate: z.number().int(),
  lastReviewedOn: isoDate.optional(),
  daysSinceReview: z.number().int().optional(),
  reviewDueOn: isoDate,
  reviewOverdueDays: z.number().int().min(0),
  bail: caseLine.shape.bail,
  forensicsDays: z.number().int().optional(),
  forensicsOverdue: z.boolean(),
  awaitingCpsSince: isoDate.optional(),
  lastReview: z.object({
    id: z.string(),
    on: isoDate,
    reviewerName: z.string(),
    outcome: reviewOutcome,
    actions: z.array(namedAction),
  }).optional(),
  /** Officers an action may be given to; the OIC first. */
  owners: z.array(named).min(1),
  cadenceDays: z.record(risk, z.number().int()),
  maxNextReviewOn: isoDate,
});
export type ReviewView = z.infer<typeof reviewView>;

/**
 * Who the summary is for:
 *  - everyone: the frozen card in the chat where the review was saved. Group chats and channels see it, so it carries
 *    no free text at all (docs/domain-rules.md §8), only the outcome, risk, dates and a count of actions;
 *  - inspector: the escalation, in their personal chat, with the actions and the reviewer's note;
 *  - owner: an officer's own new actions, in their personal chat.
 */
export const reviewSummaryAudience = z.enum(["everyone", "inspector", "owner"]);

export const reviewSummaryView = z.object({
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
  actionCount: z.number().int().min(0).max(MAX_REVIEW_ACTIONS),
  /** Shown only to the inspector (all) and an owner (theirs). */
  actions: z.array(namedAction).max(MAX_REVIEW_ACTIONS).default([]),
  note: z.string().max(1000).optional(),
  /** A repeated click: the heading says "Already reviewed". */
  already: z.boolean().default(false),
});
export type ReviewSummaryView = z.input<typeof reviewSummaryView>;
