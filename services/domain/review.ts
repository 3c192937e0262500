import { z } from "zod";
import { isoDate, isoInstant } from "./dates";
import { risk } from "./case";

export const reviewOutcome = z.enum(["progressing", "actions-set", "escalate", "submit-cps", "close-nfa"]);
export const reviewAction = z.object({
  text: z.string().trim().min(1).max(300),
  ownerId: z.string().min(1).max(64),
  targetOn: isoDate,
});

export const REVIEW_SCHEMA_VERSION = 1;
export const reviewDoc = z.object({
  id: z.string(),
  type: z.literal("review"),
  schemaVersion: z.literal(REVIEW_SCHEMA_VERSION),
  caseId: z.string(),
  ref: z.string(),
  reviewerId: z.string(),
  reviewedAt: isoInstant,
  outcome: reviewOutcome,
  risk,
  actions: z.array(reviewAction).max(5),
  nextReviewOn: isoDate,
  note: z.string().max(1000).optional(),
  _etag: z.string().optional(),
});
export type ReviewDoc = z.infer<typeof reviewDoc>;
