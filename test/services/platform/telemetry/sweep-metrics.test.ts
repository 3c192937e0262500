import assert from "node:assert/strict";
import { emptyReport, type SweepReport } from "../../../../services/app/sweep/sweep-report";
import { sweepItemCounts } from "../../../../services/platform/telemetry/sweep-metrics";

const AT = new Date("2026-03-02T08:00:00Z");

describe("sweepItemCounts", () => {
  const table: { name: string; report: SweepReport; expect: ReturnType<typeof sweepItemCounts> }[] = [
    {
      name: "takes the four alerting figures from a completed sweep",
      report: { ...emptyReport("s", AT, "completed"), planned: 8, sent: 5, failed: 1, unreachable: 2, deferred: 2, skippedDuplicate: 0 },
      expect: { planned: 8, sent: 5, failed: 1, unreachable: 2 },
    },
    { name: "ignores a dry run, which sent nothing", report: { ...emptyReport("s", AT, "dry-run"), planned: 8, wouldSend: 8 }, expect: undefined },
    { name: "ignores a sweep that found the lease held by another instance", report: emptyReport("s", AT, "lease-held"), expect: undefined },
  ];
  for (const row of table) it(row.name, () => assert.deepEqual(sweepItemCounts(row.report), row.expect));
});
