import assert from "node:assert/strict";
import { REVIEW_SCHEMA_VERSION, type ReviewDoc } from "../../../../services/domain/review";
import { AlreadyExistsError } from "../../../../services/platform/errors";
import type { Contract } from "./contract-store";

function makeReview(id: string, caseId: string, reviewedAt: string): ReviewDoc {
  return {
    id, caseId, type: "review", schemaVersion: REVIEW_SCHEMA_VERSION, ref: "CF/1/26", reviewerId: "ds1", reviewedAt,
    outcome: "actions-set", risk: "medium", actions: [{ text: "Chase forensics", ownerId: "dc1", targetOn: "2026-03-20" }], nextReviewOn: "2026-04-01",
  };
}

export const reviewRepositoryContract: Contract = (fresh) =>
  describe("reviews", () => {
    it("lists one case's reviews, newest first", async () => {
      const { repos } = await fresh();
      await repos.reviews.create(makeReview("r2", "case-a", "2026-02-10T09:00:00.000Z"));
      await repos.reviews.create(makeReview("r1", "case-a", "2026-01-10T09:00:00.000Z"));
      await repos.reviews.create(makeReview("r3", "case-a", "2026-03-10T09:00:00.000Z"));
      await repos.reviews.create(makeReview("x1", "case-b", "2026-03-11T09:00:00.000Z"));
      assert.deepEqual((await repos.reviews.forCase("case-a")).map((r) => r.id), ["r3", "r2", "r1"]);
      assert.deepEqual(await repos.reviews.forCase("case-c"), []);
    });

    it("reads a review within its case only", async () => {
      const { repos } = await fresh();
      const r = makeReview("r1", "case-a", "2026-01-10T09:00:00.000Z");
      await repos.reviews.create(r);
      const { _etag, ...read } = (await repos.reviews.get("case-a", "r1"))!;
      assert.ok(_etag);
      assert.deepEqual(read, r);
      assert.equal(await repos.reviews.get("case-b", "r1"), undefined);
    });

    it("treats ids as unique within a case only", async () => {
      const { repos } = await fresh();
      await repos.reviews.create(makeReview("r1", "case-a", "2026-01-10T09:00:00.000Z"));
      await assert.rejects(repos.reviews.create(makeReview("r1", "case-a", "2026-01-11T09:00:00.000Z")), AlreadyExistsError);
      await repos.reviews.create(makeReview("r1", "case-b", "2026-01-12T09:00:00.000Z"));
      assert.equal((await repos.reviews.get("case-b", "r1"))?.reviewedAt, "2026-01-12T09:00:00.000Z");
      assert.equal((await repos.reviews.get("case-a", "r1"))?.reviewedAt, "2026-01-10T09:00:00.000Z");
    });
  });
