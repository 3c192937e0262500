import { createHash, randomUUID } from "node:crypto";
import { auditEntryDoc, AUDIT_SCHEMA_VERSION } from "../../domain/audit-entry";
import { AlreadyExistsError } from "../../platform/errors";
import type { AuditLog } from "../audit-log";
import type { MemoryContainer } from "./memory-container";
import { MemoryDocumentStore } from "./memory-document-store";

/** The fake of audit-log.ts: append-only (DPA 2018 s.62), partitioned by UTC day, read back in time order. */
export function createMemoryAuditLog(container: MemoryContainer): AuditLog {
  const store = new MemoryDocumentStore(container, auditEntryDoc, "audit entry", (a) => a.day);
  return {
    append: (entry, at) => {
      const iso = at.toISOString();
      return store.create({ ...entry, id: randomUUID(), type: "audit", schemaVersion: AUDIT_SCHEMA_VERSION, day: iso.slice(0, 10), at: iso });
    },
    appendOnce: async (key, entry, at) => {
      const iso = at.toISOString();
      const day = iso.slice(0, 10);
      // The same id as audit-log.ts derives from the key, so a repeat lands on the first entry.
      const id = `once-${createHash("sha256").update(key, "utf8").digest("base64url")}`;
      try {
        return await store.create({ ...entry, id, type: "audit", schemaVersion: AUDIT_SCHEMA_VERSION, day, at: iso });
      } catch (err) {
        if (!(err instanceof AlreadyExistsError)) throw err;
        const first = await store.read(id, day);
        if (!first) throw err;
        return first;
      }
    },
    between: (fromDay, toDay) =>
      store.query({
        where: (d) => d.type === "audit" && typeof d.day === "string" && d.day >= fromDay && d.day <= toDay,
        orderBy: { key: (d) => d.at },
      }),
  };
}
