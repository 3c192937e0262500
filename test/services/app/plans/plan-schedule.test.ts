import assert from "node:assert/strict";
import { missedCheckpoints, nextCheckpointOn, planCheckpoints } from "../../../../services/app/plans/plan-schedule";

describe("plan schedule", () => {
  const table: { name: string; start: string; every: number; end: string; expected: string[] }[] = [
    { name: "8 weeks every 14 days ends on the last checkpoint", start: "2026-03-10", every: 14, end: "2026-05-05", expected: ["2026-03-24", "2026-04-07", "2026-04-21", "2026-05-05"] },
    { name: "a cadence that does not divide the plan adds the end as the closing checkpoint", start: "2026-03-10", every: 14, end: "2026-04-10", expected: ["2026-03-24", "2026-04-07", "2026-04-10"] },
    { name: "across the March DST change days stay calendar days", start: "2026-03-20", every: 7, end: "2026-04-03", expected: ["2026-03-27", "2026-04-03"] },
    { name: "a month end", start: "2026-01-31", every: 14, end: "2026-02-28", expected: ["2026-02-14", "2026-02-28"] },
    { name: "a cadence as long as the plan has one checkpoint", start: "2026-03-10", every: 21, end: "2026-03-31", expected: ["2026-03-31"] },
  ];
  for (const row of table) {
    it(row.name, () => assert.deepEqual(planCheckpoints(row.start, row.every, row.end), row.expected));
  }

  it("keeps the earliest unrecorded checkpoint as the next one, so a missed one stays due", () => {
    const checkpoints = [
      { dueOn: "2026-03-24", recordedAt: "2026-03-24T09:00:00Z" },
      { dueOn: "2026-04-07" },
      { dueOn: "2026-04-21" },
    ];
    assert.equal(nextCheckpointOn({ checkpoints }), "2026-04-07");
    assert.equal(missedCheckpoints({ checkpoints }, "2026-04-07"), 0, "not missed on its own day");
    assert.equal(missedCheckpoints({ checkpoints }, "2026-04-22"), 2);
    assert.equal(nextCheckpointOn({ checkpoints: checkpoints.map((c) => ({ ...c, recordedAt: "x" })) }), undefined);
  });
});
