import type { Command } from "commander";
import { AT_PROBLEM, instantOf, parseAt } from "./at-option";
import type { SweepExecutor, SweepProgress } from "../../services/app/sweep/sweep-executor";
import type { SweepReport } from "../../services/app/sweep/sweep-report";

/** Below this many items a sweep is over before a progress line would help. */
const PROGRESS_ABOVE = 300;

const rows: [keyof SweepReport, string][] = [
  ["planned", "planned"],
  ["sent", "sent"],
  ["skippedDuplicate", "skipped (already sent)"],
  ["deferred", "deferred (later digest or in flight)"],
  ["failed", "failed"],
  ["unreachable", "not reachable in Teams"],
  ["unroutable", "no one in the chain to receive"],
  ["cards", "cards delivered"],
  ["casesRead", "cases read"],
  ["plansRead", "action plans read"],
];

/** Where the command writes; injected so tests can read it. */
export interface SweepCommandIo {
  out: Pick<NodeJS.WriteStream, "write">;
  err: Pick<NodeJS.WriteStream, "write">;
}

function printTable(report: SweepReport, io: SweepCommandIo): void {
  const lines = [
    `Sweep ${report.sweepId} as of ${report.at} (${report.outcome})`,
    ...(report.outcome === "lease-held" ? ["Another instance is sweeping right now; nothing was sent. Try again in a few minutes."] : []),
    ...(report.outcome === "dry-run" ? [`  ${"would send now".padEnd(38)} ${report.wouldSend}`] : []),
    ...rows.map(([key, label]) => `  ${label.padEnd(38)} ${String(report[key])}`),
    ...(report.unreachableOfficerIds.length > 0 ? [`  not reachable in Teams (officer ids): ${report.unreachableOfficerIds.join(", ")}`] : []),
  ];
  io.out.write(lines.join("\n") + "\n");
}

function progressPrinter(io: SweepCommandIo): (p: SweepProgress) => void {
  let shown = false;
  return (p) => {
    if (p.total <= PROGRESS_ABOVE) return;
    shown = true;
    io.err.write(`\r${p.phase} ${p.done}/${p.total} items`);
    if (p.phase === "sending" && p.done >= p.total && shown) io.err.write("\n");
  };
}

/** `casewatch sweep [--at <ISO instant>] [--dry-run] [--json]`: one sweep as of that instant, then its report. */
export function registerSweepCommand(
  program: Command,
  deps: () => Promise<{ executor: SweepExecutor; timeZone: string; close(): Promise<void> }>,
  io: SweepCommandIo = { out: process.stdout, err: process.stderr },
): void {
  program
    .command("sweep")
    .description("run one reminder sweep now (or as of --at) and print its report")
    .option("--at <instant>", "plan as of this instant: 2026-03-02T08:00:00Z, or 2026-03-02T08:00 in the force's time zone")
    .option("--dry-run", "plan and report without sending or writing anything")
    .option("--json", "print the report as JSON")
    .action(async (opts: { at?: string; dryRun?: boolean; json?: boolean }) => {
      const at = opts.at === undefined ? undefined : parseAt(opts.at);
      if (at === null) {
        io.err.write(`${AT_PROBLEM} (got ${opts.at}).\n`);
        process.exitCode = 1;
        return;
      }
      const d = await deps();
      try {
        const report = await d.executor.run({
          ...(at ? { at: instantOf(at, d.timeZone) } : {}),
          dryRun: opts.dryRun ?? false,
          onProgress: progressPrinter(io),
        });
        if (opts.json) io.out.write(JSON.stringify(report, null, 2) + "\n");
        else printTable(report, io);
        if (report.outcome === "lease-held" || report.failed > 0) process.exitCode = 3;
      } finally {
        await d.close();
      }
    });
}
