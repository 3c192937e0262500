import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { registerImportCommand } from "../../../bot/cli/import-command";
import { fixedClock } from "../../../services/platform/clock";
import { createImportService } from "../../../services/app/import/import-service";
import { createLogger } from "../../../services/platform/logger";
import type { Repositories } from "../../../services/store/repositories";
import { startTestStore, type TestStore } from "../../support/test-store";

const FIXTURES = join(__dirname, "../../fixtures/import");

/** Run `casewatch import …` in-process, capturing what it prints and the exit code it sets. */
async function runCli(repos: Repositories, args: string[]): Promise<{ out: string; err: string; exitCode: number; closed: boolean }> {
  const program = new Command("casewatch").exitOverride();
  let closed = false;
  registerImportCommand(program, async () => ({
    importService: createImportService({ repos, clock: fixedClock("2026-03-10T09:00:00Z"), logger: createLogger("silent") }),
    actorId: "cli:tester",
    timeZone: "Europe/London",
    now: () => new Date("2026-03-10T09:00:00Z"),
    close: async () => { closed = true; },
  }));
  const out: string[] = [];
  const err: string[] = [];
  const saved = { log: console.log, error: console.error, write: process.stderr.write, exitCode: process.exitCode };
  console.log = (...a: unknown[]) => { out.push(a.join(" ")); };
  console.error = (...a: unknown[]) => { err.push(a.join(" ")); };
  process.stderr.write = ((chunk: string) => { err.push(chunk); return true; }) as typeof process.stderr.write;
  process.exitCode = 0;
  try {
    await program.parseAsync(["node", "casewatch", "import", ...args]);
    return { out: out.join("\n"), err: err.join("\n"), exitCode: Number(process.exitCode ?? 0), closed };
  } finally {
    console.log = saved.log;
    console.error = saved.error;
    process.stderr.write = saved.write;
    process.exitCode = saved.exitCode;
  }
}

describe("casewatch import (CLI)", () => {
  let store: TestStore;
  before(async () => { store = await startTestStore(); });
  after(async () => { await store.close(); });

  it("prints every error as '<file> row <n> <field>: <message>', exits 1 and writes nothing", async () => {
    const { repos } = await store.fresh();
    const r = await runCli(repos, [join(FIXTURES, "csv-bad")]);
    assert.equal(r.exitCode, 1);
    assert.match(r.err, /^officers\.csv row 1 hoursPerWeek: .+$/m);
    assert.match(r.err, /^officers\.csv row 2 supervisorId: refers to unknown officer "ds9"$/m);
    assert.match(r.err, /^cases\.csv row 2 bail\.endsOn: bail ends before it starts$/m);
    assert.match(r.err, /^cases\.csv notes: is not a column/m);
    assert.equal(r.closed, true, "the store is closed even on failure");
    assert.deepEqual(await repos.officers.all(), []);
  });

  it("prints counts on success", async () => {
    const { repos } = await store.fresh();
    const r = await runCli(repos, [join(FIXTURES, "force.json")]);
    assert.equal(r.exitCode, 0);
    assert.match(r.out, /Imported force\.json: officers 5 new, 0 updated; cases 3 new, 0 updated\./);
    assert.equal((await repos.officers.all()).length, 5);
  });

  const dated: [string, string, string][] = [
    ["an ISO instant", "2026-02-02T08:30:00Z", "2026-02-02T08:30:00.000Z"],
    ["a London wall-clock time in GMT", "2026-02-02T08:30", "2026-02-02T08:30:00.000Z"],
    ["a London wall-clock time in BST", "2026-06-01T08:30", "2026-06-01T07:30:00.000Z"],
  ];
  for (const [name, typed, stored] of dated) {
    it(`--at dates the import as of ${name}, not the clock`, async () => {
      const { repos } = await store.fresh();
      const r = await runCli(repos, [join(FIXTURES, "force.json"), "--at", typed]);
      assert.equal(r.exitCode, 0, r.err);
      const entries = await repos.audit.between("2026-01-01", "2026-12-31");
      assert.deepEqual(entries.map((e) => e.at), [stored]);
    });
  }

  it("refuses an --at that is not a date and time, writing nothing", async () => {
    const { repos } = await store.fresh();
    const r = await runCli(repos, [join(FIXTURES, "force.json"), "--at", "next tuesday"]);
    assert.equal(r.exitCode, 1);
    assert.match(r.err, /--at must be an ISO instant .* \(got next tuesday\)/);
    assert.deepEqual(await repos.officers.all(), []);
  });

  it("--dry-run says so and writes nothing", async () => {
    const { repos } = await store.fresh();
    const r = await runCli(repos, [join(FIXTURES, "force.json"), "--dry-run"]);
    assert.match(r.out, /^Dry run, nothing written\. Would import force\.json/);
    assert.deepEqual(await repos.officers.all(), []);
  });

  it("shows progress on a large file", async () => {
    const { repos } = await store.fresh();
    const dir = mkdtempSync(join(tmpdir(), "casewatch-import-"));
    const cases = Array.from({ length: 60 }, (_, i) => ({ id: `CF/${String(i + 1).padStart(5, "0")}/26`, offenceCategory: "Theft", risk: "low", oicId: "dc1", openedOn: "2026-02-01" }));
    writeFileSync(join(dir, "big.json"), JSON.stringify({ officers: [{ id: "dc1", name: "Detective", rank: "DC" }], cases }));
    const r = await runCli(repos, [join(dir, "big.json"), "--progress-every", "20"]);
    assert.equal(r.exitCode, 0);
    assert.match(r.err, /checking 60\/60/);
    assert.match(r.err, /writing 40\/61/);
    assert.equal(await repos.cases.countOpen(), 60);
    const small = await runCli((await store.fresh()).repos, [join(FIXTURES, "force.json"), "--progress-every", "20"]);
    assert.doesNotMatch(small.err, /checking|writing/, "no progress for a file that fits in one step");
  });
});
