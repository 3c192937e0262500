import type { IsoDate } from "../../domain/dates";
import type { Officer } from "../../domain/officer";
import { ConcurrencyError } from "../../platform/errors";
import type { Policy } from "../../domain/policy";
import { ledgerId, type LedgerKey, type NotificationLedger } from "../../store/notification-ledger";
import type { OfficerRepository } from "../../store/officer-repository";
import { londonTimeLabel } from "../labels/london-time-label";
import type { Acknowledgement } from "./acknowledgement-view";

export type RecordOutcome = { first: boolean; ack: Acknowledgement };

export type AckKind = "mark-seen";

/**
 * One-time card actions (e.g. "mark as seen"), recorded once however often Teams redelivers the invoke or people
 * click. Backed by the notification ledger's create-if-absent: the key is (card-action kind, subject, day) with a
 * fixed recipient, so a second click, by anyone, finds the first. The ledger has no actor field, so the actor is
 * kept in `sweepId` as "actor:<officer id>". `now` is the turn's instant: what a click records, and what "10:42"
 * (today) or "3 Mar 10:42" (another day) is worded against.
 */
export interface Acknowledgements {
  record(kind: AckKind, subjectId: string, on: IsoDate, actor: Officer, now: Date): Promise<RecordOutcome>;
  find(kind: AckKind, subjectId: string, on: IsoDate, now: Date): Promise<Acknowledgement | undefined>;
}

const ACTOR_PREFIX = "actor:";
const keyOf = (kind: AckKind, subjectId: string, on: IsoDate): LedgerKey => ({ kind: `card-action:${kind}`, subjectId, dueOn: on, recipientId: "card" });

export function createAcknowledgements(deps: { ledger: NotificationLedger; officers: OfficerRepository; policy: Policy }): Acknowledgements {
  const describe = async (byId: string, at: string, now: Date): Promise<Acknowledgement> => {
    const by = await deps.officers.get(byId);
    return { byId, byName: by ? `${by.rank} ${by.name}` : "a former officer", at, atLabel: londonTimeLabel(at, now, deps.policy.timeZone) };
  };
  const find = async (kind: AckKind, subjectId: string, on: IsoDate, now: Date) => {
    const doc = await deps.ledger.get(keyOf(kind, subjectId, on));
    if (!doc || !doc.sweepId.startsWith(ACTOR_PREFIX)) return undefined;
    return describe(doc.sweepId.slice(ACTOR_PREFIX.length), doc.claimedAt, now);
  };
  return {
    find,
    record: async (kind, subjectId, on, actor, now) => {
      const at = now.toISOString();
      if (await deps.ledger.claim(keyOf(kind, subjectId, on), `${ACTOR_PREFIX}${actor.id}`, at)) {
        return { first: true, ack: await describe(actor.id, at, now) };
      }
      const existing = await find(kind, subjectId, on, now);
      // A lost claim means a document exists; if it has gone since, someone released it: the caller may retry.
      if (!existing) throw new ConcurrencyError("card action", ledgerId(keyOf(kind, subjectId, on)));
      return { first: false, ack: existing };
    },
  };
}
