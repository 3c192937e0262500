import type { Clock } from "../../platform/clock";
import type { AuditEntryInput } from "../../domain/audit-entry";
import type { AuditLog } from "../../store/audit-log";
import { ledgerId, type LedgerKey, type NotificationLedger } from "../../store/notification-ledger";
import type { SendTarget } from "./card-sender";
import type { DeliveryResult, RateLimitedSender } from "./rate-limited-sender";

/** What became of one ledger item in one delivery. */
export type ItemOutcome = "sent" | "duplicate" | "deferred" | "failed" | "dead";

/** Default for `graceMs`: longer than a send with all its rate-limit retries is expected to take. */
export const DEFAULT_CLAIM_GRACE_MS = 2 * 60_000;

export interface DeliveryDeps {
  ledger: NotificationLedger;
  audit: AuditLog;
  /** The process's one rate-limited sender: every proactive card, sweep or workflow, goes through it. */
  sender: RateLimitedSender;
  /** Wall time for the ledger and audit stamps only. */
  clock: Clock;
  /** A claim by someone else younger than this is presumed in flight and left alone; an older one is taken over. */
  graceMs: number;
}

type Claim = "ours" | "duplicate" | "in-flight";

/*
 * The one exactly-once protocol, for the sweep's digests and for workflow notifications alike:
 *  - Each item's ledger id is (kind, subject, due date, recipient). A card is sent only after its items' ledger
 *    documents are created (create-if-absent), so two sweeps, instances, invokes or re-runs can never both hold one.
 *  - The send happens after the claim and the "sent" mark after the send. A crash before or during the send leaves a
 *    "claimed" document; whoever next delivers the same key takes over a claim older than `graceMs` and sends it.
 *    Failed sends ("failed") are taken over at once.
 *  - The one window we cannot close is a crash after Teams accepted the card and before the "sent" write lands (one
 *    Cosmos write): Bot Connector sends are not idempotent, so that item is sent again — at-least-once for that
 *    window, exactly-once everywhere else.
 *  - A 5xx is ambiguous in the same way; before each retry we re-read the ledger and stop if the items are no longer
 *    ours-and-unsent. A sender that throws is a crash: the claims are kept for takeover (or, for `onThrow: "release"`,
 *    let go so the caller can retry at once) and the error propagates.
 *  - Takeover is release-then-create. The sweep holds its lease, so no other sweep races it; two workflow instances
 *    taking over the same stale key in the same instant could both win (the same window as workflow-claims.ts).
 */
async function claim(deps: DeliveryDeps, key: LedgerKey, claimant: string): Promise<Claim> {
  const at = deps.clock.now();
  if (await deps.ledger.claim(key, claimant, at.toISOString())) return "ours";
  const doc = await deps.ledger.get(key);
  if (doc?.state === "sent") return "duplicate";
  // The same key twice within one sweep is one item.
  if (doc?.sweepId === claimant) return "duplicate";
  const cutoff = new Date(at.getTime() - deps.graceMs).toISOString();
  if (doc && doc.state === "claimed" && doc.claimedAt >= cutoff) return "in-flight";
  // Stale or failed claim (or released meanwhile): take it over; create-if-absent still picks one winner.
  if (doc) await deps.ledger.release(key);
  return (await deps.ledger.claim(key, claimant, at.toISOString())) ? "ours" : "in-flight";
}

export interface CardToDeliver<K extends LedgerKey> {
  /** Who claims: the sweep's id, or one id per notification attempt. A repeat of the same claimant is a duplicate. */
  claimant: string;
  target: SendTarget;
  items: readonly K[];
  /** The card for the items this delivery now owns. */
  card(items: readonly K[]): Record<string, unknown>;
  /** The disclosure audited once the card is delivered (DPA 2018 s.62). */
  disclosure: Omit<AuditEntryInput, "operation">;
  /** A workflow notification: ahead of queued sweep cards, with retries short enough for a Teams turn. */
  interactive?: boolean;
  /** What a throwing sender does to the claims: kept for takeover after the grace period (default), or released. */
  onThrow?: "keep" | "release";
}

export interface Delivered {
  /** Each item's outcome, keyed by ledger id. */
  outcomes: Map<string, ItemOutcome>;
  /** The sender's answer, when a card was sent at all. */
  result?: DeliveryResult;
}

/** Claims the items, sends one card with the ones this delivery now owns (rate-limited), and settles the ledger. */
export async function deliverOnce<K extends LedgerKey>(deps: DeliveryDeps, d: CardToDeliver<K>): Promise<Delivered> {
  const outcomes = new Map<string, ItemOutcome>();
  const ours: K[] = [];
  const claims = await Promise.all(d.items.map((item) => claim(deps, item, d.claimant)));
  d.items.forEach((item, n) => {
    const c = claims[n];
    if (c === "ours") ours.push(item);
    else outcomes.set(ledgerId(item), c === "duplicate" ? "duplicate" : "deferred");
  });
  if (ours.length === 0) return { outcomes };

  const stillOwed = async () => {
    const docs = await Promise.all(ours.map((k) => deps.ledger.get(k)));
    return docs.every((doc) => doc?.state === "claimed" && doc.sweepId === d.claimant);
  };
  let result: DeliveryResult;
  try {
    result = await deps.sender.deliver(d.target, d.card(ours), { stillOwed, ...(d.interactive ? { interactive: true } : {}) });
  } catch (err) {
    if (d.onThrow === "release") await Promise.all(ours.map((k) => deps.ledger.release(k)));
    throw err;
  }
  const settle = (o: ItemOutcome) => { for (const k of ours) outcomes.set(ledgerId(k), o); };
  switch (result.status) {
    case "sent": {
      const at = deps.clock.now();
      await Promise.all(ours.map((k) => deps.ledger.markSent(k, at.toISOString())));
      await deps.audit.append({ ...d.disclosure, operation: "disclosure" }, at);
      settle("sent");
      break;
    }
    case "dead":
      // Not delivered and never will be to this chat: free the keys so a re-routed plan owns its own items.
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
  return { outcomes, result };
}
