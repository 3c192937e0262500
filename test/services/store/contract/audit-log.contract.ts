import assert from "node:assert/strict";
import type { AuditEntryInput } from "../../../../services/domain/audit-entry";
import type { Contract } from "./contract-store";

const entry: AuditEntryInput = { actorId: "ds1", operation: "consultation", action: "case", recordType: "case", recordId: "CF/1/26", why: "command: case" };

export const auditLogContract: Contract = (fresh) =>
  describe("audit log", () => {
    it("appends audit entries and reads them back by day range", async () => {
      const { repos } = await fresh();
      const e = { actorId: "ds1", operation: "consultation" as const, action: "case", recordType: "case", recordId: "CF/1/26", why: "command: case" };
      await repos.audit.append(e, new Date("2026-11-22T10:00:00Z"));
      await repos.audit.append(e, new Date("2026-11-23T10:00:00Z"));
      await repos.audit.append(e, new Date("2026-11-25T10:00:00Z"));
      assert.equal((await repos.audit.between("2026-11-22", "2026-11-23")).length, 2);
    });

    it("stamps each entry with its own id, its UTC day and instant", async () => {
      const { repos } = await fresh();
      const a = await repos.audit.append(entry, new Date("2026-11-22T23:30:00Z"));
      const b = await repos.audit.append(entry, new Date("2026-11-22T23:30:00Z"));
      assert.notEqual(a.id, b.id);
      assert.deepEqual([a.day, a.at, a.type, a.schemaVersion], ["2026-11-22", "2026-11-22T23:30:00.000Z", "audit", 1]);
    });

    it("reads a range back in time order, whatever order the entries were written in", async () => {
      const { repos } = await fresh();
      for (const iso of ["2026-11-23T10:00:00Z", "2026-11-22T09:00:00Z", "2026-11-23T08:00:00Z", "2026-11-22T12:00:00Z"]) {
        await repos.audit.append({ ...entry, recordId: iso }, new Date(iso));
      }
      assert.deepEqual((await repos.audit.between("2026-11-22", "2026-11-23")).map((e) => e.at), [
        "2026-11-22T09:00:00.000Z", "2026-11-22T12:00:00.000Z", "2026-11-23T08:00:00.000Z", "2026-11-23T10:00:00.000Z",
      ]);
      assert.deepEqual(await repos.audit.between("2026-11-24", "2026-11-30"), []);
    });

    it("writes a once-only entry once however often it is appended, and answers with the first", async () => {
      const { repos } = await fresh();
      const first = await repos.audit.appendOnce("ack:CF/1/26:ds1", entry, new Date("2026-11-23T10:00:00Z"));
      const again = await repos.audit.appendOnce("ack:CF/1/26:ds1", { ...entry, why: "retry" }, new Date("2026-11-23T10:00:00Z"));
      assert.deepEqual(again, first);
      await repos.audit.appendOnce("ack:CF/2/26:ds1", entry, new Date("2026-11-23T10:00:00Z"));
      assert.equal((await repos.audit.between("2026-11-23", "2026-11-23")).length, 2);
    });

    it("writes a once-only key again on another UTC day: ids are unique per day partition, so callers pass the fact's own instant", async () => {
      const { repos } = await fresh();
      const a = await repos.audit.appendOnce("ack:CF/1/26:ds1", entry, new Date("2026-11-22T10:00:00Z"));
      const b = await repos.audit.appendOnce("ack:CF/1/26:ds1", entry, new Date("2026-11-23T10:00:00Z"));
      assert.equal(a.id, b.id);
      assert.deepEqual((await repos.audit.between("2026-11-22", "2026-11-23")).map((e) => e.day), ["2026-11-22", "2026-11-23"]);
    });

    it("keeps entries of one instant in the order written (an embedded-server trait, not an Azure promise, that tests rely on)", async () => {
      const { repos } = await fresh();
      const at = new Date("2026-11-23T10:00:00Z");
      for (const recordId of ["first", "second", "third"]) await repos.audit.append({ ...entry, recordId }, at);
      assert.deepEqual((await repos.audit.between("2026-11-23", "2026-11-23")).map((e) => e.recordId), ["first", "second", "third"]);
    });

    it("writes a once-only entry once when the repeats race", async () => {
      const { repos } = await fresh();
      const at = new Date("2026-11-23T10:00:00Z");
      const all = await Promise.all([1, 2, 3].map(() => repos.audit.appendOnce("seen:ds1", entry, at)));
      assert.equal(new Set(all.map((e) => e.id)).size, 1);
      assert.equal((await repos.audit.between("2026-11-23", "2026-11-23")).length, 1);
    });
  });
