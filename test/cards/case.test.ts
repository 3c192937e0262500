import assert from "node:assert/strict";
import { buildCaseCard, caseCardVerbs } from "../../cards/case";
import { caseDetailSample } from "./card-samples";
import { wordsOf } from "./card-words";
import { assertValidAdaptiveCard, verbsIn } from "./validate-adaptive-card";

describe("buildCaseCard", () => {
  it("renders a valid Adaptive Card 1.5 using only its declared verbs", () => {
    const card = buildCaseCard(caseDetailSample);
    assertValidAdaptiveCard(card);
    assert.deepEqual(verbsIn(card), [...caseCardVerbs].sort());
  });

  it("keeps the crime reference verbatim in the heading and the refresh button", () => {
    const card = buildCaseCard({ ...caseDetailSample, ref: "ab/0007/2026 X" });
    assert.match(JSON.stringify(card), /"text":"ab\/0007\/2026 X"/);
    assert.match(JSON.stringify(card), /"verb":"open-case","data":\{"ref":"ab\/0007\/2026 X"\}/);
  });

  it("shows dates, risk, officers and the last review, never free text", () => {
    const words = wordsOf(buildCaseCard(caseDetailSample));
    assert.match(words, /Officer in charge \| DC Ben Carter/);
    assert.match(words, /Last review \| Tue 10 Feb 2026 by DS Aisha Khan: actions set, 3 action\(s\)/);
    assert.match(words, /Next review \| overdue 14 days \(was due Tue 17 Feb 2026\)/);
    assert.match(words, /KIRAT first action \| High grade, due Sun 8 Dec 2024: OVERDUE/);
    assert.match(words, /Bail started \| Tue 2 Dec 2025 \(PCSC 2022 rules\)/);
  });
});
