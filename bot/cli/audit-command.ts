import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { isoDate } from "../../services/domain/dates";
import { exportAuditCsv } from "../../services/app/audit/audit-export";
import type { AuditLog } from "../../services/store/audit-log";

/** `casewatch audit export --from YYYY-MM-DD --to YYYY-MM-DD [--out file.csv]` */
export function registerAuditCommand(program: Command, deps: () => Promise<{ audit: AuditLog; now: () => Date; actorId: string; close(): Promise<void> }>): void {
  const audit = program.command("audit").description("The DPA 2018 s.62 audit log");
  audit
    .command("export")
    .description("write the audit entries between two dates (inclusive) as CSV for an inspection")
    .requiredOption("--from <date>", "first day, YYYY-MM-DD")
    .requiredOption("--to <date>", "last day, YYYY-MM-DD")
    .option("--out <file>", "write to this file instead of standard output")
    .action(async (opts: { from: string; to: string; out?: string }) => {
      const from = isoDate.safeParse(opts.from);
      const to = isoDate.safeParse(opts.to);
      if (!from.success || !to.success) {
        console.error(`--from and --to must be dates written YYYY-MM-DD (got ${opts.from} and ${opts.to}).`);
        process.exitCode = 1;
        return;
      }
      const d = await deps();
      try {
        const { csv, rows } = await exportAuditCsv({ audit: d.audit, now: d.now() }, { from: from.data, to: to.data, actorId: d.actorId });
        if (opts.out) {
          writeFileSync(opts.out, csv);
          console.error(`Wrote ${rows} audit entries to ${opts.out}.`);
        } else {
          process.stdout.write(csv);
        }
      } finally {
        await d.close();
      }
    });
}
