import { randomUUID } from "node:crypto";
import type { Clock } from "../../platform/clock";
import type { Logger } from "../../platform/logger";
import type { ConversationRefRepository } from "../../store/conversation-ref-repository";
import type { Repositories } from "../../store/repositories";
import { ledgerId, type LedgerKey } from "../../store/notification-ledger";
import { DEFAULT_CLAIM_GRACE_MS, deliverOnce } from "./deliver-once";
import type { RateLimitedSender } from "./rate-limited-sender";
import { personalTarget } from "./recipient-reachability";

/** A card for someone other than the person who clicked: an escalation, a help request, a new plan, a new case. */
export type Outgoing = {
  recipientOfficerId: string;
  /** Why it is sent, for the audit log and the ledger kind, e.g. "review-escalated", "case-assigned". */
  reason: string;
  /** Deterministic for the step and recipient, so a redelivered invoke or a second click sends nothing more. */
  key: LedgerKey;
  /** The rendered Adaptive Card; opaque here (bot/ renders it from a view). */
  card: Record<string, unknown>;
  /** The record the card discloses, for the audit entry: a crime reference, a plan id, an officer id. */
  about: { recordType: string; recordId: string };
};

/** sent; duplicate (already sent, or being sent, for this key); unreachable (no Teams chat); failed (the connector said no). */
export type NotifyOutcome = "sent" | "duplicate" | "unreachable" | "failed";

export interface Notifier {
  /** Sends to the recipient's personal chat in `tenantId`, once per key, and audits the disclosure under `actorId`. */
  notify(actorId: string, tenantId: string, n: Outgoing, why: string): Promise<NotifyOutcome>;
}

export interface NotifierDeps {
  /** The process's one rate-limited sender, shared with the sweep. */
  sender: RateLimitedSender;
  repos: Pick<Repositories, "ledger" | "officers" | "audit"> & { conversations: Pick<ConversationRefRepository, "personal"> };
  /** Wall time for the ledger and audit stamps. */
  clock: Clock;
  logger: Logger;
  /** A claim left by a crashed attempt is taken over after this long (deliver-once.ts). */
  graceMs?: number;
}

/**
 * Workflow notifications through the sweep's own exactly-once path (deliver-once.ts): claim the ledger key, send
 * through the rate limiter, mark it sent, and take over a claim whose sender died. The person acting already has
 * their result on their own card, so a missed notification is logged (ids only) rather than failing their action.
 */
export function createNotifier({ sender, repos, clock, logger, graceMs }: NotifierDeps): Notifier {
  const log = logger.child({ component: "notifier" });
  const deps = { ledger: repos.ledger, audit: repos.audit, sender, clock, graceMs: graceMs ?? DEFAULT_CLAIM_GRACE_MS };
  return {
    notify: async (actorId, tenantId, n, why) => {
      const recipient = await repos.officers.get(n.recipientOfficerId);
      const target = recipient?.aadObjectId ? await personalTarget(repos.conversations, tenantId, recipient.aadObjectId) : undefined;
      if (!recipient || !target) {
        log.warn({ recipientId: n.recipientOfficerId, reason: n.reason }, "notification recipient has no Teams chat");
        return "unreachable";
      }
      const { outcomes, result } = await deliverOnce(deps, {
        // One claimant per attempt, so a retry after a crash is not mistaken for the crashed attempt's own repeat.
        claimant: `bot:${actorId}:${randomUUID().slice(0, 8)}`,
        target,
        items: [n.key],
        card: () => n.card,
        disclosure: { actorId, action: `send ${n.reason} card to ${recipient.id}`, recordType: n.about.recordType, recordId: n.about.recordId, why },
        interactive: true,
        // A thrown send is a bug, not a lost connection (those come back as 503): let the key go for a retry.
        onThrow: "release",
      });
      const outcome = outcomes.get(ledgerId(n.key));
      if (outcome === "sent") return "sent";
      if (outcome === "duplicate" || outcome === "deferred") return "duplicate";
      if (result?.status === "failed") {
        log.warn({ recipientId: recipient.id, reason: n.reason, status: result.httpStatus, code: result.code }, "notification not delivered");
        return result.httpStatus === 404 || result.httpStatus === 403 ? "unreachable" : "failed";
      }
      log.warn({ recipientId: recipient.id, reason: n.reason }, "notification recipient's chat is gone");
      return "unreachable";
    },
  };
}
