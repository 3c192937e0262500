import { CONVERSATION_REF_SCHEMA_VERSION, type ConversationRefDoc } from "../services/domain/conversation-ref";
import type { Officer } from "../services/domain/officer";
import { conversationRefId } from "../services/store/conversation-ref-repository";

export const BOT_ACCOUNT = { id: "28:casewatch-bench-bot", name: "Casewatch" };

export const personalConversationId = (officerId: string) => `a:bench-${officerId}`;

/** The live personal-chat reference installing the bot would store, pointing at `serviceUrl` (a fake connector). */
export function personalReference(o: Officer, tenantId: string, serviceUrl: string): ConversationRefDoc {
  if (o.aadObjectId === undefined) throw new Error(`bench: officer ${o.id} has no Entra id`);
  return {
    id: conversationRefId(tenantId, o.aadObjectId, "personal"),
    type: "conversation-ref",
    schemaVersion: CONVERSATION_REF_SCHEMA_VERSION,
    tenantId,
    aadObjectId: o.aadObjectId,
    scope: "personal",
    alive: true,
    updatedAt: "2026-01-01T00:00:00.000Z",
    reference: {
      channelId: "msteams",
      serviceUrl,
      conversation: { id: personalConversationId(o.id), tenantId, conversationType: "personal" },
      bot: BOT_ACCOUNT,
      user: { id: `29:${o.aadObjectId}`, aadObjectId: o.aadObjectId },
    },
  };
}
