import assert from "node:assert/strict";
import { actionPlanFormAfterRefusal, buildActionPlanCard, planInputFromAction, planProposeAction, type ActionPlanCardData } from "../../cards/action-plan";
import { wordsOf } from "./card-words";
import { assertValidAdaptiveCard, inputsIn, verbsIn } from "./validate-adaptive-card";

const sample: ActionPlanCardData = {
  officerId: "dc1", officerName: "DC Smith", staleCases: 3, today: "2026-03-10",
  defaultEndsOn: "2026-05-05", maxEndsOn: "2026-06-09", defaultCheckpointEveryDays: 14,
};

describe("buildActionPlanCard", () => {
  it("renders a valid Adaptive Card 1.5 form that sends the plan to the officer", () => {
    const card = buildActionPlanCard(sample);
    assertValidAdaptiveCard(card);
    assert.deepEqual(verbsIn(card), ["propose-plan"]);
    const words = wordsOf(card);
    assert.match(words, /^Action plan for DC Smith \| Suggested: 3 stale cases/);
    assert.match(words, /Blank: a checkpoint every 14 days, ending Tue 5 May 2026\. The plan may end Tue 9 Jun 2026 at the latest\./);
    assert.equal(inputsIn(card).filter((i) => String(i.id).endsWith("Text")).length, 5);
  });

  it("turns the posted fields into the service input, skipping untouched objectives and blanks", () => {
    const action = planProposeAction.parse({
      verb: "propose-plan", officerId: "dc1", o1Text: "Update reports", o1Measure: "None over 14 days", o1Target: "",
      o2Text: "", o2Measure: "", o3Text: "Clear backlog", o3Measure: "Weekly", o3Target: "2026-04-20",
      support: "Weekly 1:1", checkpointEveryDays: "7", endsOn: "",
    });
    assert.deepEqual(planInputFromAction(action), {
      officerId: "dc1",
      objectives: [{ text: "Update reports", measure: "None over 14 days" }, { text: "Clear backlog", measure: "Weekly", targetOn: "2026-04-20" }],
      support: "Weekly 1:1", checkpointEveryDays: "7",
    });
  });

  it("draws a refused form again as typed, with reasons naming the objective row", () => {
    const action = planProposeAction.parse({ verb: "propose-plan", officerId: "dc1", o1Text: "A", o1Measure: "B", o4Text: "C", o4Measure: "", endsOn: "2026-07-01", checkpointEveryDays: 10 });
    const form = actionPlanFormAfterRefusal(action, [
      { field: "objectives.1.measure", reason: "say how it will be measured" },
      { field: "endsOn", reason: "is more than 91 days away" },
    ]);
    const card = buildActionPlanCard({ ...sample, form });
    assertValidAdaptiveCard(card);
    const values = Object.fromEntries(inputsIn(card).map((i) => [i.id, i.value]));
    assert.deepEqual([values.o4Text, values.endsOn, values.checkpointEveryDays], ["C", "2026-07-01", 10]);
    assert.match(wordsOf(card), /Not sent\. Please correct: \| - Objective 4 measure: say how it will be measured \| - Ends on: is more than 91 days away/);
  });
});
