import type { Officer } from "../../domain/officer";
import type { AuditLog } from "../../store/audit-log";

/** Why data was shown: the command typed or the button clicked, e.g. "command:status", "action:open-case". */
export type Purpose = `command:${string}` | `action:${string}`;

export interface ViewAudit {
  /**
   * DPA 2018 s.62 "consultation": one entry per view, naming every case reference shown, comma-separated (crime
   * references never contain commas), or for an aggregate the scope it summarises. A view of no case data writes
   * nothing. `now` is when the view was shown: the turn's instant, so the entry and the card agree.
   */
  recordView(viewer: Officer, view: { action: string; recordType: "case" | "case-list" | "case-summary"; recordIds: readonly string[]; why: Purpose }, now: Date): Promise<void>;
}

export function createViewAudit(deps: { audit: AuditLog }): ViewAudit {
  return {
    recordView: async (viewer, view, now) => {
      if (view.recordIds.length === 0) return;
      await deps.audit.append(
        {
          actorId: viewer.id,
          operation: "consultation",
          action: view.action,
          recordType: view.recordType,
          recordId: view.recordIds.join(", "),
          why: view.why,
        },
        now,
      );
    },
  };
}
