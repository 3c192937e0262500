import { Template } from "adaptivecards-templating";

/** An Adaptive Card as JSON, ready to attach to an activity. */
export type AdaptiveCardJson = Record<string, unknown> & { type: "AdaptiveCard"; version: string };

/**
 * Expands an adaptivecards-templating template with already-validated data. Values are bound, never re-parsed as
 * template expressions, so text from the store cannot inject template syntax.
 */
export function expandCard(template: object, data: object): AdaptiveCardJson {
  const card = new Template(template).expand({ $root: data }) as AdaptiveCardJson;
  return card;
}
