import assert from "node:assert/strict";
import { CasewatchError } from "../../../../services/platform/errors";
import type { Repositories } from "../../../../services/store/repositories";
import { createReviewService } from "../../../../services/app/reviews/review-service";
import { AlreadyDoneError, FormValidationError } from "../../../../services/app/workflow/workflow-errors";
import { changesAudited, force, REF, reviewWorld, scopeFor, workflowDeps } from "../workflow/workflow-fixtures";

describe("review service: refusals, conflicts and redelivery (real Cosmos-protocol store)", () => {
  const { world, submit } = reviewWorld();

  async function assertNothingWritten(before: unknown): Promise<void> {
    const c = await world.repos.cases.getByRef(REF);
    assert.deepEqual(c, before, "case unchanged (same ETag)");
    assert.deepEqual(await world.repos.reviews.forCase(c!.id), [], "no review stored");
    assert.deepEqual(await changesAudited(world.repos), [], "no alteration audited");
  }

  const refusals: { name: string; input: Record<string, unknown>; field: string; reason: RegExp }[] = [
    { name: "a next review date in the past", input: { outcome: "progressing", nextReviewOn: "2026-03-09" }, field: "nextReviewOn", reason: /after today/ },
    { name: "a next review date of today", input: { outcome: "progressing", nextReviewOn: "2026-03-10" }, field: "nextReviewOn", reason: /after today/ },
    { name: "a next review beyond the policy maximum", input: { outcome: "progressing", nextReviewOn: "2026-04-08" }, field: "nextReviewOn", reason: /28 days.*latest 2026-04-07/ },
    { name: "an action target in the past", input: { outcome: "actions-set", actions: [{ text: "Chase", targetOn: "2026-03-01" }] }, field: "actions.0.targetOn", reason: /in the past/ },
    { name: "an owner outside the reviewer's scope", input: { outcome: "actions-set", actions: [{ text: "Chase", ownerId: "dc3" }] }, field: "actions.0.ownerId", reason: /chain of command/ },
    { name: "an owner who does not exist", input: { outcome: "actions-set", actions: [{ text: "Chase", ownerId: "nobody" }] }, field: "actions.0.ownerId", reason: /chain of command/ },
    { name: "more than five actions", input: { outcome: "actions-set", actions: Array.from({ length: 6 }, (_, i) => ({ text: `Action ${i}` })) }, field: "actions", reason: /at most 5/ },
    { name: "\"actions set\" with no action", input: { outcome: "actions-set" }, field: "actions", reason: /at least one/ },
    { name: "no outcome", input: { risk: "high" }, field: "outcome", reason: /choose an outcome/ },
    { name: "an unknown risk", input: { outcome: "progressing", risk: "severe" }, field: "risk", reason: /choose a risk/ },
    { name: "an impossible date", input: { outcome: "progressing", nextReviewOn: "2026-02-30" }, field: "nextReviewOn", reason: /not a real calendar date/ },
    { name: "an action with no text", input: { outcome: "actions-set", actions: [{ text: " ", targetOn: "2026-03-12" }] }, field: "actions.0.text", reason: /describe the action/ },
  ];
  for (const r of refusals) {
    it(`refuses ${r.name} with the reason on its field, and writes nothing`, async () => {
      const before = await world.repos.cases.getByRef(REF);
      await assert.rejects(submit(force.khan, r.input), (err: unknown) => {
        assert.ok(err instanceof FormValidationError);
        assert.equal(err.code, "VALIDATION_FAILED");
        const problem = err.problems.find((p) => p.field === r.field);
        assert.ok(problem, `expected a problem on ${r.field}, got ${JSON.stringify(err.problems)}`);
        assert.match(problem.reason, r.reason);
        return true;
      });
      await assertNothingWritten(before);
    });
  }

  it("answers a submit for an out-of-scope case as for an unknown one, writing nothing", async () => {
    const before = await world.repos.cases.getByRef(REF);
    await assert.rejects(submit(force.jones, { outcome: "close-nfa" }), { code: "NOT_FOUND" });
    await assertNothingWritten(before);
  });

  it("lets the corrected form through with the same idempotency key after a refusal", async () => {
    await assert.rejects(submit(force.khan, { outcome: "progressing", nextReviewOn: "2026-03-01" }), FormValidationError);
    const result = await submit(force.khan, { outcome: "progressing", nextReviewOn: "2026-03-20" });
    assert.equal(result.kind, "saved");
    assert.equal((await world.repos.cases.getByRef(REF))?.nextReviewDueOn, "2026-03-20");
  });

  it("records a redelivered invoke once and tells the second call who did it and when", async () => {
    const first = await submit(force.khan, { outcome: "progressing" });
    const second = await submit(force.khan, { outcome: "progressing" });
    assert.equal(first.kind, "saved");
    assert.ok(second.kind === "already-done");
    assert.deepEqual([second.alreadyDone.byName, second.alreadyDone.atLabel], ["DS Khan", "10:42"]);
    assert.equal(second.summary?.already, true);
    const c = await world.repos.cases.getByRef(REF);
    assert.equal((await world.repos.reviews.forCase(c!.id)).length, 1);
    assert.equal((await changesAudited(world.repos)).length, 1);
  });

  it("gives two reviewers at once one saved review and one 'already reviewed by' conflict", async () => {
    const [khanScope, diScope] = await Promise.all([scopeFor(world.repos, force.khan), scopeFor(world.repos, force.di)]);
    const results = await Promise.allSettled([
      world.reviews.submitReview(force.khan, khanScope, world.at, { ref: REF, outcome: "progressing" }, { idempotencyKey: "khan-card" }),
      world.reviews.submitReview(force.di, diScope, world.at, { ref: REF, outcome: "escalate" }, { idempotencyKey: "di-card" }),
    ]);
    const saved = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    assert.equal(saved.length, 1);
    assert.equal(refused.length, 1);
    const err = refused[0]!.reason as AlreadyDoneError;
    assert.ok(err instanceof AlreadyDoneError);
    assert.equal(err.code, "CONCURRENCY_CONFLICT");
    const winner = results[0]!.status === "fulfilled" ? "DS Khan" : "DI Patel";
    assert.equal(err.done.byName, winner);
    assert.match(err.message, new RegExp(`already reviewed by ${winner} at 10:42`));
    const c = await world.repos.cases.getByRef(REF);
    assert.equal((await world.repos.reviews.forCase(c!.id)).length, 1);
    assert.equal((await changesAudited(world.repos)).length, 1);
  });

  it("refuses a card opened before someone else's review, naming them, and writes nothing", async () => {
    const diCard = await world.reviews.openReview(force.di, await scopeFor(world.repos, force.di), world.at, REF);
    assert.equal(diCard.lastReview, undefined, "the DI's card was opened against no review");
    await submit(force.khan, { outcome: "progressing" }, "khan-card");
    const before = await world.repos.cases.getByRef(REF);
    await assert.rejects(
      submit(force.di, { outcome: "escalate" }, "di-card"),
      (err: unknown) => err instanceof AlreadyDoneError && err.done.byName === "DS Khan" && /already reviewed by DS Khan at 10:42/.test(err.message),
    );
    assert.deepEqual(await world.repos.cases.getByRef(REF), before);
    assert.equal((await world.repos.reviews.forCase(before!.id)).length, 1);
  });

  it("allows the next review from a card opened after the last one", async () => {
    const first = await submit(force.khan, { outcome: "progressing" }, "card-1");
    assert.ok(first.kind === "saved");
    const card = await world.reviews.openReview(force.di, await scopeFor(world.repos, force.di), world.at, REF);
    const second = await submit(force.di, { outcome: "progressing", basisReviewId: card.lastReview?.id }, "card-2");
    assert.equal(second.kind, "saved");
    assert.equal((await world.repos.reviews.forCase(first.review.caseId)).length, 2);
  });

  it("lets a redelivery finish a review whose first attempt failed part-way, recording it once", async () => {
    let failOnce = true;
    const flaky: Repositories = {
      ...world.repos,
      reviews: {
        ...world.repos.reviews,
        create: async (r) => {
          if (failOnce) {
            failOnce = false;
            throw new CasewatchError("STORE_UNAVAILABLE", "busy");
          }
          return world.repos.reviews.create(r);
        },
      },
    };
    const service = createReviewService(workflowDeps(flaky));
    const scope = await scopeFor(world.repos, force.khan);
    await assert.rejects(service.submitReview(force.khan, scope, world.at, { ref: REF, outcome: "progressing" }, { idempotencyKey: "k" }), { code: "STORE_UNAVAILABLE" });
    const retried = await service.submitReview(force.khan, scope, world.at, { ref: REF, outcome: "progressing" }, { idempotencyKey: "k" });
    assert.equal(retried.kind, "saved");
    const c = await world.repos.cases.getByRef(REF);
    assert.equal((await world.repos.reviews.forCase(c!.id)).length, 1);
    assert.equal(c?.lastReviewedOn, "2026-03-10");
  });
});
