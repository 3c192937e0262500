import { z } from "zod";
import { isoDate } from "../domain/dates";

export const reminderKinds = [
  "review-due", "review-overdue", "review-escalation", "kirat-initial-action",
  "stale-oic", "stale-sergeant", "stale-inspector", "stale-red", "forensics-wait",
  "bail-warning", "bail-authority", "bail-lapsed", "victim-update", "rui-review",
  "plan-checkpoint", "plan-checkpoint-missed", "suggest-action-plan", "one-to-one", "tenure",
] as const;
export const reminderKind = z.enum(reminderKinds);
export type ReminderKind = z.infer<typeof reminderKind>;

export const urgencies = ["urgent", "action", "info"] as const;
export const urgency = z.enum(urgencies);
export type Urgency = z.infer<typeof urgency>;

export const reminderAction = z.enum([
  "review", "confirm-progress", "open-plan", "record-checkpoint", "victim-update", "authority", "one-to-one", "start-plan", "none",
]);
export type ReminderAction = z.infer<typeof reminderAction>;

/** Card facts are figures and dates only; never a person's name or case narrative (docs/domain-rules.md §8). */
export const reminderFacts = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
export type ReminderFacts = z.infer<typeof reminderFacts>;

/**
 * One thing one person should see. (kind, subjectId, dueOn, recipientId) is the exactly-once
 * ledger key: `dueOn` is the trigger date, so re-planning later returns the same key.
 */
export const reminderItem = z.object({
  kind: reminderKind,
  subjectType: z.enum(["case", "officer", "plan"]),
  /** Crime reference (verbatim), officer id or plan id. */
  subjectId: z.string(),
  dueOn: isoDate,
  recipientId: z.string(),
  intendedRecipientId: z.string(),
  urgency,
  action: reminderAction,
  facts: reminderFacts,
});
export type ReminderItem = z.infer<typeof reminderItem>;

export const digest = z.object({
  recipientId: z.string(),
  /** "now" for this sweep; otherwise the first day the items may be delivered. */
  sendOn: z.union([z.literal("now"), isoDate]),
  /** Urgent first, then action, then info. */
  items: z.array(reminderItem),
  groups: z.array(z.object({ urgency, items: z.array(reminderItem) })),
});
export type Digest = z.infer<typeof digest>;

/** The ledger key, stable across re-runs. */
export function reminderKey(i: Pick<ReminderItem, "kind" | "subjectId" | "dueOn" | "recipientId">): string {
  return [i.kind, i.subjectId, i.dueOn, i.recipientId].join("|");
}

export function urgencyRank(u: Urgency): number {
  return urgencies.indexOf(u);
}
