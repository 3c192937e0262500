import { userInfo } from "node:os";
import type { Command } from "commander";
import { formatImportError, ImportInvalidError } from "../../services/app/import/import-invalid-error";
import type { ImportProgress, ImportResult, ImportService } from "../../services/app/import/import-service";
import type { Moment } from "../../services/domain/dates";
import { momentAt } from "../../services/rules/calendar";
import { AT_PROBLEM, instantOf, parseAt } from "./at-option";

export interface ImportCommandDeps {
  importService: ImportService;
  /** Defaults to `cli:<os user>`. */
  actorId?: string;
  /** The force's time zone, for `--at` given as a local time and for the import's calendar day. */
  timeZone: string;
  /** The clock, read once when no `--at` is given; the import and `afterImport` then share that moment. */
  now(): Date;
  /** Runs after a written (not dry-run) import, e.g. to send handover digests to new supervisors; returns lines to print. */
  afterImport?(result: ImportResult, actorId: string, at: Moment): Promise<string[]>;
  close(): Promise<void>;
}

function summary(r: ImportResult): string {
  const verb = r.dryRun ? "Dry run, nothing written. Would import" : "Imported";
  const lines = [
    `${verb} ${r.label}: officers ${r.officers.created} new, ${r.officers.updated} updated; cases ${r.cases.created} new, ${r.cases.updated} updated.`,
  ];
  for (const c of r.supervisorChanges) lines.push(`  supervisor of ${c.officerId}: ${c.from ?? "(none)"} → ${c.to ?? "(none)"}`);
  return lines.join("\n");
}

/**
 * `casewatch import <file.json|dir> [--dry-run] [--at <instant>]`: exit 1 with every error listed and nothing written,
 * or counts. `--at` dates the import (due dates, audit entry, handover digests) as of a dated export.
 */
export function registerImportCommand(program: Command, deps: () => Promise<ImportCommandDeps>): void {
  program
    .command("import")
    .description("load officers and cases from a JSON file or a directory with officers.csv and cases.csv (see services/app/import/FORMAT.md)")
    .argument("<source>", "a .json file, or a directory holding officers.csv and/or cases.csv")
    .option("--dry-run", "validate and count, write nothing")
    .option("--progress-every <rows>", "report progress every this many rows", "100")
    .option("--at <instant>", "import as of this instant: 2026-03-02T08:00:00Z, or 2026-03-02T08:00 in the force's time zone")
    .action(async (source: string, opts: { dryRun?: boolean; progressEvery: string; at?: string }) => {
      const asOf = opts.at === undefined ? undefined : parseAt(opts.at);
      if (asOf === null) {
        console.error(`${AT_PROBLEM} (got ${opts.at}).`);
        process.exitCode = 1;
        return;
      }
      const d = await deps();
      const every = Math.max(1, Number.parseInt(opts.progressEvery, 10) || 100);
      // A file that fits in one progress step finishes before progress would be worth reading.
      const onProgress = (p: ImportProgress) => {
        if (p.total > every) process.stderr.write(`\r${p.phase === "read" ? "checking" : "writing"} ${p.done}/${p.total}${p.done === p.total ? "\n" : ""}`);
      };
      const actorId = d.actorId ?? `cli:${userInfo().username}`;
      try {
        const at = momentAt(asOf ? instantOf(asOf, d.timeZone) : d.now(), d.timeZone);
        const result = await d.importService.run(
          { path: source },
          {
            dryRun: opts.dryRun === true,
            actorId,
            onProgress,
            progressEvery: every,
            at,
          },
        );
        console.log(summary(result));
        if (!result.dryRun && d.afterImport) for (const line of await d.afterImport(result, actorId, at)) console.log(line);
      } catch (err) {
        if (!(err instanceof ImportInvalidError)) throw err;
        for (const e of err.errors) console.error(formatImportError(e));
        console.error(err.message);
        process.exitCode = 1;
      } finally {
        await d.close();
      }
    });
}
