import { CardFactory, MessageFactory, type Activity, type InvokeResponse } from "botbuilder";
import type { AdaptiveCardJson } from "../cards/expand-card";

/** A message carrying one Adaptive Card. */
export function cardMessage(card: AdaptiveCardJson): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

/**
 * The `adaptiveCard/action` invoke response that replaces the clicked card for the person who clicked
 * (Universal Actions: HTTP 200 with an Adaptive Card body).
 */
export function cardInvokeResponse(card: AdaptiveCardJson): InvokeResponse {
  return { status: 200, body: { statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: card } };
}

/**
 * An `adaptiveCard/action` response that leaves the clicked card as it was and shows a short note under it; used when
 * the answer is posted as a new message instead.
 */
export function messageInvokeResponse(text: string): InvokeResponse {
  return { status: 200, body: { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: text } };
}
