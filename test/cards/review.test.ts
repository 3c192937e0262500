import assert from "node:assert/strict";
import { buildReviewCard, reviewFormAfterRefusal, reviewInputFromAction, reviewSubmitAction, reviewVerbs, type ReviewCardData } from "../../cards/review";
import { wordsOf } from "./card-words";
import { assertValidAdaptiveCard, inputsIn, verbsIn } from "./validate-adaptive-card";

type Json = Record<string, unknown>;
const sample: ReviewCardData = {
  ref: "CF/00001/26", offenceCategory: "Indecent images of children", risk: "medium", oicId: "dc1", oicName: "DC Smith",
  today: "2026-03-10", lastUpdatedOn: "2026-02-03", daysSinceUpdate: 35, lastReviewedOn: "2026-02-20", daysSinceReview: 18,
  reviewDueOn: "2026-03-06", reviewOverdueDays: 4,
  bail: { kind: "pre-charge", endsOn: "2026-04-06", daysLeft: 27, lapsed: false, treatedAsExtended: false, band: "later", authority: "inspector", authorityWarnFrom: "2026-03-23" },
  forensicsDays: 57, forensicsOverdue: false,
  lastReview: { id: "review-abc", on: "2026-02-20", reviewerName: "DS Khan", outcome: "actions-set", actions: [{ text: "Chase the lab", ownerName: "DC Smith", targetOn: "2026-03-01" }] },
  owners: [{ id: "dc1", name: "DC Smith" }, { id: "dc2", name: "DC Brown" }, { id: "ds1", name: "DS Khan" }],
  cadenceDays: { "very-high": 7, high: 7, medium: 14, low: 14 },
  maxNextReviewOn: "2026-04-07",
};

const valueOf = (card: unknown, id: string) => inputsIn(card).find((i) => i.id === id)?.value;
/** What Teams posts for "Save review": the button's data plus every input's value. */
const submitted = (card: Json, typed: Record<string, string>) => {
  const action = (card.actions as Json[])[0]!;
  const values = Object.fromEntries(inputsIn(card).map((i) => [String(i.id), String(i.value ?? "")]));
  return reviewSubmitAction.parse({ ...values, ...typed, ...(action.data as Json), verb: action.verb });
};

describe("buildReviewCard", () => {
  it("renders a valid Adaptive Card 1.5 whose only button saves the review", () => {
    const card = buildReviewCard(sample);
    assertValidAdaptiveCard(card);
    assert.deepEqual(verbsIn(card), ["submit-review"]);
    assert.ok(verbsIn(card).every((v) => (reviewVerbs as readonly string[]).includes(v)));
  });

  it("shows the case facts, bail deadline, forensics wait and the last review's actions", () => {
    const words = wordsOf(buildReviewCard(sample));
    assert.match(words, /Review CF\/00001\/26/);
    assert.match(words, /Officer in charge \| DC Smith/);
    assert.match(words, /Last update \| Tue 3 Feb 2026 \(35 days ago\)/);
    assert.match(words, /Last review \| Fri 20 Feb 2026 \(18 days ago\)/);
    assert.match(words, /Bail \| Bail ends Mon 6 Apr 2026 \(in 27 days\); extension needs an inspector/);
    assert.match(words, /Forensics \| waiting 57 days/);
    assert.match(words, /- Chase the lab \(DC Smith, by Sun 1 Mar 2026\)/);
  });

  it("offers five action rows whose owner defaults to the OIC, and the risk preset to the current one", () => {
    const card = buildReviewCard(sample);
    assert.deepEqual([1, 2, 3, 4, 5].map((n) => valueOf(card, `a${n}Owner`)), ["dc1", "dc1", "dc1", "dc1", "dc1"]);
    assert.equal(valueOf(card, "risk"), "medium");
    assert.equal(valueOf(card, "nextReviewOn"), undefined, "blank: the service applies the cadence for the chosen risk");
  });

  it("posts the card's basis review with the inputs, which become the service input without blank rows", () => {
    const action = submitted(buildReviewCard(sample), { outcome: "actions-set", a1Text: "Chase lab", a3Text: "Statement", a3Owner: "dc2", a3Target: "2026-03-20" });
    assert.equal(action.basisReviewId, "review-abc");
    assert.deepEqual(reviewInputFromAction(action), {
      basisReviewId: "review-abc", outcome: "actions-set", risk: "medium",
      actions: [{ text: "Chase lab", ownerId: "dc1" }, { text: "Statement", ownerId: "dc2", targetOn: "2026-03-20" }],
    });
  });

  it("draws a refused form again with the inputs as typed and each reason against its field", () => {
    const action = submitted(buildReviewCard(sample), { outcome: "actions-set", a1Text: "Chase lab", a3Text: "Statement", a3Target: "2026-03-01", nextReviewOn: "2026-05-01" });
    const form = reviewFormAfterRefusal(action, [
      { field: "actions.1.targetOn", reason: "is in the past (today is 2026-03-10)" },
      { field: "nextReviewOn", reason: "is more than 28 days away" },
    ]);
    const card = buildReviewCard({ ...sample, form });
    assertValidAdaptiveCard(card);
    assert.equal(valueOf(card, "a3Target"), "2026-03-01");
    assert.equal(valueOf(card, "a3Text"), "Statement");
    assert.equal(valueOf(card, "nextReviewOn"), "2026-05-01");
    assert.equal(valueOf(card, "outcome"), "actions-set");
    const words = wordsOf(card);
    assert.match(words, /Not saved\. Please correct:/);
    assert.match(words, /- Action 3 target date: is in the past/);
    assert.match(words, /- Next review: is more than 28 days away/);
  });
});
