import { z } from "zod";
import { isoDate, isoInstant } from "./dates";

export const NOTIFICATION_SCHEMA_VERSION = 1;
/** Ledger entry: one per (kind, subject, due date, recipient); its id is that key, so create-if-absent is exactly-once. */
export const notificationDoc = z.object({
  id: z.string(),
  type: z.literal("notification"),
  schemaVersion: z.literal(NOTIFICATION_SCHEMA_VERSION),
  kind: z.string(),
  subjectId: z.string(),
  dueOn: isoDate,
  recipientId: z.string(),
  state: z.enum(["claimed", "sent", "failed"]),
  claimedAt: isoInstant,
  sentAt: isoInstant.optional(),
  sweepId: z.string(),
  /** Unique per claim attempt, so a retried create can recognise its own landed claim. */
  claimToken: z.string().optional(),
  _etag: z.string().optional(),
});
export type NotificationDoc = z.infer<typeof notificationDoc>;

/** What identifies one notification: (kind, subject, due date, recipient). The ledger id is derived from it. */
export const ledgerKey = notificationDoc.pick({ kind: true, subjectId: true, dueOn: true, recipientId: true });
export type LedgerKey = z.infer<typeof ledgerKey>;

export const LEASE_SCHEMA_VERSION = 1;
export const leaseDoc = z.object({
  id: z.string(),
  type: z.literal("lease"),
  schemaVersion: z.literal(LEASE_SCHEMA_VERSION),
  holder: z.string(),
  expiresAt: isoInstant,
  _etag: z.string().optional(),
});
export type LeaseDoc = z.infer<typeof leaseDoc>;
