import { createHash } from "node:crypto";
import type { IsoDate } from "../../domain/dates";
import type { NotificationDoc } from "../../domain/notification";
import { ConcurrencyError } from "../../platform/errors";
import { ledgerId, type LedgerKey, type NotificationLedger } from "../../store/notification-ledger";

/**
 * A one-time workflow step: "the review that follows review R on case C", "closing plan P", "this invoke". Two
 * attempts at the same slot are either the same invoke redelivered (same idempotency key) or a competitor.
 */
export type Slot = { kind: string; subjectId: string; on: IsoDate; slot: string };

export type Holder = { actorId: string; at: string; sameInvoke: boolean; settled: boolean };

export type Acquired =
  | { status: "ours"; settle(): Promise<void>; abandon(): Promise<void> }
  | { status: "held"; holder: Holder };

/**
 * `now` is the acting turn's instant (a turn reads the clock once and passes it down): it stamps the claim and,
 * against the grace period, decides whether an unsettled claim's holder has died.
 */
export interface WorkflowClaims {
  /** Read-only: who holds the slot, or undefined when it is free (or its holder died mid-way). */
  find(slot: Slot, idempotencyKey: string, now: Date): Promise<Holder | undefined>;
  /** Create-if-absent: exactly one caller gets "ours"; it must `settle()` after its writes or `abandon()` on failure. */
  acquire(slot: Slot, actorId: string, idempotencyKey: string, now: Date): Promise<Acquired>;
}

/** Short, fixed-length and free of ';', so it can sit in front of an officer id in one string. */
export function keyHash(idempotencyKey: string): string {
  return createHash("sha256").update(idempotencyKey, "utf8").digest("base64url").slice(0, 22);
}

const PREFIX = "key:";
const HASH_LENGTH = 22;
const ACTOR = ";actor:";

/*
 * Backed by the notification ledger's create-if-absent, as services/app/status/acknowledgements.ts does for "mark seen":
 * the ledger has no actor or key field, so both ride in `sweepId` as "key:<hash>;actor:<officer id>". Kinds are
 * prefixed "workflow:" so they can never collide with a reminder's ledger key.
 */
export function createWorkflowClaims(deps: { ledger: NotificationLedger; graceMs?: number }): WorkflowClaims {
  // A holder that neither settled nor abandoned within this long has died (Teams gives up on an invoke after 15 s).
  const graceMs = deps.graceMs ?? 60_000;
  const keyOf = (s: Slot): LedgerKey => ({ kind: `workflow:${s.kind}`, subjectId: s.subjectId, dueOn: s.on, recipientId: s.slot });

  const holderOf = (doc: NotificationDoc, idempotencyKey: string): Holder => {
    const stamp = doc.sweepId;
    const parsed = stamp.startsWith(PREFIX) && stamp.slice(PREFIX.length + HASH_LENGTH).startsWith(ACTOR);
    const hash = parsed ? stamp.slice(PREFIX.length, PREFIX.length + HASH_LENGTH) : "";
    return {
      actorId: parsed ? stamp.slice(PREFIX.length + HASH_LENGTH + ACTOR.length) : "unknown",
      at: doc.sentAt ?? doc.claimedAt,
      sameInvoke: hash === keyHash(idempotencyKey),
      settled: doc.state === "sent",
    };
  };
  const abandoned = (doc: NotificationDoc, now: Date) =>
    doc.state !== "sent" && Date.parse(doc.claimedAt) < now.getTime() - graceMs;

  const find = async (slot: Slot, idempotencyKey: string, now: Date) => {
    const doc = await deps.ledger.get(keyOf(slot));
    return doc && !abandoned(doc, now) ? holderOf(doc, idempotencyKey) : undefined;
  };

  return {
    find,
    acquire: async (slot, actorId, idempotencyKey, now) => {
      const key = keyOf(slot);
      const stamp = `${PREFIX}${keyHash(idempotencyKey)}${ACTOR}${actorId}`;
      for (let attempt = 0; attempt < 3; attempt++) {
        if (await deps.ledger.claim(key, stamp, now.toISOString())) {
          return {
            status: "ours",
            settle: () => deps.ledger.markSent(key, now.toISOString()),
            abandon: () => deps.ledger.release(key),
          };
        }
        const doc = await deps.ledger.get(key);
        if (doc && !abandoned(doc, now)) return { status: "held", holder: holderOf(doc, idempotencyKey) };
        // The holder died mid-way: clear its claim and compete again. (No doc: it let go just now; compete again.)
        if (doc) await deps.ledger.release(key);
      }
      throw new ConcurrencyError("workflow step", ledgerId(key));
    },
  };
}

/**
 * Runs the writes of a slot we hold: settles it when they all landed, and lets it go when any failed, so a redelivery
 * (or the corrected form) can try again. If letting go fails too, both errors are reported, not just the last.
 */
export async function completeClaim<T>(claim: Extract<Acquired, { status: "ours" }>, work: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await work();
  } catch (err) {
    try {
      await claim.abandon();
    } catch (releaseErr) {
      throw new AggregateError([err, releaseErr], "A workflow step failed and its claim could not be released.");
    }
    throw err;
  }
  await claim.settle();
  return result;
}
