import { randomUUID } from "node:crypto";
import type { Container } from "@azure/cosmos";
import { notificationDoc, NOTIFICATION_SCHEMA_VERSION, type LedgerKey, type NotificationDoc } from "../domain/notification";
import { AlreadyExistsError, ConcurrencyError } from "../platform/errors";
import { retryTransient } from "./retry-transient";
import { DocumentStore } from "./document-store";

export type { LedgerKey };

export interface NotificationLedger {
  /** Claims the key; returns false when it was already claimed (by this or any other instance). */
  claim(key: LedgerKey, sweepId: string, at: string): Promise<boolean>;
  get(key: LedgerKey): Promise<NotificationDoc | undefined>;
  markSent(key: LedgerKey, at: string): Promise<void>;
  markFailed(key: LedgerKey): Promise<void>;
  /** Claims left unsent, e.g. by a crash between claim and send. */
  unsent(olderThan: string): Promise<NotificationDoc[]>;
  release(key: LedgerKey): Promise<void>;
}

/** Deterministic, Cosmos-safe ledger id for (kind, subject, due date, recipient). */
export function ledgerId(k: LedgerKey): string {
  return Buffer.from(`${k.kind}|${k.subjectId}|${k.dueOn}|${k.recipientId}`, "utf8").toString("base64url");
}

/** The point operations the ledger needs; the Cosmos DocumentStore and the in-memory fake both provide them. */
export interface LedgerDocuments {
  read(id: string, partitionKey: string): Promise<NotificationDoc | undefined>;
  create(doc: NotificationDoc): Promise<NotificationDoc>;
  replace(doc: NotificationDoc): Promise<NotificationDoc>;
  delete(id: string, partitionKey: string): Promise<void>;
}

export function createCosmosNotificationLedger(container: Container): NotificationLedger {
  const store = new DocumentStore(container, notificationDoc, "notification", (n) => n.id);
  return notificationLedgerOver(store, (olderThan) =>
    store.query({
      query: "SELECT * FROM c WHERE c.type = 'notification' AND c.state != 'sent' AND c.claimedAt < @t",
      parameters: [{ name: "@t", value: olderThan }],
    }));
}

/** The ledger's exactly-once logic over any document store; `unsent` is the one query, written per store. */
export function notificationLedgerOver(store: LedgerDocuments, unsent: NotificationLedger["unsent"]): NotificationLedger {
  // Marking is an idempotent state change, so it is retried through transient store errors and re-applied after a
  // concurrent change: a lost "sent" mark would make a later sweep send the card again.
  const setState = (key: LedgerKey, patch: Partial<NotificationDoc>) =>
    retryTransient(async () => {
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
    });
  return {
    claim: async (key, sweepId, at) => {
      const doc: NotificationDoc = {
        id: ledgerId(key), type: "notification", schemaVersion: NOTIFICATION_SCHEMA_VERSION,
        ...key, state: "claimed", claimedAt: at, sweepId, claimToken: randomUUID(),
      };
      return retryTransient(async () => {
        try {
          await store.create(doc);
          return true;
        } catch (err) {
          if (!(err instanceof AlreadyExistsError)) throw err;
          // A retried create whose first attempt landed finds its own claim: same sweep, same instant.
          const existing = await store.read(doc.id, doc.id);
          return existing !== undefined && existing.claimToken === doc.claimToken;
        }
      });
    },
    get: (key) => {
      const id = ledgerId(key);
      return store.read(id, id);
    },
    markSent: (key, at) => setState(key, { state: "sent", sentAt: at }),
    markFailed: (key) => setState(key, { state: "failed" }),
    unsent,
    release: (key) => {
      const id = ledgerId(key);
      return store.delete(id, id);
    },
  };
}
