import assert from "node:assert/strict";
import { ACTION_PLAN_SCHEMA_VERSION, type ActionPlanDoc } from "../../../../services/domain/action-plan";
import { ConcurrencyError } from "../../../../services/platform/errors";
import type { Contract } from "./contract-store";

function makePlan(id: string, officerId: string, overrides: Partial<ActionPlanDoc> = {}): ActionPlanDoc {
  return {
    id, officerId, type: "action-plan", schemaVersion: ACTION_PLAN_SCHEMA_VERSION, createdBy: "ds1", createdAt: "2026-03-01T09:00:00.000Z",
    objectives: [{ text: "Update every case weekly", measure: "No case over 7 days", targetOn: "2026-04-01" }],
    support: "Weekly one-to-one", checkpointEveryDays: 14, startsOn: "2026-03-02", endsOn: "2026-04-27", checkpoints: [{ dueOn: "2026-03-16" }],
    nextCheckpointOn: "2026-03-16", status: "active", ...overrides,
  };
}

const ids = (plans: readonly ActionPlanDoc[]) => plans.map((p) => p.id).sort();

export const actionPlanRepositoryContract: Contract = (fresh) =>
  describe("action plans", () => {
    it("lists the plans of the given officers, and nothing for no officers", async () => {
      const { repos } = await fresh();
      await repos.actionPlans.create(makePlan("p1", "dc1"));
      await repos.actionPlans.create(makePlan("p2", "dc1", { status: "completed" }));
      await repos.actionPlans.create(makePlan("p3", "dc2"));
      await repos.actionPlans.create(makePlan("p4", "dc3"));
      assert.deepEqual(ids(await repos.actionPlans.forOfficers(["dc1", "dc2"])), ["p1", "p2", "p3"]);
      assert.deepEqual(await repos.actionPlans.forOfficers([]), []);
    });

    it("finds active plans whose next checkpoint is on or before the day", async () => {
      const { repos } = await fresh();
      await repos.actionPlans.create(makePlan("due", "dc1", { nextCheckpointOn: "2026-03-16" }));
      await repos.actionPlans.create(makePlan("late", "dc2", { nextCheckpointOn: "2026-03-02" }));
      await repos.actionPlans.create(makePlan("later", "dc3", { nextCheckpointOn: "2026-03-17" }));
      await repos.actionPlans.create(makePlan("proposed", "dc4", { status: "proposed", nextCheckpointOn: "2026-03-02" }));
      await repos.actionPlans.create(makePlan("none", "dc5", { nextCheckpointOn: undefined }));
      assert.deepEqual(ids(await repos.actionPlans.checkpointsDue("2026-03-16")), ["due", "late"]);
    });

    it("names an officer once per open (proposed or active) plan", async () => {
      const { repos } = await fresh();
      await repos.actionPlans.create(makePlan("p1", "dc1"));
      await repos.actionPlans.create(makePlan("p2", "dc2", { status: "proposed" }));
      await repos.actionPlans.create(makePlan("p3", "dc3", { status: "completed" }));
      await repos.actionPlans.create(makePlan("p4", "dc4", { status: "referred" }));
      await repos.actionPlans.create(makePlan("p5", "dc1", { status: "proposed" }));
      assert.deepEqual((await repos.actionPlans.officersWithOpenPlan()).sort(), ["dc1", "dc1", "dc2"]);
    });

    it("refuses to move a plan to another officer by replace: the partition key then names no stored plan (ConcurrencyError)", async () => {
      const { repos } = await fresh();
      const created = await repos.actionPlans.create(makePlan("p1", "dc1"));
      await assert.rejects(repos.actionPlans.replace({ ...created, officerId: "dc2" }), ConcurrencyError);
      assert.equal((await repos.actionPlans.get("dc1", "p1"))?.officerId, "dc1");
      assert.equal(await repos.actionPlans.get("dc2", "p1"), undefined);
    });

    it("reads a plan within its officer only, and guards replace with the ETag", async () => {
      const { repos } = await fresh();
      const created = await repos.actionPlans.create(makePlan("p1", "dc1"));
      assert.equal(await repos.actionPlans.get("dc2", "p1"), undefined);
      await repos.actionPlans.replace({ ...created, status: "completed" });
      await assert.rejects(repos.actionPlans.replace({ ...created, status: "referred" }), ConcurrencyError);
      assert.equal((await repos.actionPlans.get("dc1", "p1"))?.status, "completed");
    });
  });
