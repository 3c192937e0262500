import type { CloudAdapter, ConversationReference, TurnContext } from "botbuilder";
import type { AdaptiveCardJson } from "../cards/expand-card";
import { systemClock, type Clock } from "../services/platform/clock";
import type { Logger } from "../services/platform/logger";
import type { CardSender, SendResult, SendTarget } from "../services/app/delivery/card-sender";
import { cardMessage } from "./card-message";

/**
 * The process's one proactive CardSender. Everything reaches it through the rate-limited sender and the ledger
 * (services/app/delivery/deliver-once.ts), which also find the recipient's chat; this only talks to the connector.
 */
export type ProactiveSender = CardSender;

export interface ProactiveSenderDeps {
  adapter: CloudAdapter;
  /** The bot's Microsoft App ID; empty in local mode, where auth is off. */
  appId: string;
  logger: Logger;
  /** Only for reading an HTTP-date Retry-After; defaults to the system clock. */
  clock?: Clock;
}

type ConnectorError = {
  statusCode?: unknown;
  code?: unknown;
  response?: { headers?: { get?(name: string): string | undefined } };
};

function retryAfterMs(header: string | undefined, now: Date): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now.getTime()) : undefined;
}

const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ESOCKETTIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "REQUEST_SEND_ERROR"]);

/**
 * Turns a failed send into a typed result. The connector's own code (BotNotInConversationRoster,
 * ConversationBlockedByUser, …) is on the error. A network failure may or may not have delivered the card, so it is
 * reported like a 5xx; an error with neither a status nor a network code is a bug and is rethrown, not hidden.
 */
function failure(err: unknown, now: Date): SendResult {
  const e = (err ?? {}) as ConnectorError;
  const code = typeof e.code === "string" ? e.code : undefined;
  if (typeof e.statusCode !== "number") {
    if (code !== undefined && NETWORK_CODES.has(code)) return { ok: false, status: 503, code };
    throw err;
  }
  const retry = retryAfterMs(e.response?.headers?.get?.("retry-after"), now);
  return { ok: false, status: e.statusCode, ...(retry !== undefined ? { retryAfterMs: retry } : {}), ...(code ? { code } : {}) };
}

/**
 * The connector client retries 429s, 5xx and network errors by itself; for a send that is not idempotent that could
 * deliver a card twice, so this turn's client (a new one per proactive call) gets no retry policy: the scheduler
 * retries, after checking its ledger. botbuilder does not expose the pipeline, hence the structural reach; a test
 * asserts one request per send so an upgrade that moves it is caught.
 */
function withoutRetries(context: TurnContext): void {
  const connector = context.turnState.get(context.adapter.ConnectorClientKey) as
    | { client?: { pipeline?: { removePolicy(o: { phase: "Retry" }): unknown } } }
    | undefined;
  connector?.client?.pipeline?.removePolicy({ phase: "Retry" });
}

/**
 * Proactive cards through `CloudAdapter.continueConversationAsync`. It never retries: the scheduler decides, using
 * the status, Retry-After and connector code. It does not mark references dead on a 403 either; the scheduler does,
 * because it also routes the item up the chain.
 */
export function createProactiveSender(deps: ProactiveSenderDeps): ProactiveSender {
  const log = deps.logger.child({ component: "proactive-sender" });
  const clock = deps.clock ?? systemClock;
  const send = async (target: SendTarget, card: Record<string, unknown>): Promise<SendResult> => {
    let activityId: string | undefined;
    try {
      await deps.adapter.continueConversationAsync(deps.appId, target.reference as Partial<ConversationReference>, async (context) => {
        withoutRetries(context);
        activityId = (await context.sendActivity(cardMessage(card as AdaptiveCardJson)))?.id;
      });
    } catch (err) {
      const result = failure(err, clock.now());
      log.warn({ status: !result.ok ? result.status : undefined, code: !result.ok ? result.code : undefined, conversation: target.conversationId }, "proactive send failed");
      return result;
    }
    return activityId !== undefined ? { ok: true, activityId } : { ok: true };
  };
  return { send };
}
