import { TurnContext, type Activity } from "botbuilder";
import { z } from "zod";
import type { Caller } from "../services/app/identity/identity-service";
import type { ConversationScope } from "../services/app/identity/installation-service";

/**
 * The parts of an incoming activity Casewatch relies on, checked rather than trusted. A field that is malformed or
 * oversized reads as absent, so a hostile activity meets the same refusal as an unknown caller instead of an error.
 */
const id = z.string().min(1).max(64).optional().catch(undefined);
const activityFields = z.object({
  text: z.string().optional().catch(undefined),
  from: z.object({ aadObjectId: id }).optional().catch(undefined),
  conversation: z.object({ tenantId: id, conversationType: z.string().max(32).optional().catch(undefined), isGroup: z.boolean().optional().catch(undefined) }).optional().catch(undefined),
  channelData: z.object({ tenant: z.object({ id }).optional().catch(undefined) }).optional().catch(undefined),
});

/** A Bot Connector base URL: replies go there, so nothing else (no file:, no relative path, no blank) is accepted. */
const serviceUrl = z.string().max(2048).refine((u) => URL.canParse(u) && ["http:", "https:"].includes(new URL(u).protocol), "is not an http(s) URL");

/**
 * What /api/messages needs before botbuilder sees a body: an object with a string `type` (botbuilder answers 500
 * otherwise) and a usable `serviceUrl` (without one it would try to reply to a default host on the internet).
 */
const activityEnvelope = z.object({ type: z.string().min(1).max(64), serviceUrl });

/** Why a posted body is not an activity the bot can answer, in one line naming the field; undefined when it is. */
export function envelopeProblem(body: unknown): string | undefined {
  const parsed = activityEnvelope.safeParse(body);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join(".");
  return field ? `The activity's ${field} is missing or invalid.` : "The body is not an activity object.";
}

export interface TurnInput {
  caller: Caller;
  scope: ConversationScope;
  /** Group chats and channels: other people see the bot's cards, so a finished card is frozen for them. */
  isGroup: boolean;
  /** The message with any @mention of the bot removed (the HTTP body limit bounds its length; the matcher judges it). */
  text: string | undefined;
}

const SCOPES = new Map<string, ConversationScope>([["personal", "personal"], ["channel", "channel"], ["groupChat", "groupChat"]]);

export function readTurn(context: TurnContext): TurnInput {
  const a = activityFields.parse(context.activity);
  const scope = SCOPES.get(a.conversation?.conversationType ?? "personal") ?? (a.conversation?.isGroup ? "groupChat" : "personal");
  const text = a.text === undefined ? undefined : TurnContext.removeRecipientMention(context.activity as Partial<Activity>);
  return {
    caller: { tenantId: a.channelData?.tenant?.id ?? a.conversation?.tenantId, aadObjectId: a.from?.aadObjectId },
    scope,
    isGroup: scope !== "personal",
    text: text?.trim(),
  };
}
