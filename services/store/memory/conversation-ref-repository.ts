import { conversationRefDoc } from "../../domain/conversation-ref";
import { conversationRefId, type ConversationRefRepository } from "../conversation-ref-repository";
import type { MemoryContainer } from "./memory-container";
import { MemoryDocumentStore } from "./memory-document-store";

/** The fake of conversation-ref-repository.ts (see memory-container.ts). */
export function createMemoryConversationRefRepository(container: MemoryContainer): ConversationRefRepository {
  const store = new MemoryDocumentStore(container, conversationRefDoc, "conversation reference", (r) => r.aadObjectId);
  return {
    personal: async (tenantId, aad) => {
      const doc = await store.read(conversationRefId(tenantId, aad, "personal"), aad);
      return doc?.alive ? doc : undefined;
    },
    forUser: (aad) => store.query({ where: (d) => d.type === "conversation-ref" && d.aadObjectId === aad }),
    upsert: (r) => store.upsert(r),
    markDead: async (tenantId, aad, scope, reason, at) => {
      const doc = await store.read(conversationRefId(tenantId, aad, scope), aad);
      if (!doc) return;
      await store.upsert({ ...doc, alive: false, deadReason: reason, updatedAt: at });
    },
  };
}
