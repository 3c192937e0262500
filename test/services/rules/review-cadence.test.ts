import assert from "node:assert/strict";
import { defaultPolicy } from "../../../services/domain/policy";
import { defaultNextReview, kiratStatus, nextReviewDueOn, reviewStatus } from "../../../services/rules/review-cadence";
import { makeCase } from "../../support/fixtures";

const policy = defaultPolicy();

describe("review cadence", () => {
  const table: { name: string; c: Parameters<typeof makeCase>[0]; today: string; due: string; overdue: number; escalateOn: string; escalated: boolean }[] = [
    { name: "a medium case opened today is due in 14 days", c: { risk: "medium", openedOn: "2026-03-01" }, today: "2026-03-01", due: "2026-03-15", overdue: 0, escalateOn: "2026-03-29", escalated: false },
    { name: "a high case is due 7 days after its last review", c: { risk: "high", lastReviewedOn: "2026-03-10" }, today: "2026-03-17", due: "2026-03-17", overdue: 0, escalateOn: "2026-03-24", escalated: false },
    { name: "the day after the due date is one day overdue", c: { risk: "high", lastReviewedOn: "2026-03-10" }, today: "2026-03-18", due: "2026-03-17", overdue: 1, escalateOn: "2026-03-24", escalated: false },
    { name: "two cadences since the last review escalates to the inspector", c: { risk: "very-high", lastReviewedOn: "2026-03-10" }, today: "2026-03-24", due: "2026-03-17", overdue: 7, escalateOn: "2026-03-24", escalated: true },
    { name: "a reviewer's chosen next date counts when it is after the last review", c: { risk: "low", lastReviewedOn: "2026-03-10", nextReviewDueOn: "2026-04-07" }, today: "2026-04-08", due: "2026-04-07", overdue: 1, escalateOn: "2026-04-21", escalated: false },
    { name: "a stale stored next date from an earlier cycle is ignored", c: { risk: "low", lastReviewedOn: "2026-03-10", nextReviewDueOn: "2026-03-01" }, today: "2026-03-20", due: "2026-03-24", overdue: 0, escalateOn: "2026-04-07", escalated: false },
  ];
  for (const t of table) {
    it(t.name, () => {
      const s = reviewStatus(makeCase(t.c), policy, t.today);
      assert.deepEqual(
        { due: s.dueOn, overdue: s.overdueDays, escalateOn: s.escalateOn, escalated: s.escalated },
        { due: t.due, overdue: t.overdue, escalateOn: t.escalateOn, escalated: t.escalated },
      );
    });
  }

  it("a force that sets low risk to 28 days gets a 28-day cadence", () => {
    const p = structuredClone(policy);
    p.review.cadenceDays.low = 28;
    assert.equal(nextReviewDueOn(makeCase({ risk: "low", openedOn: "2026-01-31" }), p), "2026-02-28");
  });

  it("defaults the next review from the cadence for the new risk", () => {
    assert.equal(defaultNextReview("very-high", policy, "2026-03-27"), "2026-04-03");
    assert.equal(defaultNextReview("medium", policy, "2026-03-27"), "2026-04-10");
  });

  describe("KIRAT initial action", () => {
    const kirat: { name: string; grade: "very-high" | "high" | "medium" | "low"; firstActionOn?: string; today: string; due: string; met: boolean; overdue: boolean }[] = [
      { name: "very high must be actioned within 1 day", grade: "very-high", today: "2026-03-02", due: "2026-03-02", met: false, overdue: false },
      { name: "very high with no action after 1 day is overdue", grade: "very-high", today: "2026-03-03", due: "2026-03-02", met: false, overdue: true },
      { name: "high allows 7 days", grade: "high", today: "2026-03-05", due: "2026-03-08", met: false, overdue: false },
      { name: "medium actioned on day 14 is met", grade: "medium", firstActionOn: "2026-03-15", today: "2026-04-01", due: "2026-03-15", met: true, overdue: false },
      { name: "low actioned on day 31 missed the 30-day timescale", grade: "low", firstActionOn: "2026-04-01", today: "2026-04-02", due: "2026-03-31", met: false, overdue: true },
    ];
    for (const k of kirat) {
      it(k.name, () => {
        const s = kiratStatus(makeCase({ openedOn: "2026-03-01", referralGrade: k.grade, ...(k.firstActionOn ? { firstActionOn: k.firstActionOn } : {}) }), policy, k.today);
        assert.ok(s);
        assert.deepEqual({ due: s.dueOn, met: s.met, overdue: s.overdue }, { due: k.due, met: k.met, overdue: k.overdue });
      });
    }
    it("a case with no referral grade has no KIRAT deadline", () => assert.equal(kiratStatus(makeCase(), policy, "2026-03-01"), undefined));
  });
});
