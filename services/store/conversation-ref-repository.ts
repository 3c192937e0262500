import type { Container } from "@azure/cosmos";
import { conversationRefDoc, type ConversationRefDoc } from "../domain/conversation-ref";
import { DocumentStore } from "./document-store";

export interface ConversationRefRepository {
  /** The live personal-chat reference for a user, if any. */
  personal(tenantId: string, aadObjectId: string): Promise<ConversationRefDoc | undefined>;
  forUser(aadObjectId: string): Promise<ConversationRefDoc[]>;
  upsert(ref: ConversationRefDoc): Promise<ConversationRefDoc>;
  markDead(tenantId: string, aadObjectId: string, scope: ConversationRefDoc["scope"], reason: string, at: string): Promise<void>;
}

export function conversationRefId(tenantId: string, aadObjectId: string, scope: ConversationRefDoc["scope"]): string {
  return `${tenantId}:${aadObjectId}:${scope}`;
}

export function createCosmosConversationRefRepository(container: Container): ConversationRefRepository {
  const store = new DocumentStore(container, conversationRefDoc, "conversation reference", (r) => r.aadObjectId);
  return {
    personal: async (tenantId, aad) => {
      const doc = await store.read(conversationRefId(tenantId, aad, "personal"), aad);
      return doc?.alive ? doc : undefined;
    },
    forUser: (aad) =>
      store.query({ query: "SELECT * FROM c WHERE c.type = 'conversation-ref' AND c.aadObjectId = @a", parameters: [{ name: "@a", value: aad }] }),
    upsert: (r) => store.upsert(r),
    markDead: async (tenantId, aad, scope, reason, at) => {
      const doc = await store.read(conversationRefId(tenantId, aad, scope), aad);
      if (!doc) return;
      await store.upsert({ ...doc, alive: false, deadReason: reason, updatedAt: at });
    },
  };
}
