/** Outcome of one proactive send, as the Bot Connector reported it. */
export type SendResult =
  | { ok: true; activityId?: string }
  | { ok: false; status: number; retryAfterMs?: number; code?: string };

/** Where a proactive card goes: a stored conversation reference (opaque outside bot/). */
export interface SendTarget {
  tenantId: string;
  aadObjectId: string;
  conversationId: string;
  reference: Record<string, unknown>;
}

/** Sends one Adaptive Card proactively. bot/proactive-sender.ts implements it over botbuilder; tests use fakes. */
export interface CardSender {
  send(target: SendTarget, card: Record<string, unknown>): Promise<SendResult>;
}
