import assert from "node:assert/strict";
import { AlreadyExistsError, ConcurrencyError } from "../../../services/platform/errors";
import { startTestStore, type TestStore } from "../../support/test-store";
import { makeCase, makeOfficer } from "../../support/fixtures";

describe("Cosmos repositories (real client, Cosmos-protocol server)", () => {
  let store: TestStore;
  before(async () => { store = await startTestStore(); });
  after(async () => { await store.close(); });

  it("round-trips a crime reference with slashes unchanged", async () => {
    const { repos } = await store.fresh();
    await repos.cases.create(makeCase({ ref: "CF/01234/26" }));
    const read = await repos.cases.getByRef("CF/01234/26");
    assert.equal(read?.ref, "CF/01234/26");
    assert.equal(read?.schemaVersion, 1);
  });

  it("maps a missing document to undefined", async () => {
    const { repos } = await store.fresh();
    assert.equal(await repos.cases.getByRef("CF/99999/26"), undefined);
    assert.equal(await repos.officers.get("nobody"), undefined);
  });

  it("maps a stale ETag to ConcurrencyError and keeps the first write", async () => {
    const { repos } = await store.fresh();
    const created = await repos.cases.create(makeCase({ risk: "low" }));
    await repos.cases.replace({ ...created, risk: "high" });
    await assert.rejects(repos.cases.replace({ ...created, risk: "very-high" }), ConcurrencyError);
    assert.equal((await repos.cases.getByRef(created.ref))?.risk, "high");
  });

  it("refuses to create a duplicate id", async () => {
    const { repos } = await store.fresh();
    await repos.officers.create(makeOfficer({ id: "dc1" }));
    await assert.rejects(repos.officers.create(makeOfficer({ id: "dc1" })), AlreadyExistsError);
  });

  it("reads only cases whose next attention date has come", async () => {
    const { repos } = await store.fresh();
    await repos.cases.create(makeCase({ ref: "A/1", nextAttentionOn: "2026-11-20" }));
    await repos.cases.create(makeCase({ ref: "A/2", nextAttentionOn: "2026-11-23" }));
    await repos.cases.create(makeCase({ ref: "A/3", nextAttentionOn: "2026-11-24" }));
    await repos.cases.create(makeCase({ ref: "A/4", nextAttentionOn: "2026-11-01", status: "closed" }));
    const due = await repos.cases.needingAttention("2026-11-23");
    assert.deepEqual(due.map((c) => c.ref).sort(), ["A/1", "A/2"]);
  });

  it("finds officers by Entra object id and by supervisor", async () => {
    const { repos } = await store.fresh();
    await repos.officers.create(makeOfficer({ id: "ds1", rank: "DS", aadObjectId: "aad-ds1" }));
    await repos.officers.create(makeOfficer({ id: "dc1", supervisorId: "ds1" }));
    await repos.officers.create(makeOfficer({ id: "dc2", supervisorId: "ds1" }));
    assert.equal((await repos.officers.byAadObjectId("aad-ds1"))?.id, "ds1");
    assert.deepEqual((await repos.officers.directReports("ds1")).map((o) => o.id).sort(), ["dc1", "dc2"]);
  });

  it("claims a ledger key exactly once", async () => {
    const { repos } = await store.fresh();
    const key = { kind: "review-due", subjectId: "CF/1/26", dueOn: "2026-11-23", recipientId: "ds1" };
    const results = await Promise.all([1, 2, 3].map(() => repos.ledger.claim(key, "s1", "2026-11-23T08:00:00.000Z")));
    assert.equal(results.filter(Boolean).length, 1);
    await repos.ledger.markSent(key, "2026-11-23T08:00:01.000Z");
    assert.equal((await repos.ledger.get(key))?.state, "sent");
  });

  it("lets one holder take a lease until it expires", async () => {
    const { repos } = await store.fresh();
    const t0 = new Date("2026-11-23T08:00:00Z");
    assert.equal(await repos.leases.acquire("sweep", "a", t0, 60_000), true);
    assert.equal(await repos.leases.acquire("sweep", "b", new Date(t0.getTime() + 30_000), 60_000), false);
    assert.equal(await repos.leases.acquire("sweep", "b", new Date(t0.getTime() + 61_000), 60_000), true);
  });

  it("appends audit entries and reads them back by day range", async () => {
    const { repos } = await store.fresh();
    const e = { actorId: "ds1", operation: "consultation" as const, action: "case", recordType: "case", recordId: "CF/1/26", why: "command: case" };
    await repos.audit.append(e, new Date("2026-11-22T10:00:00Z"));
    await repos.audit.append(e, new Date("2026-11-23T10:00:00Z"));
    await repos.audit.append(e, new Date("2026-11-25T10:00:00Z"));
    assert.equal((await repos.audit.between("2026-11-22", "2026-11-23")).length, 2);
  });
});
