import assert from "node:assert/strict";
import type { Repositories } from "../../../../services/store/repositories";
import { completeClaim, createWorkflowClaims, type Slot } from "../../../../services/app/workflow/workflow-claims";
import { storeKinds, type RepoStore } from "../../../support/memory-store";

const slot: Slot = { kind: "review", subjectId: "CF/1/26", on: "2026-03-10", slot: "first" };

for (const kind of storeKinds()) describe(`workflow claims (notification ledger) [${kind.name}]`, () => {
  let store: RepoStore;
  let repos: Repositories;
  /** The acting turn's instant; each call is given it, as a service passes its turn's moment down. */
  const now = new Date("2026-03-10T10:42:00Z");
  before(async () => { store = await kind.start(); });
  after(async () => { await store.close(); });
  beforeEach(async () => {
    ({ repos } = await store.fresh());
  });

  it("gives the slot to one caller and tells the next who holds it and whether it is the same invoke", async () => {
    const claims = createWorkflowClaims({ ledger: repos.ledger });
    assert.equal(await claims.find(slot, "k1", now), undefined);
    const first = await claims.acquire(slot, "ds1", "k1", now);
    assert.equal(first.status, "ours");
    assert.deepEqual(await claims.acquire(slot, "ds1", "k1", now), { status: "held", holder: { actorId: "ds1", at: "2026-03-10T10:42:00.000Z", sameInvoke: true, settled: false } });
    const other = await claims.acquire(slot, "di1", "k2", now);
    assert.ok(other.status === "held" && !other.holder.sameInvoke && other.holder.actorId === "ds1");
  });

  it("marks the slot settled after the work, and frees it when the work fails", async () => {
    const claims = createWorkflowClaims({ ledger: repos.ledger });
    const ok = await claims.acquire(slot, "ds1", "k1", now);
    assert.ok(ok.status === "ours");
    assert.equal(await completeClaim(ok, async () => 42), 42);
    assert.equal((await claims.find(slot, "k1", now))?.settled, true);

    const other: Slot = { ...slot, slot: "review-x" };
    const failing = await claims.acquire(other, "ds1", "k1", now);
    assert.ok(failing.status === "ours");
    await assert.rejects(completeClaim(failing, async () => { throw new Error("store down"); }), /store down/);
    assert.equal(await claims.find(other, "k1", now), undefined, "free for a retry");
  });

  it("treats a claim never settled within the grace period as dead and lets the next caller take over", async () => {
    const claims = createWorkflowClaims({ ledger: repos.ledger, graceMs: 60_000 });
    assert.equal((await claims.acquire(slot, "ds1", "k1", now)).status, "ours");
    const halfMinuteLater = new Date("2026-03-10T10:42:30Z");
    assert.equal((await claims.acquire(slot, "di1", "k2", halfMinuteLater)).status, "held", "still in flight");
    const twoMinutesLater = new Date("2026-03-10T10:44:00Z");
    assert.equal(await claims.find(slot, "k2", twoMinutesLater), undefined);
    assert.equal((await claims.acquire(slot, "di1", "k2", twoMinutesLater)).status, "ours");
  });

  it("keeps an officer id containing the separator intact", async () => {
    const claims = createWorkflowClaims({ ledger: repos.ledger });
    await claims.acquire(slot, "odd;actor:id", "k1", now);
    assert.equal((await claims.find(slot, "k2", now))?.actorId, "odd;actor:id");
  });
});
