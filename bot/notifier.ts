import type { AdaptiveCardJson } from "../cards/expand-card";
import type { Clock } from "../services/platform/clock";
import type { Logger } from "../services/platform/logger";
import type { SendResult } from "../services/app/delivery/card-sender";
import type { Repositories } from "../services/store/repositories";
import type { LedgerKey } from "../services/store/notification-ledger";
import type { ProactiveSender } from "./proactive-sender";

/** A card for someone other than the person who clicked: an escalation, a help request, a new plan, a new case. */
export type Outgoing = {
  recipientOfficerId: string;
  /** Why it is sent, for the audit log and the ledger kind, e.g. "review-escalated", "case-assigned". */
  reason: string;
  /** Deterministic for the step and recipient, so a redelivered invoke or a second click sends nothing more. */
  key: LedgerKey;
  card: AdaptiveCardJson;
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
  sender: Pick<ProactiveSender, "sendToUser">;
  repos: Pick<Repositories, "ledger" | "officers" | "audit">;
  clock: Clock;
  logger: Logger;
}

/**
 * Exactly once, the sweep's way (services/app/delivery/deliver-digest.ts): claim the ledger key (create-if-absent), send,
 * mark it sent. A send that fails lets the key go again, so the step can be retried; the person acting already has
 * their result on their own card, so a missed notification is logged (ids only) rather than failing their action.
 */
export function createNotifier({ sender, repos, clock, logger }: NotifierDeps): Notifier {
  const log = logger.child({ component: "notifier" });
  return {
    notify: async (actorId, tenantId, n, why) => {
      const recipient = await repos.officers.get(n.recipientOfficerId);
      if (!recipient?.aadObjectId) {
        log.warn({ recipientId: n.recipientOfficerId, reason: n.reason }, "notification recipient has no Teams identity");
        return "unreachable";
      }
      if (!(await repos.ledger.claim(n.key, `bot:${actorId}`, clock.now().toISOString()))) return "duplicate";
      const result: SendResult = await sender.sendToUser({ tenantId, aadObjectId: recipient.aadObjectId }, n.card).catch(async (err: unknown) => {
        await repos.ledger.release(n.key);
        throw err;
      });
      if (!result.ok) {
        await repos.ledger.release(n.key);
        log.warn({ recipientId: recipient.id, reason: n.reason, status: result.status, code: result.code }, "notification not delivered");
        return result.status === 404 || result.status === 403 ? "unreachable" : "failed";
      }
      await repos.ledger.markSent(n.key, clock.now().toISOString());
      await repos.audit.append(
        { actorId, operation: "disclosure", action: `send ${n.reason} card to ${recipient.id}`, recordType: n.about.recordType, recordId: n.about.recordId, why },
        clock.now(),
      );
      return "sent";
    },
  };
}
