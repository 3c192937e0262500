import assert from "node:assert/strict";
import { buildPlanCheckpointCard, checkpointFormAfterRefusal, checkpointInputFromAction, planCheckpointAction, planCloseAction, type PlanCheckpointCardData } from "../../cards/plan-checkpoint";
import { planSummarySample } from "./card-samples";
import { wordsOf } from "./card-words";
import { assertValidAdaptiveCard, inputsIn, nodesIn, verbsIn } from "./validate-adaptive-card";

type Json = Record<string, unknown>;
const record: PlanCheckpointCardData = { ...planSummarySample, status: "active", mode: "record", checkpointOn: "2026-03-24", missedCheckpoints: 1, history: [] };

describe("buildPlanCheckpointCard", () => {
  it("asks for a result and note per objective, with record and close buttons", () => {
    const card = buildPlanCheckpointCard(record);
    assertValidAdaptiveCard(card);
    assert.deepEqual(verbsIn(card), ["close-plan", "record-checkpoint"]);
    assert.deepEqual(inputsIn(card).map((i) => i.id), ["r1", "n1", "r2", "n2"]);
    assert.match(wordsOf(card), /^Action plan checkpoint for DC Smith, due Tue 24 Mar 2026 \| 1 checkpoint missed so far/);
    const closes = nodesIn(card, (o) => o.type === "Action.Execute" && o.verb === "close-plan");
    assert.ok(closes.every((c) => c.associatedInputs === "none"), "closing sends no checkpoint inputs");
    assert.deepEqual(closes.map((c) => planCloseAction.parse({ ...(c.data as Json), verb: c.verb }).outcome), ["completed", "extended", "referred"]);
  });

  it("posts one result per objective shown, leaving a blank one for the service to name", () => {
    const [button] = nodesIn(buildPlanCheckpointCard(record), (o) => o.type === "Action.Execute" && o.verb === "record-checkpoint");
    const action = planCheckpointAction.parse({ ...(button!.data as Json), r1: "met", n1: "Good", r2: "", n2: "", verb: "record-checkpoint" });
    assert.deepEqual(checkpointInputFromAction(action), { checkpointOn: "2026-03-24", results: [{ result: "met", note: "Good" }, {}] });
    const form = checkpointFormAfterRefusal(action, [{ field: "results.1.result", reason: "choose met, partly or not met" }]);
    const again = buildPlanCheckpointCard({ ...record, form });
    assertValidAdaptiveCard(again);
    assert.equal(nodesIn(again, (o) => o.id === "n1")[0]?.value, "Good");
    assert.match(wordsOf(again), /- Objective 2: choose met, partly or not met/);
  });

  it("shows a recorded checkpoint read-only with its results and the history", () => {
    const results = [{ result: "met" as const, note: "Reports weekly now" }, { result: "partly" as const }];
    const card = buildPlanCheckpointCard({
      ...record, mode: "recorded", nextCheckpointOn: "2026-04-07", results, byName: "DS Khan", atLabel: "10:42",
      history: [{ dueOn: "2026-03-24", byName: "DS Khan", results }],
    });
    assertValidAdaptiveCard(card);
    assert.deepEqual(verbsIn(card), ["close-plan"]);
    const words = wordsOf(card);
    assert.match(words, /^Checkpoint of Tue 24 Mar 2026 recorded by DS Khan at 10:42/);
    assert.match(words, /Met: Reports weekly now/);
    assert.match(words, /- Tue 24 Mar 2026 \(DS Khan\): 1 met, 1 partly met/);
  });

  it("has no buttons once the plan is closed", () => {
    const card = buildPlanCheckpointCard({ ...record, status: "referred", mode: "closed", byName: "DS Khan", atLabel: "22 Apr 10:00" });
    assertValidAdaptiveCard(card);
    assert.deepEqual(verbsIn(card), []);
    assert.match(wordsOf(card), /^Action plan for DC Smith closed by DS Khan at 22 Apr 10:00: Closed: referred to the formal procedure/);
  });
});
