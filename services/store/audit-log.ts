import type { Container } from "@azure/cosmos";
import { randomUUID } from "node:crypto";
import { auditEntryDoc, AUDIT_SCHEMA_VERSION, type AuditEntryDoc, type AuditEntryInput } from "../domain/audit-entry";
import type { IsoDate } from "../domain/dates";
import { DocumentStore } from "./document-store";

/** Append-only (DPA 2018 s.62): there is deliberately no update or delete here. */
export interface AuditLog {
  append(entry: AuditEntryInput, at: Date): Promise<AuditEntryDoc>;
  between(fromDay: IsoDate, toDay: IsoDate): Promise<AuditEntryDoc[]>;
}

export function createCosmosAuditLog(container: Container): AuditLog {
  const store = new DocumentStore(container, auditEntryDoc, "audit entry", (a) => a.day);
  return {
    append: (entry, at) => {
      const iso = at.toISOString();
      return store.create({ ...entry, id: randomUUID(), type: "audit", schemaVersion: AUDIT_SCHEMA_VERSION, day: iso.slice(0, 10), at: iso });
    },
    between: (fromDay, toDay) =>
      store.query({
        query: "SELECT * FROM c WHERE c.type = 'audit' AND c.day >= @f AND c.day <= @t ORDER BY c.at",
        parameters: [{ name: "@f", value: fromDay }, { name: "@t", value: toDay }],
      }),
  };
}
