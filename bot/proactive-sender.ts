import type { CloudAdapter, ConversationReference } from "botbuilder";
import type { AdaptiveCardJson } from "../cards/expand-card";
import type { Logger } from "../services/logging/logger";
import type { CardSender, SendResult, SendTarget } from "../services/sweep/card-sender";
import type { Repositories } from "../services/store/repositories";
import { cardMessage } from "./card-message";

/** Set when no live personal-chat reference exists for the recipient (never installed, or uninstalled). */
export const NO_CONVERSATION = "NoConversationReference";

export interface ProactiveSender extends CardSender {
  /** Sends to a person's personal chat with the bot, looked up by (tenant, Entra object id). */
  sendToUser(recipient: { tenantId: string; aadObjectId: string }, card: AdaptiveCardJson): Promise<SendResult>;
}

export interface ProactiveSenderDeps {
  adapter: CloudAdapter;
  /** The bot's Microsoft App ID; empty in local mode, where auth is off. */
  appId: string;
  repos: Pick<Repositories, "conversations">;
  logger: Logger;
}

type ConnectorError = {
  statusCode?: unknown;
  code?: unknown;
  details?: unknown;
  response?: { headers?: { get?(name: string): string | undefined }; bodyAsText?: string | null };
};

function retryAfterMs(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  // An HTTP-date Retry-After is relative to the connector's clock; only the difference matters here.
  return Number.isFinite(at) ? Math.max(0, at - Date.parse(new Date(at).toUTCString())) : undefined;
}

/** The Bot Connector's error code (e.g. BotNotInConversationRoster, ConversationBlockedByUser) from the error body. */
function connectorCode(e: ConnectorError): string | undefined {
  const fromDetails = (e.details as { error?: { code?: unknown } } | undefined)?.error?.code;
  if (typeof fromDetails === "string") return fromDetails;
  const body = e.response?.bodyAsText;
  if (body) {
    try {
      const code = (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;
      if (typeof code === "string") return code;
    } catch {
      // A non-JSON error body (e.g. an HTML gateway page) simply has no code.
    }
  }
  return typeof e.code === "string" && e.code !== "REQUEST_SEND_ERROR" ? e.code : undefined;
}

/** Turns a failed send into a typed result; an error without an HTTP status (e.g. a bug) is rethrown, not hidden. */
function failure(err: unknown): SendResult {
  const e = (err ?? {}) as ConnectorError;
  const status = typeof e.statusCode === "number" ? e.statusCode : undefined;
  if (status === undefined) {
    if ((err as { code?: unknown })?.code === "REQUEST_SEND_ERROR" || (err as { code?: unknown })?.code === "ECONNREFUSED") {
      return { ok: false, status: 503, code: "ConnectorUnreachable" };
    }
    throw err;
  }
  const retry = retryAfterMs(e.response?.headers?.get?.("retry-after"));
  const code = connectorCode(e);
  return { ok: false, status, ...(retry !== undefined ? { retryAfterMs: retry } : {}), ...(code ? { code } : {}) };
}

/**
 * Proactive cards through `CloudAdapter.continueConversationAsync`. It never retries: the scheduler decides (it
 * checks its ledger first, because a send is not idempotent) using the status, Retry-After and connector code.
 */
export function createProactiveSender(deps: ProactiveSenderDeps): ProactiveSender {
  const log = deps.logger.child({ component: "proactive-sender" });
  const send = async (target: SendTarget, card: Record<string, unknown>): Promise<SendResult> => {
    let activityId: string | undefined;
    try {
      await deps.adapter.continueConversationAsync(deps.appId, target.reference as Partial<ConversationReference>, async (context) => {
        activityId = (await context.sendActivity(cardMessage(card as AdaptiveCardJson)))?.id;
      });
    } catch (err) {
      const result = failure(err);
      log.warn({ status: !result.ok ? result.status : undefined, code: !result.ok ? result.code : undefined, conversation: target.conversationId }, "proactive send failed");
      return result;
    }
    return activityId !== undefined ? { ok: true, activityId } : { ok: true };
  };
  return {
    send,
    sendToUser: async ({ tenantId, aadObjectId }, card) => {
      const ref = await deps.repos.conversations.personal(tenantId, aadObjectId);
      if (!ref) return { ok: false, status: 404, code: NO_CONVERSATION };
      const conversationId = String((ref.reference as { conversation?: { id?: unknown } }).conversation?.id ?? "");
      return send({ tenantId, aadObjectId, conversationId, reference: ref.reference }, card);
    },
  };
}
