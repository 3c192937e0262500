import assert from "node:assert/strict";
import { createAppServices, type AppServices } from "../../../../bot/compose/app-services";
import { CaseNotFoundError } from "../../../../services/app/scope/scope-errors";
import { fixedClock } from "../../../../services/platform/clock";
import { caseDocId } from "../../../../services/domain/case";
import { REVIEW_SCHEMA_VERSION } from "../../../../services/domain/review";
import { createLogger } from "../../../../services/platform/logger";
import { defaultPolicy } from "../../../../services/domain/policy";
import type { Repositories } from "../../../../services/store/repositories";
import { startTestStore, type TestStore } from "../../../support/test-store";
import { byId, NOW, REF, seedForce, TENANT, TODAY } from "../force-fixture";

/** The turn's moment every query is asked at. */
const AT = { now: new Date(NOW), today: TODAY };

describe("case queries (my cases, case detail, due) against the store", function () {
  this.timeout(20_000);
  let store: TestStore;
  let repos: Repositories;
  let services: AppServices;
  before(async () => { store = await startTestStore(); });
  after(() => store.close());
  beforeEach(async () => {
    ({ repos } = await store.fresh());
    await seedForce(repos);
    services = createAppServices({ repos, clock: fixedClock(NOW), policy: defaultPolicy(), logger: createLogger("silent"), config: { allowedTenants: [TENANT] } });
  });

  it("due lists the overdue review first, then the bail end and reviews in the next 7 days, across a sergeant's team", async () => {
    const due = await services.cases.due(byId("ds1"), AT, "command:due");
    assert.deepEqual(due.overdue.map((i) => [i.on, i.kind, i.ref]), [["2026-02-17", "review", REF.overdueReview]]);
    assert.deepEqual(due.upcoming.map((i) => [i.on, i.kind, i.ref, i.authority]), [
      ["2026-03-05", "bail-ends", REF.bailSoon, "inspector"],
      ["2026-03-10", "review", REF.bailSoon, undefined],
    ]);
    assert.equal(due.until, "2026-03-10");
  });

  it("due leaves out an RUI review beyond the 7-day window", async () => {
    const due = await services.cases.due(byId("dc4"), AT, "command:due");
    assert.deepEqual(due.upcoming.map((i) => i.kind), ["review"], "RUI review on 12 Mar is outside 3–10 Mar");
  });

  it("case detail names the last reviewer and audits one consultation with the reason", async () => {
    await repos.reviews.create({
      id: "r1", type: "review", schemaVersion: REVIEW_SCHEMA_VERSION, caseId: caseDocId(REF.overdueReview), ref: REF.overdueReview,
      reviewerId: "ds1", reviewedAt: "2026-02-10T09:00:00.000Z", outcome: "actions-set", risk: "high",
      actions: [{ text: "Chase the lab", ownerId: "dc1", targetOn: "2026-02-20" }], nextReviewOn: "2026-02-17",
    });
    const detail = await services.cases.caseDetail(byId("di1"), REF.overdueReview, AT, "command:case");
    assert.deepEqual(detail.lastReview, { on: "2026-02-10", reviewerName: "DS Aisha Khan", outcome: "actions-set", actionCount: 1 });
    const audit = await repos.audit.between(TODAY, TODAY);
    assert.deepEqual(audit.map((a) => [a.actorId, a.operation, a.recordType, a.recordId, a.why]), [["di1", "consultation", "case", REF.overdueReview, "command:case"]]);
  });

  it("case detail says whether the viewer is the OIC or above them, so the card offers only what they may do", async () => {
    const roles = await Promise.all(["dc1", "ds1", "di1"].map(async (id) => (await services.cases.caseDetail(byId(id), REF.overdueReview, AT, "command:case")).viewerRole));
    assert.deepEqual(roles, ["oic", "supervisor", "supervisor"]);
  });

  it("case detail out of scope is refused in the service, whatever the card would show", async () => {
    await assert.rejects(services.cases.caseDetail(byId("dc3"), REF.overdueReview, AT, "command:case"), CaseNotFoundError);
    assert.deepEqual(await repos.audit.between(TODAY, TODAY), []);
  });

  it("my cases returns only the viewer's own open cases and audits their references", async () => {
    const mine = await services.cases.myCases(byId("dc1"), AT, "command:my cases");
    assert.deepEqual(mine.cases.map((c) => c.ref), [REF.overdueReview]);
    assert.equal((await repos.audit.between(TODAY, TODAY))[0]?.recordId, REF.overdueReview);
  });

  it("a view with no case data writes no audit entry", async () => {
    await services.cases.myCases(byId("ds1"), AT, "command:my cases");
    assert.deepEqual(await repos.audit.between(TODAY, TODAY), []);
  });
});
