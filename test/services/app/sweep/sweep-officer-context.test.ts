import assert from "node:assert/strict";
import pino from "pino";
import { fixedClock } from "../../../../services/platform/clock";
import { ACTION_PLAN_SCHEMA_VERSION } from "../../../../services/domain/action-plan";
import { defaultPolicy } from "../../../../services/domain/policy";
import type { Repositories } from "../../../../services/store/repositories";
import { FakeCardSender } from "../../../support/fake-teams-connector";
import { startTestStore, type TestStore } from "../../../support/test-store";
import { makeCase } from "../../../support/fixtures";
import { deliveredItems, MONDAY_0800, seed, TENANT, sweepExecutor } from "./sweep-fixtures";

const SUGGESTION = "Several stale cases: consider an action plan";

/** dc2 has two stale cases, but only one is due today; the other was served last week and sleeps until 10 March. */
const dc2Cases = () => [
  makeCase({ ref: "ST/00001/26", oicId: "dc2", openedOn: "2026-01-05", lastUpdatedOn: "2026-02-01", nextAttentionOn: "2026-03-02" }),
  makeCase({ ref: "ST/00002/26", oicId: "dc2", openedOn: "2026-01-05", lastUpdatedOn: "2026-02-10", nextAttentionOn: "2026-03-10" }),
];

async function suggestionsSent(repos: Repositories): Promise<string[]> {
  const sender = new FakeCardSender();
  const executor = sweepExecutor({
    repos, sender, policy: defaultPolicy(), clock: fixedClock(MONDAY_0800), logger: pino({ level: "silent" }), instanceId: "a", tenantId: TENANT, concurrency: 1,
  });
  const report = await executor.run({ at: MONDAY_0800 });
  assert.equal(report.casesRead, 1, "the sweep still reads only the due case document");
  return sender.sent.flatMap((s) => deliveredItems(s.target.conversationId, s.card)).filter((i) => i.includes(SUGGESTION));
}

describe("services/app/sweep/sweep-executor: action-plan suggestion beyond the due cases", () => {
  let store: TestStore;
  before(async () => { store = await startTestStore(); });
  after(async () => { await store.close(); });

  it("offers the sergeant an action plan when an officer's second stale case is not due today", async () => {
    const { repos } = await store.fresh();
    await seed(repos, { cases: dc2Cases() });
    const items = await suggestionsSent(repos);
    assert.equal(items.length, 1);
    assert.ok(items[0]!.startsWith("conv-ds1|"), items[0]);
  });

  it("does not suggest a plan for an officer who already has one whose checkpoint is not due", async () => {
    const { repos } = await store.fresh();
    await seed(repos, { cases: dc2Cases() });
    await repos.actionPlans.create({
      id: "plan-dc2-1", type: "action-plan", schemaVersion: ACTION_PLAN_SCHEMA_VERSION, officerId: "dc2", createdBy: "ds1",
      createdAt: "2026-02-20T09:00:00.000Z", objectives: [{ text: "Update crime reports", measure: "weekly", targetOn: "2026-04-01" }],
      support: "Weekly 1:1", checkpointEveryDays: 14, startsOn: "2026-02-20", endsOn: "2026-04-17",
      checkpoints: [{ dueOn: "2026-03-06" }], nextCheckpointOn: "2026-03-06", status: "active",
    });
    assert.deepEqual(await suggestionsSent(repos), []);
  });
});
