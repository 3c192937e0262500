import Bottleneck from "bottleneck";
import { z } from "zod";
import type { Clock } from "../../platform/clock";
import type { Logger } from "../../platform/logger";
import type { ConversationRefRepository } from "../../store/conversation-ref-repository";
import type { CardSender, SendResult, SendTarget } from "./card-sender";

/** Teams' documented proactive limits, with knobs for tests (small backoffs) and for forces with higher quotas. */
export const rateLimitsSchema = z.object({
  perConversationPerSecond: z.number().positive().default(7),
  globalPerSecond: z.number().positive().default(50),
  max429Retries: z.number().int().min(0).default(8),
  max5xxRetries: z.number().int().min(0).default(3),
  /** Base of the exponential backoff; the n-th retry waits at least Retry-After and base·2ⁿ, plus jitter. */
  backoffBaseMs: z.number().int().min(0).default(500),
  backoffMaxMs: z.number().int().min(0).default(30_000),
});
export type RateLimits = z.infer<typeof rateLimitsSchema>;

/** The 403 codes after which Teams will never accept a message in that chat again (uninstalled or blocked). */
export const deadConversationCodes = ["BotNotInConversationRoster", "ConversationBlockedByUser"] as const;
export type DeadConversationCode = (typeof deadConversationCodes)[number];

export type DeliveryResult =
  | { status: "sent"; activityId?: string; attempts: number }
  /** The reference was marked dead; the caller must route the items up the chain. */
  | { status: "dead"; code: DeadConversationCode }
  /** A retry was abandoned because the ledger shows someone else has since sent these items. */
  | { status: "superseded" }
  | { status: "failed"; httpStatus: number; code?: string; attempts: number };

export interface DeliverOptions {
  /**
   * Asked before every retry after a 5xx. A 5xx is ambiguous (the card may have been delivered) and sends are not
   * idempotent, so the caller re-reads its ledger; `false` stops the retry.
   */
  stillOwed?: () => Promise<boolean>;
  /**
   * A card someone's click is waiting on (a workflow notification inside a Teams turn): it goes ahead of queued sweep
   * cards and gives up after one retry, because Teams abandons an invoke after 15 s. The ledger keeps it retryable.
   */
  interactive?: boolean;
}

export interface RateLimitedSender {
  deliver(target: SendTarget, card: Record<string, unknown>, opts?: DeliverOptions): Promise<DeliveryResult>;
  stop(): Promise<void>;
}

export interface RateLimitedSenderDeps {
  sender: CardSender;
  conversations: Pick<ConversationRefRepository, "markDead">;
  clock: Clock;
  logger: Logger;
  limits?: Partial<RateLimits>;
  /** Injected so tests can pin the jitter; defaults to Math.random. */
  random?: () => number;
}

function isDeadCode(code: string | undefined): code is DeadConversationCode {
  return (deadConversationCodes as readonly string[]).includes(code ?? "");
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Wraps a CardSender with Bottleneck: one limiter per conversation (Teams: 7 msg/s per chat) chained into one global
 * limiter (the bot's overall rate). Throttling (429) and server errors are retried here; a dead chat is reported as a
 * typed result so the sweep can re-route within the same run.
 */
export function createRateLimitedSender(deps: RateLimitedSenderDeps): RateLimitedSender {
  const limits = rateLimitsSchema.parse(deps.limits ?? {});
  const random = deps.random ?? Math.random;
  const perConversation = new Bottleneck.Group({ maxConcurrent: 1, minTime: Math.ceil(1000 / limits.perConversationPerSecond) });
  // At most one second of sends is committed to a time slot; the rest wait in the queue, where an interactive send
  // (priority) overtakes them. Bottleneck gives every job a slot at once when only minTime is set.
  const global = new Bottleneck({ minTime: Math.ceil(1000 / limits.globalPerSecond), maxConcurrent: Math.max(1, Math.ceil(limits.globalPerSecond)) });

  const backoff = (attempt: number, retryAfterMs: number | undefined) => {
    const exp = Math.min(limits.backoffMaxMs, limits.backoffBaseMs * 2 ** attempt);
    // Jitter spreads the retries of many chats throttled in the same second so they do not collide again.
    return Math.max(retryAfterMs ?? 0, exp) + Math.floor(random() * exp);
  };

  // Bottleneck runs lower priority numbers first; its default is 5.
  const once = (target: SendTarget, card: Record<string, unknown>, priority: number): Promise<SendResult> =>
    perConversation.key(target.conversationId).schedule({ priority }, () => global.schedule({ priority }, () => deps.sender.send(target, card)));

  return {
    deliver: async (target, card, opts = {}) => {
      const priority = opts.interactive ? 1 : 5;
      const max429 = opts.interactive ? Math.min(1, limits.max429Retries) : limits.max429Retries;
      const max5xx = opts.interactive ? Math.min(1, limits.max5xxRetries) : limits.max5xxRetries;
      let throttled = 0;
      let serverErrors = 0;
      for (let attempts = 1; ; attempts += 1) {
        const result = await once(target, card, priority);
        if (result.ok) return { status: "sent", attempts, ...(result.activityId ? { activityId: result.activityId } : {}) };
        if (result.status === 429 && throttled < max429) {
          await sleep(backoff(throttled, result.retryAfterMs));
          throttled += 1;
          continue;
        }
        if (result.status === 403 && isDeadCode(result.code)) {
          await deps.conversations.markDead(target.tenantId, target.aadObjectId, "personal", result.code, deps.clock.now().toISOString());
          deps.logger.info({ aadObjectId: target.aadObjectId, code: result.code }, "conversation reference marked dead");
          return { status: "dead", code: result.code };
        }
        if (result.status >= 500 && serverErrors < max5xx) {
          await sleep(backoff(serverErrors, result.retryAfterMs));
          serverErrors += 1;
          if (opts.stillOwed && !(await opts.stillOwed())) return { status: "superseded" };
          continue;
        }
        return { status: "failed", httpStatus: result.status, attempts, ...(result.code ? { code: result.code } : {}) };
      }
    },
    stop: async () => {
      await Promise.all(perConversation.limiters().map(({ limiter }) => limiter.disconnect()));
      await global.disconnect();
    },
  };
}
