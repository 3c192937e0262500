import assert from "node:assert/strict";
import { buildStatusCard, statusCardVerbs } from "../../cards/status";
import { wordsOf } from "./card-words";
import { statusViews } from "./card-samples";
import { assertValidAdaptiveCard, verbsIn } from "./validate-adaptive-card";

const seen = { byId: "ds1", byName: "DS Aisha Khan", at: "2026-03-03T10:42:00.000Z", atLabel: "10:42" };

describe("buildStatusCard", () => {
  for (const view of Object.values(statusViews)) {
    it(`renders the ${view.role} variant as a valid Adaptive Card 1.5 using only its declared verbs`, () => {
      const card = buildStatusCard({ view });
      assertValidAdaptiveCard(card);
      assert.ok(verbsIn(card).every((v) => (statusCardVerbs as readonly string[]).includes(v)));
    });
  }

  it("shows a sergeant's officers with capacity and absence, and the span of control over the limit", () => {
    const words = wordsOf(buildStatusCard({ view: statusViews.sergeant }));
    assert.match(words, /DC Jo Evans \(absent today\)/);
    assert.match(words, /Caseload 10 of 6 \(at or over capacity\)/);
    assert.match(words, /People you supervise \| 12 \(over the limit of 10\)/);
  });

  it("shows an inspector one line per team with over-capacity officers named", () => {
    const words = wordsOf(buildStatusCard({ view: statusViews.inspector }));
    assert.match(words, /DS Aisha Khan's team · 22 people/);
    assert.match(words, /Over capacity: DC Jo Evans · Span of control 22 \(limit 10\)/);
  });

  it("offers Mark as seen to a supervisor until it is done, then says by whom", () => {
    assert.deepEqual(verbsIn(buildStatusCard({ view: statusViews.sergeant })), ["mark-seen", "open-case", "refresh"], "no plan button unless suggested");
    const done = buildStatusCard({ view: statusViews.sergeant, seen, seenWording: "already" });
    assert.ok(!verbsIn(done).includes("mark-seen"));
    assert.match(wordsOf(done), /Already marked as seen by DS Aisha Khan at 10:42/);
  });

  it("offers Start action plan next to a suggested officer only, carrying that officer's id", () => {
    const card = buildStatusCard({ view: statusViews.sergeant, planSuggestions: [{ officerId: "dc3", staleCases: 3 }] });
    assertValidAdaptiveCard(card);
    assert.ok(verbsIn(card).includes("start-plan"));
    assert.match(JSON.stringify(card), /"title":"Start action plan","verb":"start-plan","data":\{"officerId":"dc3"\}/);
    assert.match(wordsOf(card), /DC Jo Evans \(absent today\) \| Caseload [^|]+ \| 3 stale cases: an action plan is suggested/);
    const other = buildStatusCard({ view: statusViews.sergeant, planSuggestions: [{ officerId: "someone-else", staleCases: 2 }] });
    assert.ok(!verbsIn(other).includes("start-plan"), "a suggestion for an officer not on the card draws nothing");
  });

  it("freezes to a read-only card with no buttons at all", () => {
    const frozen = buildStatusCard({ view: statusViews.sergeant, seen, frozen: true, planSuggestions: [{ officerId: "dc3", staleCases: 3 }] });
    assertValidAdaptiveCard(frozen);
    assert.deepEqual(verbsIn(frozen), []);
    assert.match(wordsOf(frozen), /Seen by DS Aisha Khan at 10:42/);
  });

  it("says a lapsed bail and a year-stale case in words", () => {
    const words = wordsOf(buildStatusCard({ view: statusViews.detective }));
    assert.match(words, /Bail LAPSED Sun 1 Mar 2026 · Review overdue 14 days \(escalated\) · No update for 400 days · Forensics waiting 122 days/);
    assert.match(words, /Your caseload \| 13 of 12 \(at or over capacity\)/);
  });

  it("refuses data that does not match its schema", () => {
    assert.throws(() => buildStatusCard({ view: { ...statusViews.detective, today: "3 March" } }), /YYYY-MM-DD/);
  });
});
