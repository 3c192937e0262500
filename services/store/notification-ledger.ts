import type { Container } from "@azure/cosmos";
import { notificationDoc, NOTIFICATION_SCHEMA_VERSION, type NotificationDoc } from "../domain/notification";
import type { IsoDate } from "../domain/dates";
import { AlreadyExistsError } from "../errors";
import { DocumentStore } from "./document-store";

export interface LedgerKey {
  kind: string;
  subjectId: string;
  dueOn: IsoDate;
  recipientId: string;
}

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

export function createCosmosNotificationLedger(container: Container): NotificationLedger {
  const store = new DocumentStore(container, notificationDoc, "notification", (n) => n.id);
  const setState = async (key: LedgerKey, patch: Partial<NotificationDoc>) => {
    const id = ledgerId(key);
    const doc = await store.read(id, id);
    if (doc) await store.replace({ ...doc, ...patch });
  };
  return {
    claim: async (key, sweepId, at) => {
      const doc: NotificationDoc = {
        id: ledgerId(key), type: "notification", schemaVersion: NOTIFICATION_SCHEMA_VERSION,
        ...key, state: "claimed", claimedAt: at, sweepId,
      };
      try {
        await store.create(doc);
        return true;
      } catch (err) {
        if (err instanceof AlreadyExistsError) return false;
        throw err;
      }
    },
    get: (key) => {
      const id = ledgerId(key);
      return store.read(id, id);
    },
    markSent: (key, at) => setState(key, { state: "sent", sentAt: at }),
    markFailed: (key) => setState(key, { state: "failed" }),
    unsent: (olderThan) =>
      store.query({
        query: "SELECT * FROM c WHERE c.type = 'notification' AND c.state != 'sent' AND c.claimedAt < @t",
        parameters: [{ name: "@t", value: olderThan }],
      }),
    release: (key) => {
      const id = ledgerId(key);
      return store.delete(id, id);
    },
  };
}
