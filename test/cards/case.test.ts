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

  /** Every button title, the body's action set first, then the card's own actions. */
  const buttons = (card: unknown): string[] => [...JSON.stringify(card).matchAll(/"type":"Action\.Execute","title":"([^"]+)"/g)].map((m) => m[1]!);

  it("offers a supervisor Review now, Confirm progress and Reassign on an open case", () => {
    assert.deepEqual(buttons(buildCaseCard(caseDetailSample)), ["Review now", "Confirm progress", "Reassign", "Refresh", "My cases", "Status"]);
  });

  it("offers the officer in charge Confirm progress only: nobody reviews or reassigns their own case", () => {
    const card = buildCaseCard({ ...caseDetailSample, viewerRole: "oic" });
    assertValidAdaptiveCard(card);
    assert.deepEqual(buttons(card), ["Confirm progress", "Refresh", "My cases", "Status"]);
  });

  it("offers no workflow buttons on a closed case", () => {
    for (const viewerRole of ["oic", "supervisor"] as const) {
      assert.deepEqual(buttons(buildCaseCard({ ...caseDetailSample, status: "closed", viewerRole })), ["Refresh", "My cases", "Status"]);
    }
  });

  it("keeps the crime reference verbatim in the heading and the refresh button", () => {
    const card = buildCaseCard({ ...caseDetailSample, ref: "ab/0007/2026 X" });
    assert.match(JSON.stringify(card), /"text":"ab\/0007\/2026 X"/);
    for (const verb of ["open-case", "review", "confirm-progress", "choose-reassign"]) {
      assert.match(JSON.stringify(card), new RegExp(`"verb":"${verb}",(?:"style":"positive",)?"data":\\{"ref":"ab\\/0007\\/2026 X"\\}`), verb);
    }
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
