import { z } from "zod";
import { isoInstant } from "./dates";

export const CONVERSATION_REF_SCHEMA_VERSION = 1;
/** A Bot Framework ConversationReference, kept opaque outside bot/. */
export const conversationRefDoc = z.object({
  id: z.string(),
  type: z.literal("conversation-ref"),
  schemaVersion: z.literal(CONVERSATION_REF_SCHEMA_VERSION),
  tenantId: z.string(),
  aadObjectId: z.string(),
  scope: z.enum(["personal", "channel", "groupChat"]),
  reference: z.record(z.string(), z.unknown()),
  alive: z.boolean(),
  updatedAt: isoInstant,
  deadReason: z.string().optional(),
  _etag: z.string().optional(),
});
export type ConversationRefDoc = z.infer<typeof conversationRefDoc>;
