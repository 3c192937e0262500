import assert from "node:assert/strict";
import pino from "pino";
import { fixedClock } from "../../services/platform/clock";
import { CasewatchError } from "../../services/platform/errors";
import { defaultPolicy } from "../../services/domain/policy";
import { startEmbeddedCosmos, type EmbeddedCosmos } from "../../services/store/cosmos-setup";
import type { Repositories } from "../../services/store/repositories";
import type { SweepReport } from "../../services/app/sweep/sweep-report";
import { randomFaults } from "../support/cosmos-fault-proxy";
import { FakeCardSender } from "../support/fake-teams-connector";
import { deliveredItems, MONDAY_0800, TENANT, sweepExecutor } from "../services/app/sweep/sweep-fixtures";
import { openFaultyStore } from "./faulty-store";
import { compareDeliveries, reliabilityCases, seedReliabilityForce } from "./reliability-force";
import { recordFigure } from "./reliability-figures";

const silent = pino({ level: "silent" });
const GRACE_MS = 60_000;

function executor(repos: Repositories, sender: FakeCardSender, clock: ReturnType<typeof fixedClock>) {
  return sweepExecutor({
    repos, sender, policy: defaultPolicy(), clock, logger: silent, instanceId: "instance-faults", tenantId: TENANT,
    concurrency: 4, claimGraceMs: GRACE_MS, leaseTtlMs: GRACE_MS, maxItemsPerCard: 6,
  });
}

const delivered = (s: FakeCardSender) => s.sent.flatMap((x) => deliveredItems(x.target.conversationId, x.card));

/**
 * Runs the sweep until it completes with nothing left owed, as the scheduler's next passes would. A run that throws
 * STORE_UNAVAILABLE is re-run later (past the claim grace, as the hourly pass is); anything else is a failure.
 */
async function sweepUntilSettled(repos: Repositories, sender: FakeCardSender, maxRuns: number) {
  const clock = fixedClock(MONDAY_0800);
  const reports: SweepReport[] = [];
  let thrown = 0;
  for (let run = 0; run < maxRuns; run += 1) {
    clock.set(new Date(MONDAY_0800.getTime() + run * (GRACE_MS + 1000)));
    try {
      const report = await executor(repos, sender, clock).run({ at: MONDAY_0800 });
      reports.push(report);
      if (report.outcome === "completed" && report.deferred === 0 && report.failed === 0) return { reports, thrown, runs: run + 1 };
    } catch (err) {
      if (!(err instanceof CasewatchError && err.code === "STORE_UNAVAILABLE")) throw err;
      thrown += 1;
    }
  }
  assert.fail(`the sweep did not settle in ${maxRuns} runs (${thrown} threw STORE_UNAVAILABLE)`);
}

describe("reliability: a sweep through Cosmos 429 storms and 503s", function () {
  this.timeout(60_000);
  let server: EmbeddedCosmos;
  let expected: string[];
  const cases = reliabilityCases(12);

  before(async () => {
    server = await startEmbeddedCosmos(0);
    // The plan, from the same data on a healthy store.
    const clean = await openFaultyStore(server, randomFaults(0, 0, [503]));
    await seedReliabilityForce(clean.direct.repos, cases);
    const sender = new FakeCardSender();
    const report = await executor(clean.repos, sender, fixedClock(MONDAY_0800)).run({ at: MONDAY_0800 });
    expected = delivered(sender);
    assert.equal(expected.length, report.planned);
    assert.ok(expected.length >= 40, `a meaningful plan (${expected.length} items)`);
    await clean.close();
  });
  after(async () => { await server.close(); });

  const scenarios = [
    { name: "a 429 storm (40% of requests throttled)", seed: 11, rate: 0.4, statuses: [429] },
    { name: "503s on 2% of requests", seed: 23, rate: 0.02, statuses: [503] },
    { name: "a 429 storm with 503s (30% of requests: 29% 429, 1% 503)", seed: 37, rate: 0.3, statuses: [...Array(29).fill(429), 503] },
  ];
  for (const s of scenarios) {
    it(`sends every planned item exactly once under ${s.name}; re-runs after STORE_UNAVAILABLE converge`, async () => {
      const store = await openFaultyStore(server, randomFaults(s.seed, s.rate, s.statuses));
      try {
        await seedReliabilityForce(store.direct.repos, cases);
        store.faults.on();
        const sender = new FakeCardSender();
        const { runs, thrown } = await sweepUntilSettled(store.repos, sender, 80);
        store.faults.off();
        const got = delivered(sender);
        const diff = compareDeliveries(expected, got);
        recordFigure("cosmos-sweep", { scenario: s.name, injected: store.proxy.injectedByStatus(), requests: store.proxy.requests(), runs, thrown, planned: expected.length, delivered: got.length, lost: diff.lost.length, duplicated: diff.duplicated.length });
        assert.deepEqual(diff, { lost: [], duplicated: [], unexpected: [] }, `after ${runs} runs (${thrown} threw)`);
        assert.ok(store.proxy.injected() > 0, "faults were injected");
      } finally {
        await store.close();
      }
    });
  }
});
