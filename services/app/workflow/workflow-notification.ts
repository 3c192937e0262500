import type { AdaptiveCardJson } from "../../../cards/expand-card";
import type { IsoDate } from "../../domain/dates";
import type { Officer } from "../../domain/officer";
import { routeRecipient } from "../../rules/routing";
import type { LedgerKey } from "../../store/notification-ledger";

export type NotificationReason = "review-escalated" | "review-actions" | "progress-help" | "plan-proposed" | "plan-acknowledged";

/**
 * A card the bot must send proactively after a workflow step. `key` is a notification-ledger key, deterministic for
 * the step and recipient, so a redelivered invoke or a retried send delivers it once (claim the key, send, mark sent).
 */
export type WorkflowNotification = {
  recipientOfficerId: string;
  reason: NotificationReason;
  key: LedgerKey;
  card: AdaptiveCardJson;
};

/**
 * Where a workflow card for `intendedId` goes today: the same routing as the sweep (an absent officer's items go to
 * their cover or supervisor, docs/domain-rules.md §6). Undefined when nobody can take it, or when it would come back to the
 * person who just acted, who already sees the result on their own card.
 */
export function recipientFor(intendedId: string | undefined, officers: ReadonlyMap<string, Officer>, today: IsoDate, actorId: string): string | undefined {
  if (intendedId === undefined) return undefined;
  const to = routeRecipient(intendedId, officers, today).recipientId;
  return to === actorId ? undefined : to;
}

export function notificationKey(reason: NotificationReason, subjectId: string, on: IsoDate, recipientId: string): LedgerKey {
  return { kind: `workflow-card:${reason}`, subjectId, dueOn: on, recipientId };
}
