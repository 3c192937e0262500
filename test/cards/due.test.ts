import assert from "node:assert/strict";
import { buildDueCard, dueCardVerbs } from "../../cards/due";
import { dueSample } from "./card-samples";
import { wordsOf } from "./card-words";
import { assertValidAdaptiveCard, verbsIn } from "./validate-adaptive-card";

describe("buildDueCard", () => {
  it("renders a valid Adaptive Card 1.5 using only its declared verbs", () => {
    const card = buildDueCard(dueSample);
    assertValidAdaptiveCard(card);
    assert.deepEqual(verbsIn(card), [...dueCardVerbs].sort());
  });

  it("lists overdue items first, then the next 7 days with the authority a bail extension needs", () => {
    const words = wordsOf(buildDueCard(dueSample));
    assert.match(words, /Overdue \| Tue 17 Feb 2026 · Supervisory review.*Due by Tue 10 Mar 2026 \| Thu 5 Mar 2026 · Pre-charge bail ends \(extension needs inspector\)/);
    assert.match(words, /KIRAT first action.*…and 4 more/);
  });

  it("says so when nothing is due", () => {
    const card = buildDueCard({ ...dueSample, overdue: [], upcoming: [], moreUpcoming: 0 });
    assertValidAdaptiveCard(card);
    assert.match(wordsOf(card), /Nothing is overdue or due in the next 7 days/);
  });
});
