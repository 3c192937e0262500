import assert from "node:assert/strict";
import { createAppServices, type AppServices } from "../../../../bot/compose/app-services";
import { fixedClock } from "../../../../services/platform/clock";
import { createLogger } from "../../../../services/platform/logger";
import { defaultPolicy } from "../../../../services/domain/policy";
import type { Repositories } from "../../../../services/store/repositories";
import { startTestStore, type TestStore } from "../../../support/test-store";
import { byId, NOW, seedForce, TENANT, TODAY } from "../force-fixture";

/** The turn's moment each click and each status card is asked at. */
const AT = { now: new Date(NOW), today: TODAY };

describe("status service: mark as seen, once", function () {
  this.timeout(20_000);
  let store: TestStore;
  let repos: Repositories;
  let services: AppServices;
  const clock = fixedClock(NOW);
  before(async () => { store = await startTestStore(); });
  after(() => store.close());
  beforeEach(async () => {
    clock.set(NOW);
    ({ repos } = await store.fresh());
    await seedForce(repos);
    services = createAppServices({ repos, clock, policy: defaultPolicy(), logger: createLogger("silent"), config: { allowedTenants: [TENANT] } });
  });

  const collections = async () => (await repos.audit.between(TODAY, TODAY)).filter((a) => a.operation === "collection");

  it("records the first click with who and when, and audits it once", async () => {
    const outcome = await services.status.markSeen(byId("ds1"), { officerId: "ds1", on: TODAY }, AT, "action:mark-seen");
    assert.equal(outcome.kind, "recorded");
    if (outcome.kind === "recorded") assert.deepEqual([outcome.content.seen.byName, outcome.content.seen.atLabel], ["DS Aisha Khan", "10:42"]);
    assert.deepEqual((await collections()).map((a) => [a.actorId, a.recordType, a.recordId]), [["ds1", "status-card", `ds1:${TODAY}`]]);
  });

  it("answers a later click with the first one's time and records nothing new", async () => {
    await services.status.markSeen(byId("ds1"), { officerId: "ds1", on: TODAY }, AT, "action:mark-seen");
    const later = { now: new Date("2026-03-03T11:15:00.000Z"), today: TODAY };
    const again = await services.status.markSeen(byId("ds1"), { officerId: "ds1", on: TODAY }, later, "action:mark-seen");
    assert.equal(again.kind, "already-seen");
    if (again.kind === "already-seen") assert.equal(again.content.seen.atLabel, "10:42");
    assert.equal((await collections()).length, 1);
  });

  it("records exactly once when two clicks race", async () => {
    const outcomes = await Promise.all([1, 2, 3].map(() => services.status.markSeen(byId("ds1"), { officerId: "ds1", on: TODAY }, AT, "action:mark-seen")));
    assert.deepEqual(outcomes.map((o) => o.kind).sort(), ["already-seen", "already-seen", "recorded"]);
    assert.equal((await collections()).length, 1);
  });

  it("refuses someone else's card without revealing anything", async () => {
    assert.deepEqual(await services.status.markSeen(byId("di1"), { officerId: "ds1", on: TODAY }, AT, "action:mark-seen"), { kind: "not-owner" });
    assert.deepEqual(await repos.audit.between(TODAY, TODAY), []);
  });

  it("shows today's status as seen once marked", async () => {
    assert.equal((await services.status.status(byId("ds1"), AT, "command:status")).seen, undefined);
    await services.status.markSeen(byId("ds1"), { officerId: "ds1", on: TODAY }, AT, "action:mark-seen");
    assert.equal((await services.status.status(byId("ds1"), AT, "command:status")).seen?.byId, "ds1");
  });
});
