import assert from "node:assert/strict";
import { parse } from "csv-parse/sync";
import { exportAuditCsv } from "../../../../services/app/audit/audit-export";
import { ValidationError } from "../../../../services/platform/errors";
import { storeKinds, type RepoStore } from "../../../support/memory-store";

for (const kind of storeKinds()) describe(`audit export [${kind.name}]`, () => {
  let store: RepoStore;
  before(async () => { store = await kind.start(); });
  after(async () => { await store.close(); });

  it("exports the entries in the date range as CSV and audits the export itself", async () => {
    const { repos } = await store.fresh();
    const base = { operation: "consultation" as const, action: "case", recordType: "case", why: "command: case CF/1/26" };
    await repos.audit.append({ ...base, actorId: "ds1", recordId: "CF/1/26" }, new Date("2026-11-20T09:00:00Z"));
    await repos.audit.append({ ...base, actorId: "dc1", recordId: "CF/2/26", operation: "alteration", action: "confirm-progress" }, new Date("2026-11-21T09:00:00Z"));
    await repos.audit.append({ ...base, actorId: "di1", recordId: "CF/3/26" }, new Date("2026-11-25T09:00:00Z"));
    const now = new Date("2026-11-23T12:00:00Z");
    const { csv, rows } = await exportAuditCsv({ audit: repos.audit, now }, { from: "2026-11-20", to: "2026-11-22", actorId: "cli:auditor" });
    assert.equal(rows, 2);
    const records = parse(csv, { columns: true }) as Record<string, string>[];
    assert.deepEqual(records.map((r) => [r.actorId, r.operation, r.recordId]), [["ds1", "consultation", "CF/1/26"], ["dc1", "alteration", "CF/2/26"]]);
    const exported = (await repos.audit.between("2026-11-23", "2026-11-23")).find((e) => e.action === "audit-export");
    assert.equal(exported?.actorId, "cli:auditor");
    assert.equal(exported?.operation, "disclosure");
  });

  it("refuses a range that ends before it starts and writes nothing", async () => {
    const { repos } = await store.fresh();
    await assert.rejects(exportAuditCsv({ audit: repos.audit, now: new Date("2026-11-23T12:00:00Z") }, { from: "2026-11-22", to: "2026-11-01", actorId: "x" }), ValidationError);
    assert.equal((await repos.audit.between("2026-01-01", "2026-12-31")).length, 0);
  });
});
