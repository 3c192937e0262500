import assert from "node:assert/strict";
import { join } from "node:path";
import { fixedClock } from "../../../../services/platform/clock";
import { caseDocId } from "../../../../services/domain/case";
import { ImportInvalidError } from "../../../../services/app/import/import-invalid-error";
import { createImportService, type ImportService } from "../../../../services/app/import/import-service";
import type { ImportFile } from "../../../../services/app/import/import-format";
import { createLogger } from "../../../../services/platform/logger";
import type { Containers } from "../../../../services/store/cosmos-setup";
import type { Repositories } from "../../../../services/store/repositories";
import { startTestStore, type TestStore } from "../../../support/test-store";

const FIXTURES = join(__dirname, "../../../fixtures/import");
const NOW = "2026-03-10T09:00:00Z";

/** A minimal valid force; tests break one thing in a copy. */
function validFile(): ImportFile {
  return {
    officers: [
      { id: "di1", name: "Inspector", rank: "DI" },
      { id: "ds1", name: "Sergeant", rank: "DS", supervisorId: "di1" },
      { id: "dc1", name: "Detective", rank: "DC", supervisorId: "ds1", absences: [{ kind: "leave", from: "2026-03-01", to: "2026-03-05" }] },
    ],
    cases: [
      { id: "CF/00001/26", offenceCategory: "Robbery", risk: "high", oicId: "dc1", openedOn: "2026-01-05",
        bail: { kind: "pre-charge", startedOn: "2026-01-06", endsOn: "2026-04-06" } },
    ],
  };
}

async function countDocs(containers: Containers): Promise<{ officers: number; cases: number; audit: number }> {
  const count = async (name: "officers" | "cases" | "audit") =>
    (await containers[name].items.query<number>("SELECT VALUE COUNT(1) FROM c").fetchAll()).resources[0] ?? 0;
  return { officers: await count("officers"), cases: await count("cases"), audit: await count("audit") };
}

describe("import service", () => {
  let store: TestStore;
  let repos: Repositories;
  let containers: Containers;
  let service: ImportService;
  before(async () => { store = await startTestStore(); });
  after(async () => { await store.close(); });
  beforeEach(async () => {
    ({ repos, containers } = await store.fresh());
    service = createImportService({ repos, clock: fixedClock(NOW), logger: createLogger("silent") });
  });

  async function assertRefused(data: unknown, expected: { file?: string; row: number; field: string; message?: RegExp }[]) {
    await assert.rejects(service.run({ data, label: "t.json" }, { actorId: "test" }), ImportInvalidError);
    const result = await service.validate({ data, label: "t.json" });
    assert.equal(result.ok, false);
    const errors = result.ok ? [] : result.errors;
    for (const e of expected) {
      assert.ok(
        errors.some((got) => got.row === e.row && got.field === e.field && (!e.file || got.file === e.file) && (!e.message || e.message.test(got.message))),
        `expected an error at row ${e.row} field ${e.field}; got ${JSON.stringify(errors)}`,
      );
    }
    assert.deepEqual(await countDocs(containers), { officers: 0, cases: 0, audit: 0 }, "nothing may be written");
  }

  it("imports the JSON fixture: officers, cases with due fields, and one audit entry", async () => {
    const result = await service.run({ path: join(FIXTURES, "force.json") }, { actorId: "cli:tester" });
    assert.deepEqual(result.officers, { created: 5, updated: 0 });
    assert.deepEqual(result.cases, { created: 3, updated: 0 });
    const dc1 = await repos.officers.get("dc1");
    assert.equal(dc1?.hoursPerWeek, 24);
    assert.deepEqual(dc1?.absences, [{ kind: "sick", from: "2026-03-05" }, { kind: "leave", from: "2026-01-05", to: "2026-01-09" }]);
    const c = await repos.cases.getByRef("CF/01234/26");
    assert.equal(c?.id, caseDocId("CF/01234/26"));
    assert.equal(c?.bailEndsOn, "2026-04-06");
    assert.equal(c?.nextReviewDueOn, "2026-03-08", "high risk: reviewed 2026-03-01 + 7 days");
    assert.equal(c?.nextAttentionOn, "2026-03-10", "the review is overdue, so the sweep must read it today");
    const closed = await repos.cases.getByRef("CF/00009/25");
    assert.equal(closed?.status, "closed");
    assert.equal(closed?.nextAttentionOn, undefined, "a closed case never needs attention");
    const audit = await repos.audit.between("2026-03-10", "2026-03-10");
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.operation, "collection");
    assert.equal(audit[0]?.actorId, "cli:tester");
    assert.equal(audit[0]?.why, "import force.json");
    assert.match(audit[0]?.action ?? "", /officers 5 created 0 updated; cases 3 created 0 updated/);
  });

  it("imports the CSV directory to the same documents as the JSON file", async () => {
    await service.run({ path: join(FIXTURES, "csv-force") }, { actorId: "test" });
    const fromCsv = { officers: await repos.officers.all(), cases: await repos.cases.byOic(["dc1", "ds1"]) };
    ({ repos, containers } = await store.fresh());
    service = createImportService({ repos, clock: fixedClock(NOW), logger: createLogger("silent") });
    await service.run({ path: join(FIXTURES, "force.json") }, { actorId: "test" });
    const fromJson = { officers: await repos.officers.all(), cases: await repos.cases.byOic(["dc1", "ds1"]) };
    const strip = <T extends { _etag?: string }>(xs: T[]) =>
      xs.map(({ _etag, ...rest }) => { void _etag; return JSON.stringify(rest, Object.keys(rest).sort()); }).sort();
    assert.deepEqual(strip(fromCsv.officers), strip(fromJson.officers));
    assert.deepEqual(strip(fromCsv.cases), strip(fromJson.cases));
  });

  it("keeps crime references verbatim, odd ones included", async () => {
    await service.run({ path: join(FIXTURES, "force.json") }, { actorId: "test" });
    for (const ref of ["CF/01234/26", "cf 77/ab-1.x", "CF/00009/25"]) assert.equal((await repos.cases.getByRef(ref))?.ref, ref);
  });

  it("dry run validates and counts but writes nothing, not even the audit entry", async () => {
    const result = await service.run({ path: join(FIXTURES, "force.json") }, { actorId: "test", dryRun: true });
    assert.equal(result.dryRun, true);
    assert.deepEqual(result.cases, { created: 3, updated: 0 });
    assert.deepEqual(await countDocs(containers), { officers: 0, cases: 0, audit: 0 });
  });

  it("re-import upserts: counts updates, changes fields, and never rolls back a later review or its chosen next date", async () => {
    await service.run({ data: validFile(), label: "a.json" }, { actorId: "test" });
    const stored = await repos.cases.getByRef("CF/00001/26");
    await repos.cases.replace({ ...stored!, lastReviewedOn: "2026-03-09", nextReviewDueOn: "2026-03-20" });
    const second = validFile();
    second.cases[0] = { ...second.cases[0]!, risk: "low", lastReviewedOn: "2026-02-01" };
    const result = await service.run({ data: second, label: "a.json" }, { actorId: "test" });
    assert.deepEqual(result.officers, { created: 0, updated: 3 });
    assert.deepEqual(result.cases, { created: 0, updated: 1 });
    const after = await repos.cases.getByRef("CF/00001/26");
    assert.equal(after?.risk, "low");
    assert.equal(after?.lastReviewedOn, "2026-03-09");
    assert.equal(after?.nextReviewDueOn, "2026-03-20", "the reviewer's chosen date survives the re-import");
    assert.equal((await countDocs(containers)).cases, 1);
    assert.equal((await countDocs(containers)).audit, 2, "every import is audited");
  });

  it("reports supervisor changes on re-import", async () => {
    const first = validFile();
    first.officers.push({ id: "ds2", name: "Other Sergeant", rank: "DS", supervisorId: "di1" });
    await service.run({ data: first, label: "a.json" }, { actorId: "test" });
    const second = structuredClone(first);
    second.officers[2] = { ...second.officers[2]!, supervisorId: "ds2" };
    const dry = await service.run({ data: second, label: "a.json" }, { actorId: "test", dryRun: true });
    assert.deepEqual(dry.supervisorChanges, [{ officerId: "dc1", from: "ds1", to: "ds2" }]);
    const result = await service.run({ data: second, label: "a.json" }, { actorId: "test" });
    assert.deepEqual(result.supervisorChanges, [{ officerId: "dc1", from: "ds1", to: "ds2" }]);
    assert.equal((await repos.officers.get("dc1"))?.supervisorId, "ds2");
  });

  it("accepts references to officers already in the store", async () => {
    await service.run({ data: validFile(), label: "a.json" }, { actorId: "test" });
    const casesOnly = { cases: [{ id: "CF/00002/26", offenceCategory: "Theft", risk: "low", oicId: "dc1", openedOn: "2026-02-01" }] };
    const result = await service.run({ data: casesOnly, label: "b.json" }, { actorId: "test" });
    assert.deepEqual(result.cases, { created: 1, updated: 0 });
  });

  it("reports progress every N rows", async () => {
    const file = validFile();
    for (let i = 2; i <= 25; i++) file.cases.push({ id: `CF/${String(i).padStart(5, "0")}/26`, offenceCategory: "Theft", risk: "low", oicId: "dc1", openedOn: "2026-02-01" });
    const seen: string[] = [];
    await service.run({ data: file, label: "big.json" }, { actorId: "test", progressEvery: 10, onProgress: (p) => seen.push(`${p.phase} ${p.done}/${p.total}`) });
    assert.deepEqual(seen, ["read 10/25", "read 20/25", "read 25/25", "write 10/28", "write 20/28", "write 28/28"]);
  });

  describe("refuses, writing nothing, when", () => {
    it("a field breaks the schema", async () => {
      const file = validFile();
      file.officers[1] = { ...file.officers[1]!, rank: "SGT" as never };
      file.cases[0] = { ...file.cases[0]!, risk: "extreme" as never, openedOn: "2026-02-30" };
      await assertRefused(file, [
        { file: "t.json officers", row: 2, field: "rank" },
        { file: "t.json cases", row: 1, field: "risk" },
        { file: "t.json cases", row: 1, field: "openedOn", message: /real calendar date/ },
      ]);
    });
    it("a field is not part of the format", async () => {
      const file = validFile();
      (file.cases[0] as Record<string, unknown>).victimName = "x";
      await assertRefused(file, [{ row: 1, field: "victimName", message: /not part of the import format/ }]);
    });
    it("an officer reference is unknown", async () => {
      const file = validFile();
      file.officers[2] = { ...file.officers[2]!, supervisorId: "ds9", coverId: "dc9" };
      file.cases[0] = { ...file.cases[0]!, oicId: "dc7" };
      await assertRefused(file, [
        { row: 3, field: "supervisorId", message: /unknown officer "ds9"/ },
        { row: 3, field: "coverId", message: /unknown officer "dc9"/ },
        { file: "t.json cases", row: 1, field: "oicId", message: /unknown officer "dc7"/ },
      ]);
    });
    it("ids are duplicated", async () => {
      const file = validFile();
      file.officers.push({ id: "ds1", name: "Twin", rank: "DS" });
      file.cases.push({ ...file.cases[0]! });
      await assertRefused(file, [
        { file: "t.json officers", row: 4, field: "id", message: /duplicate id "ds1" \(first on row 2\)/ },
        { file: "t.json cases", row: 2, field: "id", message: /duplicate id "CF\/00001\/26"/ },
      ]);
    });
    it("an aadObjectId is used twice", async () => {
      const file = validFile();
      file.officers[0] = { ...file.officers[0]!, aadObjectId: "same" };
      file.officers[1] = { ...file.officers[1]!, aadObjectId: "same" };
      await assertRefused(file, [{ row: 2, field: "aadObjectId", message: /duplicate/ }]);
    });
    it("bail ends before it starts", async () => {
      const file = validFile();
      file.cases[0] = { ...file.cases[0]!, bail: { kind: "pre-charge", startedOn: "2026-02-01", endsOn: "2026-01-31" } };
      await assertRefused(file, [{ row: 1, field: "bail.endsOn", message: /bail ends before it starts/ }]);
    });
    it("an absence ends before it starts", async () => {
      const file = validFile();
      file.officers[2] = { ...file.officers[2]!, absences: [{ kind: "sick", from: "2026-03-05", to: "2026-03-01" }] };
      await assertRefused(file, [{ row: 3, field: "absences.0.to", message: /absence ends before it starts/ }]);
    });
    it("the supervisor chain loops", async () => {
      const file = validFile();
      file.officers[0] = { ...file.officers[0]!, supervisorId: "dc1" };
      file.officers.push({ id: "solo", name: "Self", rank: "DC", supervisorId: "solo" });
      await assertRefused(file, [
        { row: 1, field: "supervisorId", message: /loops: di1 → dc1 → ds1 → di1/ },
        { row: 2, field: "supervisorId", message: /loops/ },
        { row: 3, field: "supervisorId", message: /loops/ },
        { row: 4, field: "supervisorId", message: /loops: solo → solo/ },
      ]);
    });
    it("the file is not the import shape", async () => {
      await assertRefused([1, 2], [{ row: 0, field: "(file)" }]);
      await assertRefused({ officers: {}, people: [] }, [{ row: 0, field: "officers" }, { row: 0, field: "people" }]);
    });
    it("the CSV has bad cells, an unknown column or a bad reference", async () => {
      const result = await service.validate({ path: join(FIXTURES, "csv-bad") });
      assert.equal(result.ok, false);
      const got = result.ok ? [] : result.errors.map((e) => `${e.file} ${e.row} ${e.field}`);
      for (const want of [
        "officers.csv 1 hoursPerWeek", "officers.csv 2 supervisorId", "officers.csv 2 absences.0.to", "cases.csv 0 notes",
        "cases.csv 1 risk", "cases.csv 2 bail.endsOn",
      ]) assert.ok(got.includes(want), `missing ${want} in ${got.join(", ")}`);
      await assert.rejects(service.run({ path: join(FIXTURES, "csv-bad") }, { actorId: "test" }), ImportInvalidError);
      assert.deepEqual(await countDocs(containers), { officers: 0, cases: 0, audit: 0 });
    });
    it("one row in many is bad, with valid officers already stored", async () => {
      await service.run({ data: validFile(), label: "a.json" }, { actorId: "test" });
      const before = await countDocs(containers);
      const file = validFile();
      file.officers[0] = { ...file.officers[0]!, name: "Renamed" };
      file.cases.push({ id: "CF/00003/26", offenceCategory: "Theft", risk: "low", oicId: "nobody", openedOn: "2026-02-01" });
      await assert.rejects(service.run({ data: file, label: "a.json" }, { actorId: "test" }), ImportInvalidError);
      assert.deepEqual(await countDocs(containers), before);
      assert.equal((await repos.officers.get("di1"))?.name, "Inspector");
    });
  });
});
