import assert from "node:assert/strict";
import { describeCase } from "../../../../services/app/cases/case-line";
import type { CaseDoc } from "../../../../services/domain/case";
import type { Absence } from "../../../../services/domain/officer";
import { casesAtRisk, deadlinesDuring, windowOf } from "../../../../services/app/absence/absence-deadlines";
import { defaultPolicy } from "../../../../services/domain/policy";
import { freshCase, TODAY } from "../oversight-fixture";

const policy = defaultPolicy();
const line = (c: CaseDoc) => describeCase(c, undefined, policy, TODAY);
const bail = (endsOn: string, courtApplicationOn?: string) => ({
  bail: { kind: "pre-charge" as const, startedOn: "2025-12-20", endsOn, regime: "pcsc-2022" as const, ...(courtApplicationOn ? { courtApplicationOn } : {}) },
});
// Reviewed on 1 Apr so that its review (due 15 Apr) stays out of every window below unless a row says otherwise.
const base = { lastReviewedOn: "2026-04-01", lastUpdatedOn: "2026-03-09" };

describe("absence windows crossing deadlines", () => {
  const leave: Absence = { kind: "leave", from: "2026-03-12", to: "2026-03-16" };
  const rows: [name: string, absence: Absence, overrides: Partial<CaseDoc>, expected: string[]][] = [
    ["bail ending in the middle of the absence is at risk", leave, bail("2026-03-14"), ["bail-ends 2026-03-14"]],
    ["bail ending on the first day of the absence is at risk", leave, bail("2026-03-12"), ["bail-ends 2026-03-12"]],
    ["bail ending on the last day of the absence is at risk", leave, bail("2026-03-16"), ["bail-ends 2026-03-16"]],
    ["bail ending the day before the absence is not", leave, bail("2026-03-11"), []],
    ["bail ending the day after the absence is not", leave, bail("2026-03-17"), []],
    ["bail that lapsed after a sickness began (the seed) is listed", { kind: "sick", from: "2026-03-05", to: "2026-03-20" }, bail("2026-03-07"), ["bail-ends 2026-03-07"]],
    ["bail the court is deciding on (s.47ZJ) is not", leave, bail("2026-03-14", "2026-03-10"), []],
    ["an RUI review inside the absence is at risk", leave, { bail: { kind: "rui", since: "2026-02-12" } }, ["rui-review 2026-03-14"]],
    ["a supervisory review due inside the absence is at risk", leave, { lastReviewedOn: "2026-03-01" }, ["review 2026-03-15"]],
    ["an open-ended absence is checked 28 days ahead of today", { kind: "sick", from: "2026-03-01" }, bail("2026-04-07"), ["bail-ends 2026-04-07"]],
    ["and not a day further", { kind: "sick", from: "2026-03-01" }, bail("2026-04-08"), []],
  ];
  for (const [name, absence, overrides, expected] of rows) {
    it(name, () => {
      const found = deadlinesDuring(line(freshCase("T/1/26", "dc1", { ...base, ...overrides })), windowOf(absence, policy, TODAY));
      assert.deepEqual(found.map((d) => `${d.kind} ${d.on}`), expected);
    });
  }

  it("an open-ended absence starting after today is checked 28 days from its start", () => {
    assert.deepEqual(windowOf({ kind: "leave", from: "2026-03-20" }, policy, TODAY), { from: "2026-03-20", to: "2026-04-17", openEnded: true });
  });

  it("lists only cases with a deadline inside, bail first, then the soonest", () => {
    const w = windowOf(leave, policy, TODAY);
    const lines = [
      freshCase("R/1/26", "dc1", { ...base, lastReviewedOn: "2026-02-27" }), // review due 13 Mar
      freshCase("B/1/26", "dc1", { ...base, ...bail("2026-03-16") }),
      freshCase("N/1/26", "dc1", base),
      freshCase("B/2/26", "dc1", { ...base, ...bail("2026-03-13") }),
    ].map(line);
    assert.deepEqual(casesAtRisk(lines, w).map((r) => r.case.ref), ["B/2/26", "B/1/26", "R/1/26"]);
  });
});
