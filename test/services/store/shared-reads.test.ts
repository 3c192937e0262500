import assert from "node:assert/strict";
import { fixedClock } from "../../../services/platform/clock";
import type { Repositories } from "../../../services/store/repositories";
import { withSharedReads } from "../../../services/store/shared-reads";
import { makeCase, makeOfficer } from "../../support/fixtures";
import { storeKinds, type RepoStore } from "../../support/memory-store";

/** The real repositories, with their team reads counted on the way to the store. */
function counted(repos: Repositories) {
  const calls = { byOic: 0, forOfficers: 0, officersAll: 0 };
  const spied: Repositories = {
    ...repos,
    cases: { ...repos.cases, byOic: (ids, o) => { calls.byOic += 1; return repos.cases.byOic(ids, o); } },
    actionPlans: { ...repos.actionPlans, forOfficers: (ids) => { calls.forOfficers += 1; return repos.actionPlans.forOfficers(ids); } },
    officers: { ...repos.officers, all: () => { calls.officersAll += 1; return repos.officers.all(); } },
  };
  return { spied, calls };
}

for (const kind of storeKinds()) describe(`shared reads (the app's repositories) [${kind.name}]`, () => {
  let store: RepoStore;
  before(async () => { store = await kind.start(); });
  after(async () => { await store.close(); });

  async function seeded() {
    const { repos } = await store.fresh();
    await repos.officers.create(makeOfficer({ id: "ds1", rank: "DS" }));
    await repos.officers.create(makeOfficer({ id: "dc1", supervisorId: "ds1" }));
    await repos.cases.create(makeCase({ ref: "CF/00001/26", oicId: "dc1" }));
    await repos.cases.create(makeCase({ ref: "CF/00002/26", oicId: "ds1" }));
    return counted(repos);
  }

  it("makes identical team reads in flight at once one store query, the ids in any order", async () => {
    const { spied, calls } = await seeded();
    const repos = withSharedReads(spied, { clock: fixedClock("2026-03-02T09:00:00Z") });
    const answers = await Promise.all([
      repos.cases.byOic(["dc1", "ds1"], { openOnly: true }),
      repos.cases.byOic(["ds1", "dc1"], { openOnly: true }),
      repos.cases.byOic(["dc1", "ds1"], { openOnly: true }),
    ]);
    assert.equal(calls.byOic, 1);
    assert.ok(answers.every((a) => a.length === 2));
  });

  it("never merges reads that differ (other officers, or closed cases included)", async () => {
    const { spied, calls } = await seeded();
    const repos = withSharedReads(spied, { clock: fixedClock("2026-03-02T09:00:00Z") });
    const [team, one, all] = await Promise.all([
      repos.cases.byOic(["dc1", "ds1"], { openOnly: true }),
      repos.cases.byOic(["dc1"], { openOnly: true }),
      repos.cases.byOic(["dc1", "ds1"]),
    ]);
    assert.equal(calls.byOic, 3);
    assert.deepEqual([team.length, one.length, all.length], [2, 1, 2]);
  });

  it("reads a case write made through it: the next read is a new query that sees it", async () => {
    const { spied, calls } = await seeded();
    const repos = withSharedReads(spied, { clock: fixedClock("2026-03-02T09:00:00Z") });
    const before = await repos.cases.byOic(["dc1"], { openOnly: true });
    await repos.cases.replace({ ...before[0]!, status: "closed" });
    assert.equal((await repos.cases.byOic(["dc1"], { openOnly: true })).length, 0);
    assert.equal(calls.byOic, 2);
  });

  it("shares the officer directory: turns inside the bound cost one officer query", async () => {
    const { spied, calls } = await seeded();
    const repos = withSharedReads(spied, { clock: fixedClock("2026-03-02T09:00:00Z") });
    await Promise.all([repos.officers.all(), repos.officers.all()]);
    await repos.officers.all();
    assert.equal(calls.officersAll, 1);
  });

  it("hands every caller the same frozen answer, so no turn can change another's", async () => {
    const { spied } = await seeded();
    const repos = withSharedReads(spied, { clock: fixedClock("2026-03-02T09:00:00Z") });
    const [a, b] = await Promise.all([repos.actionPlans.forOfficers(["dc1"]), repos.actionPlans.forOfficers(["dc1"])]);
    assert.equal(a, b);
    const cases = await repos.cases.byOic(["dc1"], { openOnly: true });
    assert.throws(() => { (cases as unknown[]).push({}); }, TypeError);
    assert.throws(() => { (cases[0] as { risk: string }).risk = "high"; }, TypeError);
  });
});
