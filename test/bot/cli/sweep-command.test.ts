import assert from "node:assert/strict";
import { Command } from "commander";
import { registerSweepCommand } from "../../../bot/cli/sweep-command";
import type { SweepExecutor, SweepRunOptions } from "../../../services/app/sweep/sweep-executor";
import { emptyReport } from "../../../services/app/sweep/sweep-report";

function harness(progressTotal = 0) {
  const out: string[] = [];
  const err: string[] = [];
  const calls: SweepRunOptions[] = [];
  let closed = 0;
  const executor: SweepExecutor = {
    run: async (opts = {}) => {
      calls.push(opts);
      if (progressTotal > 0) for (const done of [progressTotal / 2, progressTotal]) opts.onProgress?.({ phase: "sending", done, total: progressTotal });
      return { ...emptyReport("sweep-x", opts.at ?? new Date("2026-03-02T08:00:00Z"), opts.dryRun ? "dry-run" : "completed"), planned: 4, sent: 4, cards: 2, unreachable: 1, unreachableOfficerIds: ["dc9"] };
    },
  };
  const program = new Command("casewatch").exitOverride();
  registerSweepCommand(program, async () => ({ executor, timeZone: "Europe/London", close: async () => { closed += 1; } }), {
    out: { write: (s: string) => { out.push(s); return true; } },
    err: { write: (s: string) => { err.push(s); return true; } },
  });
  return { program, out, err, calls, closed: () => closed };
}

describe("bot/cli/sweep-command", () => {
  const saved = process.exitCode;
  afterEach(() => { process.exitCode = saved; });

  it("runs one sweep as of --at, dry, and prints the report as JSON", async () => {
    const h = harness();
    await h.program.parseAsync(["node", "casewatch", "sweep", "--at", "2026-03-02T08:00:00Z", "--dry-run", "--json"]);
    assert.equal(h.calls.length, 1);
    assert.equal(h.calls[0]!.at?.toISOString(), "2026-03-02T08:00:00.000Z");
    assert.equal(h.calls[0]!.dryRun, true);
    const printed = JSON.parse(h.out.join("")) as { outcome: string; sent: number };
    assert.equal(printed.outcome, "dry-run");
    assert.equal(h.closed(), 1);
  });

  const localTimes = [
    { typed: "2026-11-24T08:00", instant: "2026-11-24T08:00:00.000Z", why: "GMT in winter" },
    { typed: "2026-06-01 08:00", instant: "2026-06-01T07:00:00.000Z", why: "BST in summer" },
  ];
  for (const t of localTimes) {
    it(`reads --at ${t.typed} as London wall-clock time (${t.why})`, async () => {
      const h = harness();
      await h.program.parseAsync(["node", "casewatch", "sweep", "--at", t.typed, "--dry-run"]);
      assert.equal(h.calls[0]!.at?.toISOString(), t.instant);
    });
  }

  it("prints a table that lists officers not reachable in Teams by id", async () => {
    const h = harness();
    await h.program.parseAsync(["node", "casewatch", "sweep"]);
    const text = h.out.join("");
    assert.match(text, /sent\s+4/);
    assert.match(text, /not reachable in Teams \(officer ids\): dc9/);
  });

  for (const typed of ["tomorrow", "2026-11-24T25:00", "2026-02-30T08:00"]) it(`refuses --at ${typed}, without opening the store`, async () => {
    let opened = false;
    const program = new Command("casewatch").exitOverride();
    const err: string[] = [];
    registerSweepCommand(program, async () => { opened = true; throw new Error("must not open"); }, { out: { write: () => true }, err: { write: (s: string) => { err.push(s); return true; } } });
    await program.parseAsync(["node", "casewatch", "sweep", "--at", typed]);
    assert.equal(opened, false);
    assert.equal(process.exitCode, 1);
    assert.match(err.join(""), /--at must be an ISO instant .* or a local date and time/);
  });

  it("shows progress only when more than a few hundred items are due", async () => {
    const small = harness(120);
    await small.program.parseAsync(["node", "casewatch", "sweep"]);
    assert.equal(small.err.join(""), "");
    const large = harness(800);
    await large.program.parseAsync(["node", "casewatch", "sweep"]);
    assert.match(large.err.join(""), /sending 800\/800 items/);
  });
});
