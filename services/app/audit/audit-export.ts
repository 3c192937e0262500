import { stringify } from "csv-stringify/sync";
import type { AuditLog } from "../../store/audit-log";
import type { IsoDate } from "../../domain/dates";
import { ValidationError } from "../../platform/errors";

export const AUDIT_CSV_COLUMNS = ["at", "actorId", "operation", "action", "recordType", "recordId", "why"] as const;

/**
 * Inspection export of the s.62 log for [from, to] (inclusive calendar days, UTC). Exporting is itself a disclosure,
 * so it is audited too.
 */
export async function exportAuditCsv(
  deps: { audit: AuditLog; now: Date },
  req: { from: IsoDate; to: IsoDate; actorId: string },
): Promise<{ csv: string; rows: number }> {
  if (req.to < req.from) throw new ValidationError(`--to (${req.to}) is before --from (${req.from}).`);
  const entries = await deps.audit.between(req.from, req.to);
  const csv = stringify(entries.map((e) => AUDIT_CSV_COLUMNS.map((c) => e[c])), { header: true, columns: [...AUDIT_CSV_COLUMNS] });
  await deps.audit.append(
    { actorId: req.actorId, operation: "disclosure", action: "audit-export", recordType: "audit", recordId: `${req.from}..${req.to}`, why: `audit export of ${entries.length} entries` },
    deps.now,
  );
  return { csv, rows: entries.length };
}
