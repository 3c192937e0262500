import type { IsoDate } from "../../domain/dates";
import type { Officer } from "../../domain/officer";
import { routeRecipient } from "../../rules/routing";
import type { LedgerKey } from "../../store/notification-ledger";
import type { WorkflowCardView } from "./workflow-view";

export type NotificationReason = "review-escalated" | "review-actions" | "progress-help" | "plan-proposed" | "plan-acknowledged";

/**
 * A notification intent: what the bot must render (`view`) and send proactively after a workflow step. `key` is a
 * notification-ledger key, deterministic for the step and recipient, so a redelivered invoke or a retried send
 * delivers it once (claim the key, send, mark sent). `about` is the record it discloses, for the audit entry.
 */
export type WorkflowNotification = {
  recipientOfficerId: string;
  reason: NotificationReason;
  key: LedgerKey;
  view: WorkflowCardView;
  about: { recordType: "case" | "action-plan"; recordId: string };
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
