import type { SweepReport } from "./sweep-report";
import cron, { type ScheduledTask } from "node-cron";
import type { Logger } from "../../platform/logger";
import type { Policy } from "../../domain/policy";
import type { SweepExecutor, SweepRunOptions } from "./sweep-executor";

export interface SweepScheduler {
  start(): void;
  stop(): Promise<void>;
}

export interface SweepSchedulerDeps {
  executor: SweepExecutor;
  policy: Policy;
  /** Explicit, never the host's: a server in UTC must still sweep at 08:00 London time across DST. */
  timeZone: string;
  logger: Logger;
  /** Told every completed run's report, e.g. to export it as metrics. */
  onReport?: (report: SweepReport) => void;
}

/** The cron expressions used, exported so a test can check them without waiting for a clock. */
export function sweepSchedules(policy: Policy): { digest: string; urgent: string } {
  const [hh, mm] = policy.schedule.morningTime.split(":").map(Number) as [number, number];
  // Half an hour off the morning minute, so the urgent pass never contends with the digest sweep for the lease.
  return { digest: `${mm} ${hh} * * *`, urgent: `${(mm + 30) % 60} * * * *` };
}

/**
 * The only place node-cron is used.
 *  - The digest sweep runs at the policy's morning time on every day, weekends included: the planner holds routine
 *    items to the recipient's next working day, so on a Saturday it only sends urgent bail items.
 *  - An urgent-only pass runs hourly. Bail lapses at midnight and "immediate escalation" (docs/domain-rules.md §3) should not
 *    wait up to a day; it also retries within the hour anything urgent that a failed morning run left unsent.
 *    It never sends routine items, so nobody gets a second digest in the afternoon. The ledger makes the extra
 *    runs duplicate-free, and a run reads only what is due, so they are cheap.
 * `noOverlap` stops a slow run from being stacked on in this process; the Cosmos lease does the same across instances.
 */
export function createSweepScheduler(deps: SweepSchedulerDeps): SweepScheduler {
  const { digest, urgent } = sweepSchedules(deps.policy);
  const log = deps.logger.child({ component: "sweep-scheduler" });
  const tasks: ScheduledTask[] = [];

  const runner = (name: string, opts: SweepRunOptions) => async () => {
    try {
      const report = await deps.executor.run(opts);
      log.info({ task: name, sweep: report.sweepId, outcome: report.outcome, sent: report.sent }, "scheduled sweep ran");
      deps.onReport?.(report);
    } catch (err) {
      // Logged, not rethrown: node-cron has no one to hand it to, and the next run recovers from the ledger.
      log.error({ err, task: name }, "scheduled sweep failed");
    }
  };

  return {
    start: () => {
      if (tasks.length > 0) return;
      const options = { timezone: deps.timeZone, noOverlap: true } as const;
      tasks.push(cron.schedule(digest, runner("digest", {}), { ...options, name: "casewatch-digest-sweep" }));
      tasks.push(cron.schedule(urgent, runner("urgent", { urgentOnly: true }), { ...options, name: "casewatch-urgent-sweep" }));
      log.info({ digest, urgent, timeZone: deps.timeZone }, "sweep scheduler started");
    },
    stop: async () => {
      await Promise.all(tasks.splice(0).map((t) => t.destroy()));
    },
  };
}
