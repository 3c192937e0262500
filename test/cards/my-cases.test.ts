import assert from "node:assert/strict";
import { buildMyCasesCard, myCasesCardVerbs } from "../../cards/my-cases";
import { myCasesSample } from "./card-samples";
import { wordsOf } from "./card-words";
import { assertValidAdaptiveCard, verbsIn } from "./validate-adaptive-card";

describe("buildMyCasesCard", () => {
  it("renders a valid Adaptive Card 1.5 with Open and Confirm progress buttons per case", () => {
    const card = buildMyCasesCard(myCasesSample);
    assertValidAdaptiveCard(card);
    assert.deepEqual(verbsIn(card), [...myCasesCardVerbs].sort());
    assert.equal((JSON.stringify(card).match(/"verb":"open-case"/g) ?? []).length, 2);
    const confirms = [...JSON.stringify(card).matchAll(/"title":"Confirm progress","verb":"confirm-progress","data":\{"ref":"([^"]+)"\}/g)].map((m) => m[1]);
    assert.deepEqual(confirms, myCasesSample.cases.map((c) => c.ref), "one per case, carrying its reference verbatim");
  });

  it("counts what did not fit and says when there is nothing", () => {
    assert.match(wordsOf(buildMyCasesCard(myCasesSample)), /4 open cases as officer in charge.*…and 2 more/);
    const empty = buildMyCasesCard({ ...myCasesSample, cases: [], more: 0 });
    assertValidAdaptiveCard(empty);
    assert.match(wordsOf(empty), /not the officer in charge of any open case/);
  });
});
