import type { Clock } from "../../platform/clock";
import type { AuditLog } from "../../store/audit-log";
import { ledgerId, type LedgerKey, type NotificationLedger } from "../../store/notification-ledger";
import type { SendTarget } from "./card-sender";
import type { RateLimitedSender } from "./rate-limited-sender";

/** What became of one planned item in this sweep. */
export type ItemOutcome = "sent" | "duplicate" | "deferred" | "failed" | "dead";

export interface DigestDeliveryDeps {
  ledger: NotificationLedger;
  audit: AuditLog;
  sender: RateLimitedSender;
  clock: Clock;
  sweepId: string;
  /** A claim by another sweep younger than this is presumed in flight and left alone. */
  graceMs: number;
}

type Claim = "ours" | "duplicate" | "in-flight";

/*
 * Exactly-once, precisely:
 *  - Each item's ledger id is (kind, subject, due date, recipient). A sweep sends an item only after creating its
 *    ledger document (create-if-absent), so two sweeps, instances or re-runs can never both hold the same item.
 *  - The send happens after the claim and the "sent" mark after the send. A crash before or during the send leaves a
 *    "claimed" document; the next sweep (which holds the lease, so the claimer is gone) takes over claims older than
 *    `graceMs` and sends them. Failed sends ("failed") are taken over at once.
 *  - The one window we cannot close is a crash after Teams accepted the card and before the "sent" write lands (one
 *    Cosmos write): Bot Connector sends are not idempotent, so that item is sent again — at-least-once for that
 *    window, exactly-once everywhere else.
 *  - A 5xx is ambiguous in the same way; before each retry we re-read the ledger and stop if the items are no longer
 *    ours-and-unsent. A sender that throws (network failure, timeout) is treated as a crash: the sweep stops and the
 *    claims are resent after the grace period, so a timed-out send that did arrive is the same one-duplicate window.
 *  - An item that is no longer planned when the next sweep runs (its trigger ladder has moved on to a later step) is
 *    superseded by that step's item rather than resent.
 */
async function claim(deps: DigestDeliveryDeps, key: LedgerKey): Promise<Claim> {
  const at = deps.clock.now();
  if (await deps.ledger.claim(key, deps.sweepId, at.toISOString())) return "ours";
  const doc = await deps.ledger.get(key);
  if (doc?.state === "sent") return "duplicate";
  // The same key twice within one sweep is one item.
  if (doc?.sweepId === deps.sweepId) return "duplicate";
  const cutoff = new Date(at.getTime() - deps.graceMs).toISOString();
  if (doc && doc.state === "claimed" && doc.claimedAt >= cutoff) return "in-flight";
  // Stale or failed claim (or released meanwhile): take it over. The lease makes us the only sweeper, so the
  // release-then-create pair cannot race another sweep; if it somehow does, create-if-absent still picks one winner.
  if (doc) await deps.ledger.release(key);
  return (await deps.ledger.claim(key, deps.sweepId, at.toISOString())) ? "ours" : "in-flight";
}

export interface DigestToDeliver<T extends LedgerKey> {
  recipientId: string;
  target: SendTarget;
  items: readonly T[];
  buildCard(items: readonly T[]): Record<string, unknown>;
}

/**
 * Claims a recipient's items, sends one card with the ones this sweep now owns, and settles the ledger.
 * Returns each item's outcome keyed by ledger id. Errors thrown by the sender (a crash) propagate untouched, leaving
 * the claims for the next sweep.
 */
export async function deliverDigest<T extends LedgerKey>(deps: DigestDeliveryDeps, digest: DigestToDeliver<T>): Promise<Map<string, ItemOutcome>> {
  const outcomes = new Map<string, ItemOutcome>();
  const ours: T[] = [];
  const claims = await Promise.all(digest.items.map((item) => claim(deps, item)));
  digest.items.forEach((item, n) => {
    const c = claims[n];
    if (c === "ours") ours.push(item);
    else outcomes.set(ledgerId(item), c === "duplicate" ? "duplicate" : "deferred");
  });
  if (ours.length === 0) return outcomes;

  const stillOwed = async () => {
    const docs = await Promise.all(ours.map((k) => deps.ledger.get(k)));
    return docs.every((d) => d?.state === "claimed" && d.sweepId === deps.sweepId);
  };
  const result = await deps.sender.deliver(digest.target, digest.buildCard(ours), { stillOwed });
  const settle = (o: ItemOutcome) => { for (const k of ours) outcomes.set(ledgerId(k), o); };
  switch (result.status) {
    case "sent": {
      const at = deps.clock.now();
      await Promise.all(ours.map((k) => deps.ledger.markSent(k, at.toISOString())));
      await deps.audit.append(
        { actorId: "system:sweep", operation: "disclosure", action: "send-digest", recordType: "officer", recordId: digest.recipientId, why: `sweep ${deps.sweepId}` },
        at,
      );
      settle("sent");
      break;
    }
    case "dead":
      // Not delivered and never will be to this chat: free the keys so the re-routed plan owns its own items.
      await Promise.all(ours.map((k) => deps.ledger.release(k)));
      settle("dead");
      break;
    case "superseded":
      settle("duplicate");
      break;
    case "failed":
      await Promise.all(ours.map((k) => deps.ledger.markFailed(k)));
      settle("failed");
      break;
  }
  return outcomes;
}
