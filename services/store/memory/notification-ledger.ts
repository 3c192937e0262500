import { randomUUID } from "node:crypto";
import { notificationDoc, NOTIFICATION_SCHEMA_VERSION, type NotificationDoc } from "../../domain/notification";
import { AlreadyExistsError, ConcurrencyError } from "../../platform/errors";
import { ledgerId, type LedgerKey, type NotificationLedger } from "../notification-ledger";
import type { MemoryContainer } from "./memory-container";
import { MemoryDocumentStore } from "./memory-document-store";

/**
 * The fake of notification-ledger.ts: the same ids (ledgerId), a claim that is create-if-absent, and marks that are
 * re-applied after a concurrent change and never take a "sent" entry back.
 */
export function createMemoryNotificationLedger(container: MemoryContainer): NotificationLedger {
  const store = new MemoryDocumentStore(container, notificationDoc, "notification", (n) => n.id);
  const setState = async (key: LedgerKey, patch: Partial<NotificationDoc>) => {
    const id = ledgerId(key);
    for (;;) {
      const doc = await store.read(id, id);
      if (!doc || (doc.state === "sent" && patch.state !== "sent")) return;
      try {
        await store.replace({ ...doc, ...patch });
        return;
      } catch (err) {
        if (!(err instanceof ConcurrencyError)) throw err;
      }
    }
  };
  return {
    claim: async (key, sweepId, at) => {
      const doc: NotificationDoc = {
        id: ledgerId(key), type: "notification", schemaVersion: NOTIFICATION_SCHEMA_VERSION,
        ...key, state: "claimed", claimedAt: at, sweepId, claimToken: randomUUID(),
      };
      try {
        await store.create(doc);
        return true;
      } catch (err) {
        if (!(err instanceof AlreadyExistsError)) throw err;
        return false;
      }
    },
    get: (key) => {
      const id = ledgerId(key);
      return store.read(id, id);
    },
    markSent: (key, at) => setState(key, { state: "sent", sentAt: at }),
    markFailed: (key) => setState(key, { state: "failed" }),
    unsent: (olderThan) =>
      store.query({ where: (d) => d.type === "notification" && d.state !== "sent" && typeof d.claimedAt === "string" && d.claimedAt < olderThan }),
    release: (key) => {
      const id = ledgerId(key);
      return store.delete(id, id);
    },
  };
}
