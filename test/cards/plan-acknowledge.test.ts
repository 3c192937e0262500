import assert from "node:assert/strict";
import { buildPlanAcknowledgeCard, planAcknowledgeAction, type PlanSummary } from "../../cards/plan-acknowledge";
import { wordsOf } from "./card-words";
import { assertValidAdaptiveCard, verbsIn } from "./validate-adaptive-card";

const planSample: PlanSummary = {
  planId: "plan-ZGMx-1", officerName: "DC Smith", proposerName: "DS Khan", status: "proposed",
  objectives: [
    { text: "Update every crime report fortnightly", measure: "No case over 14 days without an update", targetOn: "2026-05-05" },
    { text: "Clear the forensic backlog", measure: "Submissions chased weekly", targetOn: "2026-04-20" },
  ],
  support: "Weekly 1:1 with DS Khan", checkpointEveryDays: 14, startsOn: "2026-03-10", endsOn: "2026-05-05", nextCheckpointOn: "2026-03-24",
};

describe("buildPlanAcknowledgeCard", () => {
  it("gives the officer the whole plan and one button to acknowledge it", () => {
    const card = buildPlanAcknowledgeCard({ ...planSample, mode: "to-acknowledge" });
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
    const sent = buildPlanAcknowledgeCard({ ...planSample, mode: "sent" });
    assertValidAdaptiveCard(sent);
    assert.deepEqual(verbsIn(sent), []);
    assert.match(wordsOf(sent), /^Action plan sent to DC Smith to acknowledge/);
    const acked = buildPlanAcknowledgeCard({ ...planSample, status: "active", mode: "acknowledged", byName: "DC Smith", atLabel: "10:42", already: true });
    assert.deepEqual(verbsIn(acked), []);
    assert.match(wordsOf(acked), /^Already acknowledged by DC Smith at 10:42/);
  });
});
