import assert from "node:assert/strict";
import { fixedClock } from "../../../services/platform/clock";
import type { Officer } from "../../../services/domain/officer";
import { ConcurrencyError } from "../../../services/platform/errors";
import { createOfficerDirectory } from "../../../services/store/officer-directory";
import type { OfficerRepository } from "../../../services/store/officer-repository";
import { makeOfficer } from "../../support/fixtures";

const T0 = "2026-03-02T09:00:00.000Z";
const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000);

/** An in-memory officer store that counts reads and can hold `all()` open until the test releases it. */
function fakeOfficerStore(initial: Officer[]) {
  const docs = new Map(initial.map((o) => [o.id, o]));
  const calls = { all: 0, byAad: 0, get: 0 };
  let hold: Promise<void> | undefined;
  const repo: OfficerRepository = {
    all: async () => {
      calls.all += 1;
      const snapshot = [...docs.values()].map((o) => ({ ...o }));
      if (hold) await hold;
      return snapshot;
    },
    get: async (id) => { calls.get += 1; const o = docs.get(id); return o && { ...o }; },
    byAadObjectId: async (aad) => { calls.byAad += 1; const o = [...docs.values()].find((d) => d.aadObjectId === aad); return o && { ...o }; },
    directReports: async (sid) => [...docs.values()].filter((o) => o.supervisorId === sid),
    create: async (o) => { docs.set(o.id, o); return o; },
    replace: async (o) => { if (o.name === "conflict") throw new ConcurrencyError("officer", o.id); docs.set(o.id, o); return o; },
    upsert: async (o) => { docs.set(o.id, o); return o; },
  };
  return {
    repo, calls, docs,
    holdReads() { let release!: () => void; hold = new Promise((r) => { release = r; }); return () => { hold = undefined; release(); }; },
  };
}

const force = () => [makeOfficer({ id: "ds1", rank: "DS", aadObjectId: "aad-ds1" }), makeOfficer({ id: "dc1", supervisorId: "ds1", aadObjectId: "aad-dc1" })];

describe("officer directory snapshot", () => {
  it("reads the store once for many turns inside the freshness bound", async () => {
    const store = fakeOfficerStore(force());
    const clock = fixedClock(T0);
    const dir = createOfficerDirectory({ officers: store.repo, clock, maxAgeMs: 30_000 });
    await dir.all();
    clock.set(at(29));
    await dir.all();
    assert.equal((await dir.byAadObjectId("aad-dc1"))?.id, "dc1");
    assert.deepEqual((await dir.directReports("ds1")).map((o) => o.id), ["dc1"]);
    assert.equal(store.calls.all, 1);
    assert.equal(store.calls.byAad, 0, "a known person is found in the snapshot");
  });

  it("reads again once the snapshot is as old as the bound, so another process's writes show within it", async () => {
    const store = fakeOfficerStore(force());
    const clock = fixedClock(T0);
    const dir = createOfficerDirectory({ officers: store.repo, clock, maxAgeMs: 30_000 });
    await dir.all();
    store.docs.set("dc2", makeOfficer({ id: "dc2", supervisorId: "ds1" })); // e.g. the import CLI
    clock.set(at(30));
    assert.deepEqual((await dir.all()).map((o) => o.id).sort(), ["dc1", "dc2", "ds1"]);
    assert.equal(store.calls.all, 2);
  });

  it("makes concurrent turns share the one read in flight", async () => {
    const store = fakeOfficerStore(force());
    const dir = createOfficerDirectory({ officers: store.repo, clock: fixedClock(T0) });
    const release = store.holdReads();
    const reads = Promise.all(Array.from({ length: 50 }, () => dir.all()));
    release();
    assert.ok((await reads).every((r) => r.length === 2));
    assert.equal(store.calls.all, 1);
  });

  it("sees its own write at once: a write through it drops the snapshot", async () => {
    const store = fakeOfficerStore(force());
    const dir = createOfficerDirectory({ officers: store.repo, clock: fixedClock(T0) });
    const dc1 = (await dir.all()).find((o) => o.id === "dc1")!;
    await dir.replace({ ...dc1, lastOneToOneOn: "2026-03-01" });
    assert.equal((await dir.all()).find((o) => o.id === "dc1")?.lastOneToOneOn, "2026-03-01");
  });

  it("drops the snapshot after a failed write too, so a retry after a 412 reads afresh", async () => {
    const store = fakeOfficerStore(force());
    const dir = createOfficerDirectory({ officers: store.repo, clock: fixedClock(T0) });
    const dc1 = (await dir.all()).find((o) => o.id === "dc1")!;
    await assert.rejects(dir.replace({ ...dc1, name: "conflict" }), ConcurrencyError);
    await dir.all();
    assert.equal(store.calls.all, 2);
  });

  it("does not keep a read that was in flight when a write finished, nor hand it to later callers", async () => {
    const store = fakeOfficerStore(force());
    const dir = createOfficerDirectory({ officers: store.repo, clock: fixedClock(T0) });
    const release = store.holdReads();
    const early = dir.all(); // read the store before the write below
    await dir.upsert(makeOfficer({ id: "dc9", supervisorId: "ds1" }));
    const late = dir.all(); // asked after the write finished: must not join the early read
    release();
    assert.equal((await early).some((o) => o.id === "dc9"), false);
    assert.equal((await late).some((o) => o.id === "dc9"), true);
    assert.equal((await dir.all()).some((o) => o.id === "dc9"), true, "the early read was not kept as the snapshot");
  });

  it("recognises someone just imported elsewhere on their first message, and then reloads", async () => {
    const store = fakeOfficerStore(force());
    const dir = createOfficerDirectory({ officers: store.repo, clock: fixedClock(T0) });
    await dir.all();
    store.docs.set("dc3", makeOfficer({ id: "dc3", supervisorId: "ds1", aadObjectId: "aad-dc3" }));
    assert.equal((await dir.byAadObjectId("aad-dc3"))?.id, "dc3");
    assert.ok((await dir.all()).some((o) => o.id === "dc3"));
    assert.equal(store.calls.all, 2);
  });

  it("answers an unknown person from the store each time without reloading the directory", async () => {
    const store = fakeOfficerStore(force());
    const dir = createOfficerDirectory({ officers: store.repo, clock: fixedClock(T0) });
    assert.equal(await dir.byAadObjectId("aad-stranger"), undefined);
    assert.equal(await dir.byAadObjectId("aad-stranger"), undefined);
    assert.equal(store.calls.all, 1);
    assert.equal(store.calls.byAad, 2);
  });

  it("reads point lookups from the store, for the current ETag before a write", async () => {
    const store = fakeOfficerStore(force());
    const dir = createOfficerDirectory({ officers: store.repo, clock: fixedClock(T0) });
    await dir.all();
    await dir.get("dc1");
    assert.equal(store.calls.get, 1);
  });

  it("hands out frozen officers, so one turn cannot change another's", async () => {
    const dir = createOfficerDirectory({ officers: fakeOfficerStore(force()).repo, clock: fixedClock(T0) });
    const [first] = await dir.all();
    assert.throws(() => { (first as { name: string }).name = "changed"; }, TypeError);
    assert.throws(() => { (first!.absences as unknown[]).push({}); }, TypeError);
  });
});
