import assert from "node:assert/strict";
import { buildReviewSummaryCard } from "../../cards/review-summary";
import type { ReviewSummaryView } from "../../services/app/reviews/review-view";
import { wordsOf } from "./card-words";
import { assertValidAdaptiveCard, verbsIn } from "./validate-adaptive-card";

const sample: ReviewSummaryView = {
  audience: "everyone", ref: "CF/00001/26", offenceCategory: "Indecent images of children",
  reviewerName: "DS Khan", reviewedAt: "2026-03-10T10:42:00.000Z", atLabel: "10:42",
  outcome: "escalate", risk: "high", previousRisk: "medium", nextReviewOn: "2026-03-17", actionCount: 2,
  actions: [{ text: "Chase the lab", ownerName: "DC Smith", targetOn: "2026-03-13" }, { text: "Take statement", ownerName: "DC Brown", targetOn: "2026-03-17" }],
  note: "Bail and forensics both at risk",
};

describe("buildReviewSummaryCard", () => {
  it("freezes the review for everyone as read-only words with no free text (group chats see it)", () => {
    const card = buildReviewSummaryCard(sample);
    assertValidAdaptiveCard(card);
    assert.deepEqual(verbsIn(card), []);
    const words = wordsOf(card);
    assert.match(words, /^Reviewed by DS Khan at 10:42/);
    assert.match(words, /Outcome \| Escalate to inspector/);
    assert.match(words, /Risk \| High \(was Medium\)/);
    assert.match(words, /Next review \| Tue 17 Mar 2026/);
    assert.match(words, /Next actions \| 2 set/);
    assert.doesNotMatch(words, /Chase the lab|Take statement|Bail and forensics/);
  });

  it("says 'Already reviewed' for a repeated click and 'case closed' for an NFA", () => {
    const { nextReviewOn, ...closed } = sample;
    void nextReviewOn;
    const words = wordsOf(buildReviewSummaryCard({ ...closed, outcome: "close-nfa", already: true }));
    assert.match(words, /^Already reviewed by DS Khan at 10:42/);
    assert.match(words, /Next review \| none: case closed/);
  });

  it("puts the escalation, every action and the note in front of the inspector, with a Review now button", () => {
    const card = buildReviewSummaryCard({ ...sample, audience: "inspector" });
    assertValidAdaptiveCard(card);
    assert.deepEqual(verbsIn(card), ["review"]);
    const words = wordsOf(card);
    assert.match(words, /^Escalated to you: CF\/00001\/26 reviewed by DS Khan at 10:42/);
    assert.match(words, /- Chase the lab \(DC Smith, by Fri 13 Mar 2026\) \| - Take statement/);
    assert.match(words, /Bail and forensics both at risk/);
  });

  it("gives an owner their own actions and a button to confirm progress", () => {
    const card = buildReviewSummaryCard({ ...sample, audience: "owner", actions: [sample.actions![0]!] });
    assertValidAdaptiveCard(card);
    assert.deepEqual(verbsIn(card), ["confirm-progress"]);
    const words = wordsOf(card);
    assert.match(words, /^New actions for you on CF\/00001\/26/);
    assert.match(words, /Your actions \| - Chase the lab/);
    assert.doesNotMatch(words, /Bail and forensics/);
  });
});
