import assert from "node:assert/strict";
import { getTasks, type ScheduledTask } from "node-cron";
import pino from "pino";
import { defaultPolicy, policySchema } from "../../../../services/domain/policy";
import type { SweepExecutor, SweepRunOptions } from "../../../../services/app/sweep/sweep-executor";
import { emptyReport } from "../../../../services/app/sweep/sweep-report";
import { createSweepScheduler, sweepSchedules } from "../../../../services/app/sweep/sweep-scheduler";

function recordingExecutor(fail = false): SweepExecutor & { calls: SweepRunOptions[] } {
  const calls: SweepRunOptions[] = [];
  return {
    calls,
    run: async (opts = {}) => {
      calls.push(opts);
      if (fail) throw new Error("store down");
      return emptyReport("sweep-test", new Date("2026-03-02T08:00:00Z"), "completed");
    },
  };
}

function task(name: string): ScheduledTask {
  const found = [...getTasks().values()].find((t) => t.name === name);
  assert.ok(found, `task ${name} is scheduled`);
  return found;
}

describe("services/app/sweep/sweep-scheduler", () => {
  it("derives the digest time from the policy and puts the urgent pass half an hour off it", () => {
    assert.deepEqual(sweepSchedules(defaultPolicy()), { digest: "0 8 * * *", urgent: "30 * * * *" });
    assert.deepEqual(sweepSchedules(policySchema.parse({ schedule: { morningTime: "07:45" } })), { digest: "45 7 * * *", urgent: "15 * * * *" });
  });

  it("fires the digest at 08:00 London on both sides of the clock change, not at 08:00 UTC", async () => {
    const scheduler = createSweepScheduler({ executor: recordingExecutor(), policy: defaultPolicy(), timeZone: "Europe/London", logger: pino({ level: "silent" }) });
    scheduler.start();
    try {
      const digest = task("casewatch-digest-sweep");
      assert.equal(digest.match(new Date("2026-03-27T08:00:00Z")), true, "Friday before the change: GMT");
      assert.equal(digest.match(new Date("2026-03-30T07:00:00Z")), true, "Monday after the change: 08:00 BST");
      assert.equal(digest.match(new Date("2026-03-30T08:00:00Z")), false);
      assert.equal(digest.match(new Date("2026-10-26T08:00:00Z")), true, "after the autumn change: GMT again");
    } finally {
      await scheduler.stop();
    }
    assert.equal([...getTasks().values()].filter((t) => t.name?.startsWith("casewatch-")).length, 0);
  });

  it("runs a full sweep for the digest task and an urgent-only sweep for the hourly task", async () => {
    const executor = recordingExecutor();
    const scheduler = createSweepScheduler({ executor, policy: defaultPolicy(), timeZone: "Europe/London", logger: pino({ level: "silent" }) });
    scheduler.start();
    try {
      await task("casewatch-digest-sweep").execute();
      await task("casewatch-urgent-sweep").execute();
    } finally {
      await scheduler.stop();
    }
    assert.deepEqual(executor.calls, [{}, { urgentOnly: true }]);
  });

  it("logs a failed scheduled sweep as an error instead of crashing the process", async () => {
    const lines: { level: number; msg: string }[] = [];
    const logger = pino({ level: "info" }, { write: (s: string) => { lines.push(JSON.parse(s)); } });
    const scheduler = createSweepScheduler({ executor: recordingExecutor(true), policy: defaultPolicy(), timeZone: "Europe/London", logger });
    scheduler.start();
    try {
      await task("casewatch-digest-sweep").execute();
    } finally {
      await scheduler.stop();
    }
    assert.ok(lines.some((l) => l.level === 50 && l.msg === "scheduled sweep failed"));
  });
});
