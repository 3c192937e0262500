import { notificationDoc } from "../../domain/notification";
import { notificationLedgerOver, type NotificationLedger } from "../notification-ledger";
import type { MemoryContainer } from "./memory-container";
import { MemoryDocumentStore } from "./memory-document-store";

/** The fake of notification-ledger.ts: the same ledger logic over the in-memory document store, and its one query. */
export function createMemoryNotificationLedger(container: MemoryContainer): NotificationLedger {
  const store = new MemoryDocumentStore(container, notificationDoc, "notification", (n) => n.id);
  return notificationLedgerOver(store, (olderThan) =>
    store.query({ where: (d) => d.type === "notification" && d.state !== "sent" && typeof d.claimedAt === "string" && d.claimedAt < olderThan }));
}
