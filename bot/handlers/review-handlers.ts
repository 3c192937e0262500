import { buildProgressCard } from "../../cards/progress";
import { buildReviewCard, reviewFormAfterRefusal, reviewInputFromAction } from "../../cards/review";
import { buildReviewSummaryCard } from "../../cards/review-summary";
import { recorded, shown, submitForm, type ActionHandlers } from "./turn";
import { alreadyDoneCard, outgoing } from "./workflow-cards";

/**
 * Issue 5 §1 and §2: the sergeant's review and the OIC's one-click progress answer. Both open from a digest (as a new
 * card below it) and, once saved, turn into a read-only card frozen for everyone.
 */
export const reviewActions: Pick<ActionHandlers, "review" | "submit-review" | "confirm-progress" | "progress-answer"> = {
  review: async (t, a) => shown(buildReviewCard(await t.services.workflows.reviews.openReview(t.me, (await t.scope()).scope, t.at, a.ref, "action:review"))),

  "submit-review": async (t, a) => {
    const { scope } = await t.scope();
    const reviews = t.services.workflows.reviews;
    return submitForm(async () => {
      const r = await reviews.submitReview(t.me, scope, t.at, { ...reviewInputFromAction(a), ref: a.ref }, { idempotencyKey: t.idempotencyKey(a.verb, a.ref), why: "action:submit-review" });
      if (r.kind === "already-done") return { card: r.summary ? buildReviewSummaryCard(r.summary) : alreadyDoneCard("reviewed", r.alreadyDone) };
      await t.notify(r.notifications.map(outgoing), "action:submit-review");
      return recorded(buildReviewSummaryCard(r.summary));
    }, async (problems) => buildReviewCard({ ...(await reviews.openReview(t.me, scope, t.at, a.ref, "action:submit-review")), form: reviewFormAfterRefusal(a, problems) }));
  },

  "confirm-progress": async (t, a) => shown(buildProgressCard(await t.services.workflows.progress.open(t.me, (await t.scope()).scope, t.at, a.ref, "action:confirm-progress"))),

  "progress-answer": async (t, a) => {
    const { scope } = await t.scope();
    const input = { ref: a.ref, answer: a.answer, ...(a.note?.trim() ? { note: a.note.trim() } : {}) };
    const r = await t.services.workflows.progress.confirm(t.me, scope, t.at, input, { idempotencyKey: t.idempotencyKey(a.verb, `${a.ref}|${a.answer}`), why: "action:progress-answer" });
    if (r.kind === "already-done") return { card: buildProgressCard(r.view) };
    await t.notify(r.notifications.map(outgoing), "action:progress-answer");
    return recorded(buildProgressCard(r.view));
  },
};
