import { Template } from "adaptivecards-templating";

/** An Adaptive Card as JSON, ready to attach to an activity. */
export type AdaptiveCardJson = Record<string, unknown> & { type: "AdaptiveCard"; version: string };

/**
 * Parses an adaptivecards-templating template once and returns the function that expands it with already-validated
 * data. Parsing every `${…}` expression is most of a card's cost, so each card module compiles its template when it
 * loads rather than per card. Expansion is synchronous, so one compiled template serves every turn. Values are
 * bound, never re-parsed as template expressions, so text from the store cannot inject template syntax.
 */
export function compileCard(template: object): (data: object) => AdaptiveCardJson {
  const compiled = new Template(template);
  return (data) => compiled.expand({ $root: data }) as AdaptiveCardJson;
}
