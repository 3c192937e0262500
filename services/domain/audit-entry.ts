import { z } from "zod";
import { isoDate, isoInstant } from "./dates";

/** DPA 2018 s.62 operations. */
export const auditOperation = z.enum(["collection", "alteration", "consultation", "disclosure", "combination", "erasure"]);

export const AUDIT_SCHEMA_VERSION = 1;
export const auditEntryDoc = z.object({
  id: z.string(),
  type: z.literal("audit"),
  schemaVersion: z.literal(AUDIT_SCHEMA_VERSION),
  /** Partition key: the UTC day, so an inspection export reads only the days asked for. */
  day: isoDate,
  at: isoInstant,
  actorId: z.string(),
  operation: auditOperation,
  action: z.string(),
  recordType: z.string(),
  recordId: z.string(),
  why: z.string(),
  _etag: z.string().optional(),
});
export type AuditEntryDoc = z.infer<typeof auditEntryDoc>;
export type AuditEntryInput = Omit<AuditEntryDoc, "id" | "type" | "schemaVersion" | "day" | "at" | "_etag">;
