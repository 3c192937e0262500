import type { Container } from "@azure/cosmos";
import { createHash, randomUUID } from "node:crypto";
import { auditEntryDoc, AUDIT_SCHEMA_VERSION, type AuditEntryDoc, type AuditEntryInput } from "../domain/audit-entry";
import type { IsoDate } from "../domain/dates";
import { AlreadyExistsError } from "../platform/errors";
import { DocumentStore } from "./document-store";
import { retryTransient } from "./retry-transient";

/** Append-only (DPA 2018 s.62): there is deliberately no update or delete here. */
export interface AuditLog {
  append(entry: AuditEntryInput, at: Date): Promise<AuditEntryDoc>;
  /**
   * The one entry for a fact that happens once (e.g. an acknowledgement), however often it is written: the id comes
   * from `key`, so a repeat (a retried turn, a redelivered invoke) finds the first and writes nothing. `at` must be
   * the fact's own instant, so every repeat lands in the same day partition. Safe to retry, so transient store
   * errors are retried here.
   */
  appendOnce(key: string, entry: AuditEntryInput, at: Date): Promise<AuditEntryDoc>;
  between(fromDay: IsoDate, toDay: IsoDate): Promise<AuditEntryDoc[]>;
}

/** The point operations the audit log needs; the Cosmos DocumentStore and the in-memory fake both provide them. */
export interface AuditDocuments {
  read(id: string, partitionKey: string): Promise<AuditEntryDoc | undefined>;
  create(doc: AuditEntryDoc): Promise<AuditEntryDoc>;
}

export function createCosmosAuditLog(container: Container): AuditLog {
  const store = new DocumentStore(container, auditEntryDoc, "audit entry", (a) => a.day);
  return auditLogOver(store, (fromDay, toDay) =>
    store.query({
      query: "SELECT * FROM c WHERE c.type = 'audit' AND c.day >= @f AND c.day <= @t ORDER BY c.at",
      parameters: [{ name: "@f", value: fromDay }, { name: "@t", value: toDay }],
    }));
}

/** Append-only logic over any document store; `between` is the one query, written per store. */
export function auditLogOver(store: AuditDocuments, between: AuditLog["between"]): AuditLog {
  return {
    append: (entry, at) => {
      const iso = at.toISOString();
      return store.create({ ...entry, id: randomUUID(), type: "audit", schemaVersion: AUDIT_SCHEMA_VERSION, day: iso.slice(0, 10), at: iso });
    },
    appendOnce: (key, entry, at) => {
      const iso = at.toISOString();
      const day = iso.slice(0, 10);
      // Hashed: keys may hold characters Cosmos ids forbid ('/'), and ids are capped at 255 characters.
      const id = `once-${createHash("sha256").update(key, "utf8").digest("base64url")}`;
      return retryTransient(async () => {
        try {
          return await store.create({ ...entry, id, type: "audit", schemaVersion: AUDIT_SCHEMA_VERSION, day, at: iso });
        } catch (err) {
          if (!(err instanceof AlreadyExistsError)) throw err;
          const first = await store.read(id, day);
          if (!first) throw err;
          return first;
        }
      });
    },
    between,
  };
}
