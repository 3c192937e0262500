import assert from "node:assert/strict";
import type { Bail } from "../../../services/domain/case";
import { defaultPolicy } from "../../../services/domain/policy";
import { bailStartFromArrest, bailStatus, type PreChargeBailStatus } from "../../../services/rules/bail-deadlines";
import { makeCase } from "../../support/fixtures";

const policy = defaultPolicy();

function preCharge(bail: Omit<Extract<Bail, { kind: "pre-charge" }>, "kind" | "regime"> & { regime?: "pcsc-2022" | "pca-2017" }, today: string): PreChargeBailStatus {
  const s = bailStatus(makeCase({ bail: { kind: "pre-charge", regime: "pcsc-2022", ...bail } }), policy, today);
  assert.equal(s?.kind, "pre-charge");
  return s as PreChargeBailStatus;
}

describe("bail deadlines", () => {
  const starts: [string, string][] = [["2026-03-10", "2026-03-11"], ["2026-01-31", "2026-02-01"], ["2026-12-31", "2027-01-01"], ["2026-03-28", "2026-03-29"]];
  for (const [arrest, start] of starts) it(`an arrest on ${arrest} starts bail the day after, ${start} (s.47ZB(4)(a))`, () => assert.equal(bailStartFromArrest(arrest), start));

  const steps: { name: string; startedOn: string; endsOn: string; authority: string; pointOn: string; warnFrom: string }[] = [
    { name: "the 3-month point needs an inspector, warned 14 days before", startedOn: "2026-01-31", endsOn: "2026-04-30", authority: "inspector", pointOn: "2026-04-30", warnFrom: "2026-04-16" },
    { name: "the 6-month point needs a superintendent, warned 21 days before", startedOn: "2026-01-31", endsOn: "2026-07-31", authority: "superintendent", pointOn: "2026-07-31", warnFrom: "2026-07-10" },
    { name: "the 9-month point needs the court, warned 28 days before", startedOn: "2026-01-31", endsOn: "2026-10-31", authority: "court", pointOn: "2026-10-31", warnFrom: "2026-10-03" },
    { name: "a period set short of the 3-month point warns before its own end", startedOn: "2026-03-01", endsOn: "2026-05-01", authority: "inspector", pointOn: "2026-06-01", warnFrom: "2026-04-17" },
    { name: "beyond 9 months every further extension is the court's", startedOn: "2026-01-01", endsOn: "2026-12-15", authority: "court", pointOn: "2026-12-15", warnFrom: "2026-11-17" },
  ];
  for (const s of steps) {
    it(s.name, () => {
      const st = preCharge({ startedOn: s.startedOn, endsOn: s.endsOn }, s.startedOn);
      assert.deepEqual(st.nextAuthorityStep, { authority: s.authority, pointOn: s.pointOn, warnFrom: s.warnFrom });
    });
  }

  it("PCA 2017 regime: 28 days, then a superintendent to 3 months, then the court", () => {
    const first = preCharge({ regime: "pca-2017", startedOn: "2022-09-01", endsOn: "2022-09-29" }, "2022-09-01");
    assert.deepEqual(first.nextAuthorityStep, { authority: "superintendent", pointOn: "2022-09-29", warnFrom: "2022-09-08" });
    const second = preCharge({ regime: "pca-2017", startedOn: "2022-09-01", endsOn: "2022-12-01" }, "2022-10-01");
    assert.deepEqual(second.nextAuthorityStep, { authority: "court", pointOn: "2022-12-01", warnFrom: "2022-11-03" });
  });

  const lapse: { name: string; today: string; courtApplicationOn?: string; lapsed: boolean; extended: boolean; daysLeft: number }[] = [
    { name: "the last day of the period is still on bail", today: "2026-04-30", lapsed: false, extended: false, daysLeft: 0 },
    { name: "the day after the end the bail has lapsed", today: "2026-05-01", lapsed: true, extended: false, daysLeft: -1 },
    { name: "a court application made in time keeps it alive (s.47ZJ)", today: "2026-05-10", courtApplicationOn: "2026-04-30", lapsed: false, extended: true, daysLeft: -10 },
    { name: "a court application made after the end cannot revive it", today: "2026-05-10", courtApplicationOn: "2026-05-01", lapsed: true, extended: false, daysLeft: -10 },
  ];
  for (const l of lapse) {
    it(l.name, () => {
      const st = preCharge({ startedOn: "2026-01-31", endsOn: "2026-04-30", ...(l.courtApplicationOn ? { courtApplicationOn: l.courtApplicationOn } : {}) }, l.today);
      assert.deepEqual({ lapsed: st.lapsed, extended: st.treatedAsExtended, daysLeft: st.daysLeft }, { lapsed: l.lapsed, extended: l.extended, daysLeft: l.daysLeft });
      assert.equal(st.nextAuthorityStep === undefined, l.extended);
    });
  }

  it("the warning window opens at the earliest of the 28-day warning and the authority warning", () => {
    assert.equal(preCharge({ startedOn: "2026-01-31", endsOn: "2026-04-30" }, "2026-02-01").warningFrom, "2026-04-02");
    assert.equal(preCharge({ startedOn: "2026-01-31", endsOn: "2026-10-31" }, "2026-02-01").warningFrom, "2026-10-03");
  });

  it("RUI is reviewed every 30 days from release", () => {
    assert.deepEqual(bailStatus(makeCase({ bail: { kind: "rui", since: "2026-01-01" } }), policy, "2026-03-05"),
      { kind: "rui", since: "2026-01-01", lastReviewDueOn: "2026-03-02", nextReviewOn: "2026-04-01" });
    assert.deepEqual(bailStatus(makeCase({ bail: { kind: "rui", since: "2026-01-01" } }), policy, "2026-01-20"),
      { kind: "rui", since: "2026-01-01", nextReviewOn: "2026-01-31" });
  });

  it("a case with no bail has no bail status", () => assert.equal(bailStatus(makeCase(), policy, "2026-01-01"), undefined));
});
