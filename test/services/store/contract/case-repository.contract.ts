import assert from "node:assert/strict";
import { ZodError } from "zod";
import type { CaseDoc } from "../../../../services/domain/case";
import { AlreadyExistsError, ConcurrencyError } from "../../../../services/platform/errors";
import { makeCase } from "../../../support/fixtures";
import type { Contract } from "./contract-store";

const refs = (docs: readonly CaseDoc[]) => docs.map((c) => c.ref).sort();

export const caseRepositoryContract: Contract = (fresh) =>
  describe("cases", () => {
    it("round-trips a crime reference with slashes unchanged", async () => {
      const { repos } = await fresh();
      await repos.cases.create(makeCase({ ref: "CF/01234/26" }));
      const read = await repos.cases.getByRef("CF/01234/26");
      assert.equal(read?.ref, "CF/01234/26");
      assert.equal(read?.schemaVersion, 1);
    });

    it("maps a missing document to undefined", async () => {
      const { repos } = await fresh();
      assert.equal(await repos.cases.getByRef("CF/99999/26"), undefined);
      assert.equal(await repos.officers.get("nobody"), undefined);
    });

    it("maps a stale ETag to ConcurrencyError and keeps the first write", async () => {
      const { repos } = await fresh();
      const created = await repos.cases.create(makeCase({ risk: "low" }));
      await repos.cases.replace({ ...created, risk: "high" });
      await assert.rejects(repos.cases.replace({ ...created, risk: "very-high" }), ConcurrencyError);
      assert.equal((await repos.cases.getByRef(created.ref))?.risk, "high");
    });

    it("gives every write a new ETag, and the ETag a write returns guards the next replace", async () => {
      const { repos } = await fresh();
      const created = await repos.cases.create(makeCase({ risk: "low" }));
      const second = await repos.cases.replace({ ...created, risk: "high" });
      const third = await repos.cases.replace({ ...second, risk: "medium" });
      assert.ok(created._etag && second._etag && third._etag);
      assert.equal(new Set([created._etag, second._etag, third._etag]).size, 3);
      assert.equal((await repos.cases.getByRef(created.ref))?._etag, third._etag);
      await assert.rejects(repos.cases.replace({ ...second, risk: "low" }), ConcurrencyError);
    });

    it("replaces unconditionally when the document carries no ETag", async () => {
      const { repos } = await fresh();
      const { _etag, ...created } = await repos.cases.create(makeCase({ risk: "low" }));
      assert.ok(_etag);
      await repos.cases.replace({ ...created, risk: "high" });
      await repos.cases.replace({ ...created, risk: "very-high" });
      assert.equal((await repos.cases.getByRef(created.ref))?.risk, "very-high");
    });

    it("answers a replace of a case that does not exist with ConcurrencyError, and creates nothing", async () => {
      const { repos } = await fresh();
      await assert.rejects(repos.cases.replace(makeCase({ ref: "CF/404/26" })), ConcurrencyError);
      assert.equal(await repos.cases.getByRef("CF/404/26"), undefined);
    });

    it("refuses to create a case whose reference exists, and keeps the first", async () => {
      const { repos } = await fresh();
      await repos.cases.create(makeCase({ ref: "CF/1/26", risk: "low" }));
      await assert.rejects(repos.cases.create(makeCase({ ref: "CF/1/26", risk: "high" })), AlreadyExistsError);
      assert.equal((await repos.cases.getByRef("CF/1/26"))?.risk, "low");
    });

    it("upserts: creates when absent, overwrites whatever is there otherwise", async () => {
      const { repos } = await fresh();
      const first = await repos.cases.upsert(makeCase({ ref: "CF/1/26", risk: "low" }));
      await repos.cases.replace({ ...first, risk: "medium" });
      await repos.cases.upsert({ ...first, risk: "high" });
      assert.equal((await repos.cases.getByRef("CF/1/26"))?.risk, "high");
    });

    it("validates a document before writing it, and writes nothing when it is invalid", async () => {
      const { repos } = await fresh();
      const bad = { ...makeCase({ ref: "CF/1/26" }), risk: "extreme" } as unknown as CaseDoc;
      await assert.rejects(repos.cases.create(bad), ZodError);
      await assert.rejects(repos.cases.upsert(bad), ZodError);
      assert.equal(await repos.cases.getByRef("CF/1/26"), undefined);
    });

    it("stores only schema fields: unknown fields given to a write are dropped", async () => {
      const { repos } = await fresh();
      const written = await repos.cases.create({ ...makeCase({ ref: "CF/1/26" }), notAField: "x" } as CaseDoc);
      const read = await repos.cases.getByRef("CF/1/26");
      assert.equal("notAField" in written, false);
      assert.equal(read && "notAField" in read, false);
    });

    it("shares no objects with its callers: changing what was written or read changes nothing stored", async () => {
      const { repos } = await fresh();
      const doc = makeCase({ ref: "CF/1/26", bail: { kind: "rui", since: "2026-01-10" } });
      const created = await repos.cases.create(doc);
      doc.risk = "very-high";
      created.risk = "very-high";
      const read = await repos.cases.getByRef("CF/1/26");
      assert.ok(read?.bail?.kind === "rui");
      read.bail.since = "2020-01-01";
      read.risk = "low";
      const again = await repos.cases.getByRef("CF/1/26");
      assert.equal(again?.risk, "medium");
      assert.deepEqual(again?.bail, { kind: "rui", since: "2026-01-10" });
    });

    it("drops an optional field written as undefined, as JSON on the wire does", async () => {
      const { repos } = await fresh();
      const created = await repos.cases.create(makeCase({ ref: "CF/1/26", lastUpdatedOn: "2026-02-01" }));
      await repos.cases.replace({ ...created, lastUpdatedOn: undefined });
      const read = await repos.cases.getByRef("CF/1/26");
      assert.equal(read && "lastUpdatedOn" in read, false);
    });

    it("reads only cases whose next attention date has come", async () => {
      const { repos } = await fresh();
      await repos.cases.create(makeCase({ ref: "A/1", nextAttentionOn: "2026-11-20" }));
      await repos.cases.create(makeCase({ ref: "A/2", nextAttentionOn: "2026-11-23" }));
      await repos.cases.create(makeCase({ ref: "A/3", nextAttentionOn: "2026-11-24" }));
      await repos.cases.create(makeCase({ ref: "A/4", nextAttentionOn: "2026-11-01", status: "closed" }));
      const due = await repos.cases.needingAttention("2026-11-23");
      assert.deepEqual(due.map((c) => c.ref).sort(), ["A/1", "A/2"]);
    });

    it("never reads an open case without a next attention date as needing attention", async () => {
      const { repos } = await fresh();
      await repos.cases.create(makeCase({ ref: "A/1" }));
      assert.deepEqual(await repos.cases.needingAttention("2099-12-31"), []);
    });

    it("reports the running count of each page read, and one empty page when nothing is due", async () => {
      const { repos } = await fresh();
      const none: number[] = [];
      await repos.cases.needingAttention("2026-11-23", (n) => none.push(n));
      assert.deepEqual(none, [0]);
      await repos.cases.create(makeCase({ ref: "A/1", nextAttentionOn: "2026-11-20" }));
      await repos.cases.create(makeCase({ ref: "A/2", nextAttentionOn: "2026-11-21" }));
      const some: number[] = [];
      await repos.cases.needingAttention("2026-11-23", (n) => some.push(n));
      assert.deepEqual(some, [2]);
    });

    it("lists the cases of the given OICs, open only when asked, and nothing for no OICs", async () => {
      const { repos } = await fresh();
      await repos.cases.create(makeCase({ ref: "B/1", oicId: "dc1" }));
      await repos.cases.create(makeCase({ ref: "B/2", oicId: "dc1", status: "closed" }));
      await repos.cases.create(makeCase({ ref: "B/3", oicId: "dc2" }));
      await repos.cases.create(makeCase({ ref: "B/4", oicId: "dc3" }));
      assert.deepEqual(refs(await repos.cases.byOic(["dc1", "dc2"])), ["B/1", "B/2", "B/3"]);
      assert.deepEqual(refs(await repos.cases.byOic(["dc1", "dc2"], { openOnly: true })), ["B/1", "B/3"]);
      assert.deepEqual(refs(await repos.cases.byOic(["dc"])), []);
      assert.deepEqual(await repos.cases.byOic([]), []);
    });

    it("counts open cases only", async () => {
      const { repos } = await fresh();
      assert.equal(await repos.cases.countOpen(), 0);
      await repos.cases.create(makeCase({ ref: "C/1" }));
      await repos.cases.create(makeCase({ ref: "C/2" }));
      await repos.cases.create(makeCase({ ref: "C/3", status: "closed" }));
      assert.equal(await repos.cases.countOpen(), 2);
    });

    it("projects progress bases (last update, else opened) of open cases up to a day, for the given OICs", async () => {
      const { repos } = await fresh();
      await repos.cases.create(makeCase({ ref: "P/1", oicId: "dc1", openedOn: "2026-01-05", lastUpdatedOn: "2026-02-01" }));
      await repos.cases.create(makeCase({ ref: "P/2", oicId: "dc1", openedOn: "2026-01-20" }));
      // Opened long ago but updated after the day: its base is the update, so it is not stale.
      await repos.cases.create(makeCase({ ref: "P/3", oicId: "dc1", openedOn: "2026-01-01", lastUpdatedOn: "2026-03-01" }));
      await repos.cases.create(makeCase({ ref: "P/4", oicId: "dc1", openedOn: "2026-01-01", status: "closed" }));
      await repos.cases.create(makeCase({ ref: "P/5", oicId: "dc2", openedOn: "2026-02-10" }));
      await repos.cases.create(makeCase({ ref: "P/6", oicId: "dc3", openedOn: "2026-01-01" }));
      const rows = await repos.cases.progressBasesUpTo(["dc1", "dc2"], "2026-02-10");
      const key = (r: { oicId: string; base: string }) => `${r.oicId}@${r.base}`;
      assert.deepEqual(rows.map(key).sort(), ["dc1@2026-01-20", "dc1@2026-02-01", "dc2@2026-02-10"]);
      assert.deepEqual(await repos.cases.progressBasesUpTo([], "2026-02-10"), []);
    });

    it("drops unknown stored fields (and the store's own) on read", async () => {
      const { repos, putRaw } = await fresh();
      await putRaw("cases", { ...makeCase({ ref: "R/1" }), legacyField: 1 });
      const read = await repos.cases.getByRef("R/1");
      assert.deepEqual(Object.keys(read ?? {}).filter((k) => k.startsWith("_") || k === "legacyField"), ["_etag"]);
    });

    it("rejects a stored document of another schema version on every read that meets it, and only those", async () => {
      const { repos, putRaw } = await fresh();
      await putRaw("cases", { ...makeCase({ ref: "R/1", nextAttentionOn: "2026-11-01" }), schemaVersion: 2 });
      await repos.cases.create(makeCase({ ref: "R/2", oicId: "dc9" }));
      await assert.rejects(repos.cases.getByRef("R/1"), ZodError);
      await assert.rejects(repos.cases.needingAttention("2026-11-23"), ZodError);
      await assert.rejects(repos.cases.byOic(["dc1"]), ZodError);
      assert.deepEqual(refs(await repos.cases.byOic(["dc9"])), ["R/2"]);
      assert.deepEqual(await repos.cases.needingAttention("2026-10-31"), []);
    });
  });
