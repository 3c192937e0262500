import { TurnContext, type Activity } from "botbuilder";
import { z } from "zod";
import type { Caller } from "../services/app/identity-service";
import type { ConversationScope } from "../services/app/installation-service";

/** Longest message text read at all; anything longer cannot be a command (and is never echoed). */
export const MAX_TEXT_LENGTH = 2000;

/** The parts of an incoming activity Casewatch relies on, checked rather than trusted. */
const activityFields = z.object({
  text: z.string().optional(),
  from: z.object({ aadObjectId: z.string().max(64).optional() }).optional(),
  conversation: z.object({ tenantId: z.string().max(64).optional(), conversationType: z.string().optional(), isGroup: z.boolean().optional() }).optional(),
  channelData: z.object({ tenant: z.object({ id: z.string().max(64).optional() }).optional() }).optional(),
  recipient: z.object({ id: z.string() }).optional(),
});

export interface TurnInput {
  caller: Caller;
  scope: ConversationScope;
  /** Group chats and channels: other people see the bot's cards, so a finished card is frozen for them. */
  isGroup: boolean;
  /** The message with any @mention of the bot removed; undefined when there is none or it is too long to be a command. */
  text: string | undefined;
}

const SCOPES: Record<string, ConversationScope> = { personal: "personal", channel: "channel", groupChat: "groupChat" };

export function readTurn(context: TurnContext): TurnInput {
  const a = activityFields.parse(context.activity);
  const scope = SCOPES[a.conversation?.conversationType ?? "personal"] ?? (a.conversation?.isGroup ? "groupChat" : "personal");
  const text = a.text === undefined ? undefined : TurnContext.removeRecipientMention(context.activity as Partial<Activity>);
  return {
    caller: { tenantId: a.channelData?.tenant?.id ?? a.conversation?.tenantId, aadObjectId: a.from?.aadObjectId },
    scope,
    isGroup: scope !== "personal",
    text: text !== undefined && text.length <= MAX_TEXT_LENGTH ? text.trim() : undefined,
  };
}
