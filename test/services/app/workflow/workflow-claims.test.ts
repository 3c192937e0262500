import assert from "node:assert/strict";
import { fixedClock } from "../../../../services/platform/clock";
import type { Repositories } from "../../../../services/store/repositories";
import { completeClaim, createWorkflowClaims, type Slot } from "../../../../services/app/workflow/workflow-claims";
import { startTestStore, type TestStore } from "../../../support/test-store";

const slot: Slot = { kind: "review", subjectId: "CF/1/26", on: "2026-03-10", slot: "first" };

describe("workflow claims (notification ledger, real Cosmos-protocol store)", () => {
  let store: TestStore;
  let repos: Repositories;
  let clock: ReturnType<typeof fixedClock>;
  before(async () => { store = await startTestStore(); });
  after(async () => { await store.close(); });
  beforeEach(async () => {
    ({ repos } = await store.fresh());
    clock = fixedClock("2026-03-10T10:42:00Z");
  });

  it("gives the slot to one caller and tells the next who holds it and whether it is the same invoke", async () => {
    const claims = createWorkflowClaims({ ledger: repos.ledger, clock });
    assert.equal(await claims.find(slot, "k1"), undefined);
    const first = await claims.acquire(slot, "ds1", "k1");
    assert.equal(first.status, "ours");
    assert.deepEqual(await claims.acquire(slot, "ds1", "k1"), { status: "held", holder: { actorId: "ds1", at: "2026-03-10T10:42:00.000Z", sameInvoke: true, settled: false } });
    const other = await claims.acquire(slot, "di1", "k2");
    assert.ok(other.status === "held" && !other.holder.sameInvoke && other.holder.actorId === "ds1");
  });

  it("marks the slot settled after the work, and frees it when the work fails", async () => {
    const claims = createWorkflowClaims({ ledger: repos.ledger, clock });
    const ok = await claims.acquire(slot, "ds1", "k1");
    assert.ok(ok.status === "ours");
    assert.equal(await completeClaim(ok, async () => 42), 42);
    assert.equal((await claims.find(slot, "k1"))?.settled, true);

    const other: Slot = { ...slot, slot: "review-x" };
    const failing = await claims.acquire(other, "ds1", "k1");
    assert.ok(failing.status === "ours");
    await assert.rejects(completeClaim(failing, async () => { throw new Error("store down"); }), /store down/);
    assert.equal(await claims.find(other, "k1"), undefined, "free for a retry");
  });

  it("treats a claim never settled within the grace period as dead and lets the next caller take over", async () => {
    const claims = createWorkflowClaims({ ledger: repos.ledger, clock, graceMs: 60_000 });
    assert.equal((await claims.acquire(slot, "ds1", "k1")).status, "ours");
    clock.set("2026-03-10T10:42:30Z");
    assert.equal((await claims.acquire(slot, "di1", "k2")).status, "held", "still in flight");
    clock.set("2026-03-10T10:44:00Z");
    assert.equal(await claims.find(slot, "k2"), undefined);
    assert.equal((await claims.acquire(slot, "di1", "k2")).status, "ours");
  });

  it("keeps an officer id containing the separator intact", async () => {
    const claims = createWorkflowClaims({ ledger: repos.ledger, clock });
    await claims.acquire(slot, "odd;actor:id", "k1");
    assert.equal((await claims.find(slot, "k2"))?.actorId, "odd;actor:id");
  });
});
