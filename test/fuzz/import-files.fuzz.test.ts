import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { fixedClock } from "../../services/platform/clock";
import { ImportInvalidError } from "../../services/app/import/import-invalid-error";
import { createImportService, type ImportService } from "../../services/app/import/import-service";
import { createLogger } from "../../services/platform/logger";
import type { Containers } from "../../services/store/cosmos-setup";
import { startTestStore, type TestStore } from "../support/test-store";
import { recordFigure } from "../reliability/reliability-figures";
import { snapshotStore } from "../reliability/store-snapshot";

const FIXTURES = join(__dirname, "../fixtures/import");
const SEED = 9_2026;
/** Everything an import can write. */
const TOUCHED = ["officers", "cases", "audit"] as const;
type Row = Record<string, unknown>;
type File = { officers: Row[]; cases: Row[] } & Record<string, unknown>;

const fixture = (): File => JSON.parse(readFileSync(join(FIXTURES, "force.json"), "utf8")) as File;

const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(null, "", "   ", -1, 1e9, "2026-02-30", "2026-13-01", "26-01-05", "yesterday", "ghost", "x".repeat(300), "CF/01234/26", "dc1", "DC", "pre-charge"),
);

/** One thing done wrong to a valid file, in the ways real exports go wrong. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant("set" as const), section: fc.constantFrom("officers" as const, "cases" as const), row: fc.nat(), field: fc.constantFrom("id", "name", "rank", "aadObjectId", "supervisorId", "coverId", "hoursPerWeek", "absences", "unitJoinedOn", "offenceCategory", "risk", "oicId", "openedOn", "lastUpdatedOn", "bail", "status", "referralGrade"), value: junk }),
  fc.record({ op: fc.constant("drop" as const), section: fc.constantFrom("officers" as const, "cases" as const), row: fc.nat(), field: fc.constantFrom("id", "name", "rank", "offenceCategory", "risk", "oicId", "openedOn") }),
  fc.record({ op: fc.constant("duplicate" as const), section: fc.constantFrom("officers" as const, "cases" as const), row: fc.nat() }),
  fc.record({ op: fc.constant("cycle" as const) }),
  fc.record({ op: fc.constant("bail-backwards" as const), row: fc.nat() }),
  fc.record({ op: fc.constant("extra-top" as const), key: fc.string({ maxLength: 8 }), value: junk }),
  fc.record({ op: fc.constant("not-a-list" as const), section: fc.constantFrom("officers" as const, "cases" as const), value: junk }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function apply(file: File, m: Mutation): File {
  const pick = (list: Row[], n: number) => list[n % list.length]!;
  // An earlier mutation may have replaced a section with junk; row edits then have nothing to edit.
  const rows = (section: "officers" | "cases"): Row[] => (Array.isArray(file[section]) ? file[section].filter((r) => typeof r === "object" && r !== null) : []);
  if ("section" in m && m.op !== "not-a-list" && rows(m.section).length === 0) return file;
  switch (m.op) {
    case "set": pick(rows(m.section), m.row)[m.field] = m.value; break;
    case "drop": delete pick(rows(m.section), m.row)[m.field]; break;
    case "duplicate": file[m.section].push(structuredClone(pick(rows(m.section), m.row))); break;
    case "cycle": if (rows("officers").length > 1) pick(rows("officers"), 0).supervisorId = rows("officers").at(-1)!.id; break;
    case "bail-backwards": {
      const withBail = rows("cases").filter((c) => (c.bail as { kind?: string } | undefined)?.kind === "pre-charge");
      if (withBail.length > 0) (pick(withBail, m.row).bail as Row).endsOn = "2000-01-01";
      break;
    }
    case "extra-top": if (m.key !== "officers" && m.key !== "cases") file[m.key] = m.value; break;
    case "not-a-list": (file as Record<string, unknown>)[m.section] = m.value; break;
  }
  return file;
}

/** Every refusal names a file, a row (0 for the whole file), a field and a reason, and the message says nothing was written. */
function assertExplains(err: ImportInvalidError): void {
  assert.ok(err.errors.length > 0);
  assert.match(err.message, /nothing was written/);
  for (const e of err.errors) {
    assert.ok(e.file.length > 0 && e.field.length > 0 && e.message.length > 0 && Number.isInteger(e.row) && e.row >= 0, JSON.stringify(e));
  }
  assert.equal(err.details?.length, err.errors.length);
}

describe("fuzz: import files (JSON and CSV)", function () {
  this.timeout(120_000);
  let store: TestStore;
  let containers: Containers;
  let service: ImportService;

  before(async () => {
    store = await startTestStore();
    const fresh = await store.fresh();
    containers = fresh.containers;
    service = createImportService({ repos: fresh.repos, clock: fixedClock("2026-03-10T09:00:00Z"), logger: createLogger("silent") });
    // A store that already holds the force, so a wrongly accepted import would visibly change it.
    await service.run({ data: fixture(), label: "baseline" }, { actorId: "fuzz" });
  });
  after(async () => { await store.close(); });

  it("JSON: an invalid file is refused with every problem explained, and writes nothing; nothing else is thrown", async () => {
    const outcomes = { refused: 0, accepted: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const data = mutations.reduce(apply, fixture());
        const before = await snapshotStore(containers, TOUCHED);
        const result = await service.run({ data, label: "fuzz.json" }, { actorId: "fuzz" }).then(
          () => "accepted" as const,
          (err: unknown) => {
            assert.ok(err instanceof ImportInvalidError, `not a refusal but ${(err as Error)?.name}: ${(err as Error)?.message}`);
            assertExplains(err);
            return "refused" as const;
          },
        );
        outcomes[result] += 1;
        if (result === "refused") assert.deepEqual(await snapshotStore(containers, TOUCHED), before, "a refused import wrote something");
      }),
      { numRuns: 60, seed: SEED },
    );
    recordFigure("fuzz-import", { format: "json", numRuns: 60, ...outcomes });
    assert.ok(outcomes.refused >= 30, `most mutations are invalid (${JSON.stringify(outcomes)})`);
  });

  it("CSV: mangled officers.csv/cases.csv are refused with every problem explained, and write nothing", async () => {
    const officersCsv = readFileSync(join(FIXTURES, "csv-force/officers.csv"), "utf8");
    const casesCsv = readFileSync(join(FIXTURES, "csv-force/cases.csv"), "utf8");
    const edit = fc.record({
      file: fc.constantFrom("officers", "cases"),
      kind: fc.constantFrom("insert", "delete", "duplicate-line", "extra-column", "quote", "truncate"),
      at: fc.nat(),
      text: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(",", "\"", "\n", "\r\n", ",,,", "\uFEFF", ";", ":", "2026-02-30", "ghost")),
    });
    const dir = mkdtempSync(join(tmpdir(), "casewatch-import-fuzz-"));
    let refused = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
          const text = { officers: officersCsv, cases: casesCsv };
          for (const e of edits) {
            const t = text[e.file as "officers" | "cases"];
            const at = e.at % (t.length + 1);
            const lines = t.split("\n");
            text[e.file as "officers" | "cases"] =
              e.kind === "insert" ? t.slice(0, at) + e.text + t.slice(at)
              : e.kind === "delete" ? t.slice(0, at) + t.slice(at + 1 + (e.text.length % 5))
              : e.kind === "duplicate-line" ? [...lines, lines[at % lines.length]!].join("\n")
              : e.kind === "extra-column" ? lines.map((l, i) => (i === 0 ? `${l},${e.text.replace(/[\n\r,"]/g, "") || "extra"}` : `${l},x`)).join("\n")
              : e.kind === "quote" ? t.slice(0, at) + "\"" + t.slice(at)
              : t.slice(0, at);
          }
          writeFileSync(join(dir, "officers.csv"), text.officers);
          writeFileSync(join(dir, "cases.csv"), text.cases);
          const before = await snapshotStore(containers, TOUCHED);
          await service.run({ path: dir }, { actorId: "fuzz" }).then(
            () => undefined,
            async (err: unknown) => {
              assert.ok(err instanceof ImportInvalidError, `not a refusal but ${(err as Error)?.name}: ${(err as Error)?.message}`);
              assertExplains(err);
              refused += 1;
              assert.deepEqual(await snapshotStore(containers, TOUCHED), before, "a refused import wrote something");
            },
          );
        }),
        { numRuns: 30, seed: SEED + 1 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    recordFigure("fuzz-import", { format: "csv", numRuns: 30, refused });
    assert.ok(refused >= 12, `most edits are invalid (${refused})`);
  });

  it("names an unknown top-level key even when it is an empty string (found by the fuzzer)", async () => {
    await assert.rejects(service.run({ data: { ...fixture(), "": [] }, label: "fuzz.json" }, { actorId: "fuzz" }), (err: unknown) => {
      assert.ok(err instanceof ImportInvalidError);
      assertExplains(err);
      return true;
    });
  });

  it("a dry run never writes, valid or not", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 0, maxLength: 2 }), async (mutations) => {
        const before = await snapshotStore(containers, TOUCHED);
        await service.run({ data: mutations.reduce(apply, fixture()), label: "dry.json" }, { actorId: "fuzz", dryRun: true }).catch((err: unknown) => {
          assert.ok(err instanceof ImportInvalidError, `${(err as Error)?.name}: ${(err as Error)?.message}`);
        });
        assert.deepEqual(await snapshotStore(containers, TOUCHED), before);
      }),
      { numRuns: 15, seed: SEED + 2 },
    );
  });
});
