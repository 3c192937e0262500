import assert from "node:assert/strict";
import { assertValidAdaptiveCard } from "./validate-adaptive-card";

const card = (body: unknown[], actions: unknown[] = []) => ({ $schema: "http://adaptivecards.io/schemas/adaptive-card.json", type: "AdaptiveCard", version: "1.5", body, actions });
const text = { type: "TextBlock", text: "Hello", wrap: true };

describe("assertValidAdaptiveCard (so the card tests can fail)", () => {
  it("accepts a plain 1.5 card", () => assertValidAdaptiveCard(card([text])));

  const broken: [string, Record<string, unknown>][] = [
    ["an unknown element type", card([{ type: "Carousel9" }])],
    ["an invalid colour", card([{ ...text, color: "purple" }])],
    ["a misspelt property", card([{ ...text, wrapp: true }])],
    ["a property on the wrong element", card([{ type: "FactSet", facts: [], text: "x" }])],
    ["an unexpanded template expression", card([{ ...text, text: "${name}" }])],
    ["another version", { ...card([text]), version: "1.6" }],
    ["an Action.Submit", card([text], [{ type: "Action.Submit", title: "Go" }])],
    ["a button without a title", card([text], [{ type: "Action.Execute", verb: "refresh", data: { view: "help" } }])],
    ["a button whose data the bot would refuse", card([text], [{ type: "Action.Execute", title: "Go", verb: "open-case", data: {} }])],
  ];
  for (const [what, c] of broken) {
    it(`refuses ${what}`, () => assert.throws(() => assertValidAdaptiveCard(c)));
  }
});
