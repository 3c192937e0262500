import { buildErrorCard } from "../../cards/error";
import { buildProgressCard } from "../../cards/progress";
import { buildReviewCard, reviewFormAfterRefusal, reviewInputFromAction } from "../../cards/review";
import { buildReviewSummaryCard } from "../../cards/review-summary";
import type { DoneBy } from "../../services/app/workflow/workflow-errors";
import type { WorkflowNotification } from "../../services/app/workflow/workflow-notification";
import type { Outgoing } from "../notifier";
import { recorded, shown, submitForm, type ActionHandlers } from "./turn";

/**
 * Issue 5 §1 and §2: the sergeant's review and the OIC's one-click progress answer. Both open from a digest (as a new
 * card below it) and, once saved, turn into a read-only card frozen for everyone.
 */
export const reviewActions: Pick<ActionHandlers, "review" | "submit-review" | "confirm-progress" | "progress-answer"> = {
  review: async (t, a) => shown(buildReviewCard(await t.services.workflows.reviews.openReview(t.me, (await t.scope()).scope, a.ref, "action:review"))),

  "submit-review": async (t, a) => {
    const { scope } = await t.scope();
    const reviews = t.services.workflows.reviews;
    return submitForm(async () => {
      const r = await reviews.submitReview(t.me, scope, { ...reviewInputFromAction(a), ref: a.ref }, { idempotencyKey: t.idempotencyKey(a.verb, a.ref), why: "action:submit-review" });
      if (r.kind === "already-done") return { card: r.summary ? buildReviewSummaryCard(r.summary) : alreadyDoneCard("reviewed", r.alreadyDone) };
      await t.notify(r.notifications.map((n) => outgoing(n, "case", r.review.ref)), "action:submit-review");
      return recorded(buildReviewSummaryCard(r.summary));
    }, async (problems) => buildReviewCard({ ...(await reviews.openReview(t.me, scope, a.ref, "action:submit-review")), form: reviewFormAfterRefusal(a, problems) }));
  },

  "confirm-progress": async (t, a) => shown(buildProgressCard(await t.services.workflows.progress.open(t.me, (await t.scope()).scope, a.ref, "action:confirm-progress"))),

  "progress-answer": async (t, a) => {
    const { scope } = await t.scope();
    const input = { ref: a.ref, answer: a.answer, ...(a.note?.trim() ? { note: a.note.trim() } : {}) };
    const r = await t.services.workflows.progress.confirm(t.me, scope, input, { idempotencyKey: t.idempotencyKey(a.verb, `${a.ref}|${a.answer}`), why: "action:progress-answer" });
    if (r.kind === "already-done") return { card: buildProgressCard(r.card) };
    await t.notify(r.notifications.map((n) => outgoing(n, "case", a.ref)), "action:progress-answer");
    return recorded(buildProgressCard(r.card));
  },
};

/** A workflow's own notification as the bot sends it: its ledger key already names the step and the recipient. */
export function outgoing(n: WorkflowNotification, recordType: string, recordId: string): Outgoing {
  return { recipientOfficerId: n.recipientOfficerId, reason: n.reason, key: n.key, card: n.card, about: { recordType, recordId } };
}

/** A repeated click whose result the service could not draw again: who did it and when. */
export function alreadyDoneCard(what: string, done: DoneBy) {
  return buildErrorCard({ title: "Already done", message: `This was already ${what} by ${done.byName} at ${done.atLabel}.` });
}
