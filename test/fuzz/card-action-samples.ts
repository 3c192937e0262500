import type { CardAction, CardVerb } from "../../cards/card-actions";
import { REF, TODAY } from "../services/app/force-fixture";

/**
 * One valid `data` object per verb of the card-action union, for the fuzz test to mutate. When a verb is added to
 * cards/card-actions.ts, add its sample here: the fuzz test fails until every verb has one, so no verb goes unfuzzed.
 * Form verbs carry every input, so every field of the form is a mutation target; optional inputs are filled.
 */
export const cardActionSamples: { [V in CardVerb]: Omit<Extract<CardAction, { verb: V }>, "verb"> } = {
  refresh: { view: "status" },
  "open-case": { ref: REF.overdueReview },
  "mark-seen": { officerId: "ds1", on: TODAY },
  review: { ref: REF.overdueReview },
  "submit-review": {
    ref: REF.overdueReview, basisReviewId: "review-1", outcome: "continue", risk: "high",
    a1Text: "Chase the phone download", a1Owner: "dc1", a1Target: "2026-03-10", nextReviewOn: "2026-03-10", note: "On track",
  },
  "confirm-progress": { ref: REF.yearStale },
  "progress-answer": { ref: REF.yearStale, answer: "awaiting-forensics", note: "Lab chased" },
  "start-plan": { officerId: "dc3" },
  "propose-plan": {
    officerId: "dc3", o1Text: "Update every case weekly", o1Measure: "No case stale over 28 days", o1Target: "2026-04-28",
    support: "Weekly catch-up", checkpointEveryDays: "14", endsOn: "2026-04-28",
  },
  "open-plan": { planId: "plan-dc3-2026-03-03" },
  "acknowledge-plan": { planId: "plan-dc3-2026-03-03" },
  "record-checkpoint": { planId: "plan-dc3-2026-03-03", checkpointOn: TODAY, objectiveCount: 1, r1: "partly", n1: "Two cases still stale" },
  "close-plan": { planId: "plan-dc3-2026-03-03", outcome: "completed" },
  "open-team": { supervisorId: "ds1" },
  "open-officer": { officerId: "dc1" },
  "record-one-to-one": { officerId: "dc1", on: TODAY },
  "choose-reassign": { ref: REF.bailSoon },
  reassign: { ref: REF.bailSoon, toOfficerId: "dc1", confirmOverCapacity: true },
  "absence-form": { officerId: "dc2" },
  "record-absence": { officerId: "dc2", kind: "leave", from: "2026-03-04", to: "2026-03-06" },
  "end-absence": { officerId: "dc2" },
};
