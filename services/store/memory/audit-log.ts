import { auditEntryDoc } from "../../domain/audit-entry";
import { auditLogOver, type AuditLog } from "../audit-log";
import type { MemoryContainer } from "./memory-container";
import { MemoryDocumentStore } from "./memory-document-store";

/** The fake of audit-log.ts: the same append-only logic over the in-memory store, partitioned by UTC day, read back in time order. */
export function createMemoryAuditLog(container: MemoryContainer): AuditLog {
  const store = new MemoryDocumentStore(container, auditEntryDoc, "audit entry", (a) => a.day);
  return auditLogOver(store, (fromDay, toDay) =>
    store.query({
      where: (d) => d.type === "audit" && typeof d.day === "string" && d.day >= fromDay && d.day <= toDay,
      orderBy: { key: (d) => d.at },
    }));
}
