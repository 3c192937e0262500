import assert from "node:assert/strict";
import { buildPlanAcknowledgeCard, planAcknowledgeAction } from "../../cards/plan-acknowledge";
import { planSummarySample } from "./card-samples";
import { wordsOf } from "./card-words";
import { assertValidAdaptiveCard, verbsIn } from "./validate-adaptive-card";

describe("buildPlanAcknowledgeCard", () => {
  it("gives the officer the whole plan and one button to acknowledge it", () => {
    const card = buildPlanAcknowledgeCard({ ...planSummarySample, mode: "to-acknowledge" });
    assertValidAdaptiveCard(card);
    assert.deepEqual(verbsIn(card), ["acknowledge-plan"]);
    const words = wordsOf(card);
    assert.match(words, /^DS Khan has proposed an action plan for you/);
    assert.match(words, /Runs \| Tue 10 Mar 2026 to Tue 5 May 2026/);
    assert.match(words, /Checkpoints \| every 14 days; next Tue 24 Mar 2026/);
    assert.match(words, /2\. Clear the forensic backlog \(measure: Submissions chased weekly; by Mon 20 Apr 2026\)/);
    assert.match(words, /Support offered \| Weekly 1:1 with DS Khan/);
    const button = JSON.parse(JSON.stringify(card)).body.at(-1).actions[0];
    assert.deepEqual(planAcknowledgeAction.parse({ ...button.data, verb: button.verb }), { verb: "acknowledge-plan", planId: "plan-ZGMx-1" });
  });

  it("is read-only for the proposer's copy and once acknowledged", () => {
    const sent = buildPlanAcknowledgeCard({ ...planSummarySample, mode: "sent" });
    assertValidAdaptiveCard(sent);
    assert.deepEqual(verbsIn(sent), []);
    assert.match(wordsOf(sent), /^Action plan sent to DC Smith to acknowledge/);
    const acked = buildPlanAcknowledgeCard({ ...planSummarySample, status: "active", mode: "acknowledged", byName: "DC Smith", atLabel: "10:42", already: true });
    assert.deepEqual(verbsIn(acked), []);
    assert.match(wordsOf(acked), /^Already acknowledged by DC Smith at 10:42/);
  });
});
