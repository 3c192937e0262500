import assert from "node:assert/strict";
import { CaseNotFoundError } from "../../../../services/app/scope/scope-errors";
import { createScopedCaseReader, type ScopedCaseReader } from "../../../../services/app/scope/scoped-cases";
import type { Repositories } from "../../../../services/store/repositories";
import { startTestStore, type TestStore } from "../../../support/test-store";
import { byId, REF, seedForce, TODAY } from "../force-fixture";

describe("scoped case reads (chain of command, docs/domain-rules.md §8) against the store", function () {
  this.timeout(20_000);
  let store: TestStore;
  let repos: Repositories;
  let reader: ScopedCaseReader;

  before(async () => {
    store = await startTestStore();
    ({ repos } = await store.fresh());
    await seedForce(repos);
    reader = createScopedCaseReader({ officers: repos.officers, cases: repos.cases });
  });
  after(() => store.close());

  const { overdueReview: c1, bailSoon: c2, yearStale: c3, rui: c4 } = REF;
  // (viewer, case) → visible. dc1, dc2 under ds1; dc3 under ds2; ds1, ds2 under di1; dc4 under ds3 under di2; all under dci.
  const table: [viewer: string, ref: string, visible: boolean][] = [
    ["dc1", c1, true], ["dc1", c2, false], ["dc1", c3, false], ["dc1", c4, false],
    ["dc2", c2, true], ["dc2", c1, false],
    ["ds1", c1, true], ["ds1", c2, true], ["ds1", c3, false], ["ds1", c4, false],
    ["ds2", c3, true], ["ds2", c1, false],
    ["ds3", c4, true], ["ds3", c3, false],
    ["di1", c1, true], ["di1", c2, true], ["di1", c3, true], ["di1", c4, false],
    ["di2", c4, true], ["di2", c1, false],
    ["dci", c1, true], ["dci", c2, true], ["dci", c3, true], ["dci", c4, true],
  ];
  for (const [viewer, ref, visible] of table) {
    it(`${viewer} ${visible ? "sees" : "does not see"} ${ref}`, async () => {
      if (visible) assert.equal((await reader.byRef(byId(viewer), TODAY, ref)).found.ref, ref);
      else await assert.rejects(reader.byRef(byId(viewer), TODAY, ref), CaseNotFoundError);
    });
  }

  it("refuses an out-of-scope reference with exactly the error of a reference that does not exist", async () => {
    const outOfScope = await reader.byRef(byId("dc1"), TODAY, c2).catch((e: unknown) => e);
    const missing = await reader.byRef(byId("dc1"), TODAY, "CF/99999/26").catch((e: unknown) => e);
    assert.ok(outOfScope instanceof CaseNotFoundError && missing instanceof CaseNotFoundError);
    assert.equal(outOfScope.code, missing.code);
    assert.equal(outOfScope.message.replace(c2, "<ref>"), missing.message.replace("CF/99999/26", "<ref>"));
  });

  it("finds a reference typed in lower case but keeps the stored spelling", async () => {
    const { found } = await reader.byRef(byId("dc1"), TODAY, c1.toLowerCase());
    assert.equal(found.ref, c1);
  });

  it("lists only open cases of officers in scope, transitively below an inspector", async () => {
    const { cases } = await reader.openCases(byId("di1"), TODAY);
    assert.deepEqual(cases.map((c) => c.ref).sort(), [c1, c2, c3]);
  });

  it("limits own-only reads to the viewer's cases even for a supervisor", async () => {
    const { cases } = await reader.openCases(byId("ds1"), TODAY, { ownOnly: true });
    assert.deepEqual(cases, []);
  });

  it("lets a named cover see an absent sergeant's team, and only while the absence lasts", async () => {
    const absentNow = { ...byId("ds2"), absences: [{ kind: "sick" as const, from: "2026-03-01" }] };
    await repos.officers.upsert(absentNow);
    assert.equal((await reader.byRef(byId("ds1"), TODAY, c3)).found.ref, c3);
    await repos.officers.upsert({ ...byId("ds2"), absences: [{ kind: "leave" as const, from: "2026-02-01", to: "2026-02-10" }] });
    await assert.rejects(reader.byRef(byId("ds1"), TODAY, c3), CaseNotFoundError);
    await repos.officers.upsert(byId("ds2"));
  });
});
