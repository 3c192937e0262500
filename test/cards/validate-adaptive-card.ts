import assert from "node:assert/strict";
import { cardAction } from "../../cards/card-actions";

// The package's ESM build imports extensionless paths Node cannot resolve; its UMD bundle loads (and parses) without
// a DOM, and has the same API as the typed entry point.
const AC = require("adaptivecards/dist/adaptivecards.js") as typeof import("adaptivecards");

type Json = Record<string, unknown>;

/** Every object in a card that `pick` accepts, in document order (a container before what it contains). */
export function nodesIn(node: unknown, pick: (o: Json) => boolean, out: Json[] = []): Json[] {
  if (Array.isArray(node)) node.forEach((n) => nodesIn(n, pick, out));
  else if (node && typeof node === "object") {
    const o = node as Json;
    if (pick(o)) out.push(o);
    Object.values(o).forEach((v) => nodesIn(v, pick, out));
  }
  return out;
}

const ofKind = (prefix: string) => (o: Json) => typeof o.type === "string" && o.type.startsWith(prefix);
const actionsIn = (card: unknown): Json[] => nodesIn(card, ofKind("Action."));

/** The card's fields (`Input.*` elements), in document order. */
export const inputsIn = (card: unknown): Json[] => nodesIn(card, ofKind("Input."));

/** The card's buttons (`Action.Execute`), in document order. */
export const buttonsIn = (card: unknown): Json[] => nodesIn(card, (o) => o.type === "Action.Execute");

/** Enum values are case-insensitive in the schema and the serialiser writes "Warning" for "warning". */
const ENUM_KEYS = new Set(["color", "size", "weight", "spacing", "style", "horizontalAlignment", "verticalContentAlignment", "width", "height", "fontType", "imageSize", "mode"]);

/** Compares what matters: enum casing folded, empty arrays (which the serialiser omits) removed. */
function canonical(node: unknown, key?: string): unknown {
  if (Array.isArray(node)) return node.map((n) => canonical(n));
  if (node && typeof node === "object") {
    const entries = Object.entries(node as Json)
      .filter(([, v]) => !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => [k, canonical(v, k)] as const);
    return Object.fromEntries(entries);
  }
  return typeof node === "string" && key !== undefined && ENUM_KEYS.has(key) ? node.toLowerCase() : node;
}

/**
 * Checks a card against Adaptive Cards 1.5 with the `adaptivecards` package's own parser, and more strictly than it:
 * 1. parsing as 1.5 raises no event (unknown element or action types, invalid enum values such as colours);
 * 2. the parser's own serialisation equals the card, so no property was unknown, misplaced or normalised away;
 * 3. no template expression was left unexpanded;
 * 4. every `Action.Execute` has a title and a verb, and its data parses as a `cardAction` the bot handles.
 */
export function assertValidAdaptiveCard(card: Json): void {
  assert.equal(card.type, "AdaptiveCard");
  assert.equal(card.version, "1.5");
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  assert.deepEqual(events, [], "the Adaptive Cards parser reported problems");
  assert.deepEqual(parsed.validateProperties().validationEvents.map((e) => e.message), []);
  assert.deepStrictEqual(canonical(parsed.toJSON(context)), canonical(card), "the parser dropped or changed something: unknown or invalid property");
  assert.doesNotMatch(JSON.stringify(card), /\$\{/, "a template expression was left unexpanded");
  for (const action of actionsIn(card)) {
    assert.equal(action.type, "Action.Execute", "Teams cards here only use Action.Execute");
    assert.ok(typeof action.title === "string" && action.title.length > 0, "every button has a title");
    const result = cardAction.safeParse({ ...(action.data as Json | undefined), verb: action.verb });
    assert.ok(result.success, `button "${String(action.title)}" sends data the bot refuses: ${JSON.stringify(action)}`);
  }
}

/** The verbs a card's buttons use, for checking them against the builder's declared verbs. */
export function verbsIn(card: Json): string[] {
  return [...new Set(actionsIn(card).map((a) => String(a.verb)))].sort();
}
