import assert from "node:assert/strict";
import { buildReviewCard } from "../../../../cards/review";
import { buildReviewSummaryCard } from "../../../../cards/review-summary";
import type { WorkflowNotification } from "../../../../services/app/workflow/workflow-notification";
import { CasewatchError } from "../../../../services/platform/errors";
import type { Repositories } from "../../../../services/store/repositories";
import { createReviewService } from "../../../../services/app/reviews/review-service";
import { changesAudited, force, NOW, REF, reviewWorld, scopeFor, TODAY, workflowDeps } from "../workflow/workflow-fixtures";

/** A notification's view drawn by the card it names, as the bot will send it. */
function summaryCard(n: WorkflowNotification | undefined) {
  assert.ok(n?.view.card === "review-summary");
  return buildReviewSummaryCard(n.view.data);
}

describe("review service (real Cosmos-protocol store)", () => {
  const { world, submit } = reviewWorld();

  describe("opening", () => {
    it("gives the review card what it must show and audits the view as a consultation", async () => {
      const data = await world.reviews.openReview(force.khan, await scopeFor(world.repos, force.khan), world.at, REF);
      assert.equal(data.ref, REF);
      assert.equal(data.oicName, "DC Smith");
      assert.equal(data.daysSinceUpdate, 35);
      assert.equal(data.daysSinceReview, 18);
      assert.equal(data.bail?.kind, "pre-charge");
      assert.equal(data.forensicsDays, 57);
      assert.equal(data.owners[0]?.id, "dc1", "the OIC is the first owner offered");
      assert.ok(data.owners.every((o) => ["dc1", "dc2", "ds1"].includes(o.id)));
      assert.equal(data.maxNextReviewOn, "2026-04-07");
      buildReviewCard(data);
      const views = (await world.repos.audit.between(TODAY, TODAY)).filter((e) => e.operation === "consultation");
      assert.deepEqual(views.map((e) => [e.actorId, e.action, e.recordId, e.why]), [["ds1", "open review", REF, "action:review"]]);
    });

    it("shows the last review's actions with owner names once a review exists", async () => {
      await submit(force.khan, { outcome: "actions-set", actions: [{ text: "Chase the forensic submission", targetOn: "2026-03-15" }] });
      const data = await world.reviews.openReview(force.di, await scopeFor(world.repos, force.di), world.at, REF);
      assert.deepEqual(data.lastReview?.actions, [{ text: "Chase the forensic submission", ownerName: "DC Smith", targetOn: "2026-03-15" }]);
      assert.equal(data.lastReview?.reviewerName, "DS Khan");
    });

    it("answers an out-of-scope reference exactly as an unknown one", async () => {
      const jones = await scopeFor(world.repos, force.jones);
      const outOfScope = await world.reviews.openReview(force.jones, jones, world.at, REF).then(() => undefined, (e: CasewatchError) => [e.code, e.message.replace(REF, "<ref>")]);
      const unknown = await world.reviews.openReview(force.jones, jones, world.at, "CF/99999/26").then(() => undefined, (e: CasewatchError) => [e.code, e.message.replace("CF/99999/26", "<ref>")]);
      assert.deepEqual(outOfScope, ["NOT_FOUND", unknown?.[1]]);
      assert.deepEqual(unknown?.[0], "NOT_FOUND");
    });

    it("does not let the OIC review their own case", async () => {
      await assert.rejects(world.reviews.openReview(force.smith, await scopeFor(world.repos, force.smith), world.at, REF), { code: "OUT_OF_SCOPE" });
      await assert.rejects(submit(force.smith, { outcome: "progressing" }), { code: "OUT_OF_SCOPE" });
    });
  });

  describe("saving", () => {
    it("updates the case from the review, stores the review and audits the alteration", async () => {
      const result = await submit(force.khan, {
        outcome: "actions-set", risk: "high", note: "Forensics chased",
        actions: [{ text: "Chase the forensic submission", targetOn: "2026-03-13" }, { text: "Update the crime report", ownerId: "dc2" }],
      });
      assert.equal(result.kind, "saved");
      const c = await world.repos.cases.getByRef(REF);
      assert.equal(c?.risk, "high");
      assert.equal(c?.lastReviewedOn, TODAY);
      assert.equal(c?.nextReviewDueOn, "2026-03-17", "default next review: today + the high-risk cadence of 7 days");
      assert.equal(c?.nextAttentionOn, TODAY, "the case is already stale, so a rule is live today");
      const [stored] = await world.repos.reviews.forCase(c!.id);
      assert.deepEqual(stored?.actions, [
        { text: "Chase the forensic submission", ownerId: "dc1", targetOn: "2026-03-13" },
        { text: "Update the crime report", ownerId: "dc2", targetOn: "2026-03-17" },
      ]);
      assert.equal(stored?.reviewedAt, new Date(NOW).toISOString());
      assert.deepEqual(await changesAudited(world.repos), [{ action: "review case: actions-set", actorId: "ds1", recordId: REF }]);
    });

    it("returns the frozen summary and sends each action owner their own actions", async () => {
      const result = await submit(force.khan, {
        outcome: "actions-set", actions: [{ text: "Chase forensics" }, { text: "Take statement", ownerId: "dc2" }, { text: "Brief the DI", ownerId: "ds1" }],
      });
      assert.ok(result.kind === "saved");
      assert.equal(result.summary.reviewerName, "DS Khan");
      assert.equal(result.summary.atLabel, "10:42");
      assert.equal(result.summary.audience, "everyone");
      assert.deepEqual(result.notifications.map((n) => [n.recipientOfficerId, n.reason]), [["dc1", "review-actions"], ["dc2", "review-actions"]]);
      const smith = JSON.stringify(summaryCard(result.notifications[0]));
      assert.ok(smith.includes("Chase forensics") && !smith.includes("Take statement"), "an owner sees only their own actions");
      assert.deepEqual(result.notifications[0]?.key, { kind: "workflow-card:review-actions", subjectId: result.review.id, dueOn: TODAY, recipientId: "dc1" });
    });

    it("puts an escalation in front of the inspector, or their supervisor while the inspector is absent", async () => {
      const escalated = await submit(force.khan, { outcome: "escalate", note: "Bail and forensics both at risk" });
      assert.ok(escalated.kind === "saved");
      assert.deepEqual(escalated.notifications.map((n) => [n.recipientOfficerId, n.reason]), [["di1", "review-escalated"]]);
      assert.ok(JSON.stringify(summaryCard(escalated.notifications[0])).includes("Bail and forensics both at risk"));

      await world.repos.officers.upsert({ ...force.di, absences: [{ kind: "leave", from: "2026-03-09", to: "2026-03-13" }] });
      const again = await submit(force.khan, { basisReviewId: escalated.review.id, outcome: "escalate" }, "reply-2");
      assert.ok(again.kind === "saved");
      assert.deepEqual(again.notifications.map((n) => n.recipientOfficerId), ["dci1"]);
    });

    it("closes the case on NFA and takes it out of the sweeps", async () => {
      await submit(force.khan, { outcome: "close-nfa" });
      const c = await world.repos.cases.getByRef(REF);
      assert.equal(c?.status, "closed");
      assert.equal(c?.nextReviewDueOn, undefined);
      assert.equal(c?.nextAttentionOn, undefined);
    });

    it("starts the CPS wait when the case is submitted to CPS", async () => {
      await submit(force.khan, { outcome: "submit-cps" });
      assert.equal((await world.repos.cases.getByRef(REF))?.awaitingCpsSince, TODAY);
    });

    it("keeps a concurrent unrelated change to the case (ETag conflict is retried on the fresh copy)", async () => {
      let interfered = false;
      const racing: Repositories = {
        ...world.repos,
        cases: {
          ...world.repos.cases,
          replace: async (doc) => {
            if (!interfered) {
              interfered = true;
              const current = (await world.repos.cases.getByRef(REF))!;
              await world.repos.cases.replace({ ...current, lastUpdatedOn: "2026-03-09" });
            }
            return world.repos.cases.replace(doc);
          },
        },
      };
      const service = createReviewService(workflowDeps(racing));
      await service.submitReview(force.khan, await scopeFor(world.repos, force.khan), world.at, { ref: REF, outcome: "progressing" }, { idempotencyKey: "k" });
      const c = await world.repos.cases.getByRef(REF);
      assert.equal(c?.lastUpdatedOn, "2026-03-09");
      assert.equal(c?.lastReviewedOn, TODAY);
    });
  });
});
