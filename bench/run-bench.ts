import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { defaultPolicy } from "../services/domain/policy";
import { fanOutMeasures, sweepMeasures, turnLatencyMeasures } from "./bench-measures";
import { startBenchStore } from "./bench-store";
import { measureFanOut, type FanOutResult } from "./fan-out";
import { createProgress } from "./progress";
import { renderTable, type Measure } from "./results-table";
import { measureSweepCost, type SweepCostResult } from "./sweep-cost";
import { measureTurnLatency, type TurnLatencyResult } from "./turn-latency";

/** Sizes for a full run (the issue's figures) and for --quick (the same measures, smaller, under two minutes). */
const SIZES = {
  full: {
    sweepCases: [10_000, 100_000],
    fanOut: { recipients: 2_000, perSecond: 50 },
    turns: { connections: 50, scopeCases: 5_000, warmupPerConnection: 2, statusPerConnection: 5, invokePerConnection: 20 },
  },
  quick: {
    sweepCases: [1_000, 5_000],
    fanOut: { recipients: 300, perSecond: 50 },
    turns: { connections: 50, scopeCases: 1_000, warmupPerConnection: 1, statusPerConnection: 2, invokePerConnection: 6 },
  },
} as const;

const SECTIONS = ["sweep", "fanout", "turns"] as const;
type Section = (typeof SECTIONS)[number];

interface Results {
  sweep: SweepCostResult[];
  fanOut?: FanOutResult;
  turns?: TurnLatencyResult;
}

async function main(): Promise<void> {
  const cli = new Command("bench")
    .description("Casewatch performance bench: sweep cost, fan-out, turn latency and memory, as ratios against their goals")
    .option("--quick", "smaller sizes, to finish in under two minutes")
    .option("--only <sections>", `comma-separated subset of ${SECTIONS.join(",")}`)
    .option("--cpu-prof <dir>", "write CPU profiles of the bot during the measured turn runs to <dir>")
    .option("--out <file>", "where to write the JSON results", join(__dirname, "results.json"))
    .parse(process.argv);
  const opts = cli.opts<{ quick?: boolean; only?: string; cpuProf?: string; out: string }>();
  const size = opts.quick ? SIZES.quick : SIZES.full;
  const only = new Set((opts.only?.split(",") ?? SECTIONS).map((s) => s.trim()));
  const unknown = [...only].filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length > 0) throw new Error(`--only: unknown section(s) ${unknown.join(", ")}; choose from ${SECTIONS.join(", ")}`);
  const wanted = (s: Section) => only.has(s);

  const progress = createProgress();
  const policy = defaultPolicy();
  const startedAt = new Date();
  const loadAtStart = loadavg();
  const results: Results = { sweep: [] };
  const measures: Measure[] = [];
  progress.note(`Casewatch bench (${opts.quick ? "quick" : "full"}) on ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(2)}`);

  if (wanted("sweep") || wanted("fanout")) {
    const store = await startBenchStore();
    try {
      if (wanted("sweep")) {
        for (const cases of size.sweepCases) {
          const r = await measureSweepCost({ cases, dueEvery: 100, casesPerDetective: 25, detectivesPerSergeant: 8, sergeantsPerInspector: 5 }, policy, store, progress);
          results.sweep.push(r);
          measures.push(...sweepMeasures(r));
        }
      }
      if (wanted("fanout")) {
        results.fanOut = await measureFanOut(size.fanOut, policy, store, progress);
        measures.push(...fanOutMeasures(results.fanOut));
      }
    } finally {
      await store.close();
    }
  }
  if (wanted("turns")) {
    results.turns = await measureTurnLatency({ ...size.turns, ...(opts.cpuProf ? { cpuProfDir: opts.cpuProf } : {}) }, progress);
    measures.push(...turnLatencyMeasures(results.turns));
  }

  const finishedAt = new Date();
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
  writeFileSync(opts.out, `${JSON.stringify({
    command, mode: opts.quick ? "quick" : "full", startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version, loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadavg() },
    sizes: size, measures, results,
  }, null, 2)}\n`);
  console.log(`\n${renderTable(measures)}\n`);
  const failed = measures.filter((m) => m.verdict === "FAIL");
  console.log(`${failed.length === 0 ? "All goals met." : `${failed.length} goal(s) missed.`} Took ${((finishedAt.getTime() - startedAt.getTime()) / 1000).toFixed(0)} s. Results: ${opts.out}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
