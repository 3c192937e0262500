import assert from "node:assert/strict";
import { buildHandoverCard, handoverVerbs } from "../../cards/handover";
import { wordsOf } from "./card-words";
import { verbsIn } from "./validate-adaptive-card";
import { assertValidOversightCard, buttonsOf } from "../services/app/oversight-card-check";
import { handoverSample } from "../services/app/oversight-card-samples";

describe("buildHandoverCard", () => {
  it("renders a valid Adaptive Card 1.5 using only its declared verbs", () => {
    const card = buildHandoverCard(handoverSample);
    assertValidOversightCard(card);
    assert.ok(verbsIn(card).every((v) => (handoverVerbs as readonly string[]).includes(v)));
  });

  it("tells the new sergeant who they now supervise and each inherited case that needs them, with why", () => {
    const card = buildHandoverCard(handoverSample);
    const words = wordsOf(card);
    assert.match(words, /Handover to DS Priya Shah/);
    assert.match(words, /From DS Sam Khan · 2 officers now report to you/);
    assert.match(words, /15 open cases: 1 bail-critical · 1 reviews overdue · 1 stale · 1 high risk/);
    assert.match(words, /DC Carys Lloyd \| 10 of 6 cases \(at or over capacity\)/);
    assert.match(words, /Why: bail-critical, review overdue, stale, high risk/);
    assert.deepEqual(buttonsOf(card), ['open-case {"ref":"CF/01234/26"}']);
  });

  it("says so when nothing inherited needs attention", () => {
    const card = buildHandoverCard({ ...handoverSample, cases: [], counts: { open: 15, bail: 0, overdue: 0, stale: 0, highRisk: 0 } });
    assertValidOversightCard(card);
    assert.match(wordsOf(card), /None of the inherited cases is stale, overdue, high-risk or bail-critical/);
  });
});
