import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import pino from "pino";
import { fixedClock } from "../../services/platform/clock";
import { defaultPolicy } from "../../services/domain/policy";
import { embeddedCosmosClient, ensureContainers, startEmbeddedCosmos, type EmbeddedCosmos } from "../../services/store/cosmos-setup";
import { createCosmosRepositories, type Repositories } from "../../services/store/repositories";
import type { SweepReport } from "../../services/app/sweep/sweep-report";
import { createHttpCardSender, FakeCardSender } from "../support/fake-teams-connector";
import { deliveredItems, MONDAY_0800, TENANT, sweepExecutor } from "../services/app/sweep/sweep-fixtures";
import { startCrashConnector } from "./crash-connector";
import { compareDeliveries, reliabilityCases, seedReliabilityForce } from "./reliability-force";
import { recordFigure } from "./reliability-figures";
import { prepareSweepChild, startSweepChild } from "./sweep-child-process";

const CASES = reliabilityCases(8);
const FAST_LIMITS = { perConversationPerSecond: 100, globalPerSecond: 500, backoffBaseMs: 10, backoffMaxMs: 100 };
const itemsOf = (sends: { conversationId: string; card: Record<string, unknown> }[]) => sends.flatMap((s) => deliveredItems(s.conversationId, s.card));

/** Two app instances: each its own Cosmos client (own connections), both sending to the same Teams. */
async function twoInstances(server: EmbeddedCosmos) {
  const database = `twins-${randomUUID()}`;
  const clients = [embeddedCosmosClient(server.endpoint), embeddedCosmosClient(server.endpoint)];
  const repos: Repositories[] = [];
  for (const c of clients) repos.push(createCosmosRepositories(await ensureContainers(c, database)));
  return { database, repos: repos as [Repositories, Repositories], dispose: () => clients.forEach((c) => c.dispose()) };
}

type Figure = { mode: string; rounds: number; delivered: number; duplicated: number; lost: number; bothSent: number };

/** Counts one round's deliveries against the plan into the suite's figures, and returns the comparison. */
function tally(figure: Figure, expected: string[], got: ReturnType<typeof itemsOf>): ReturnType<typeof compareDeliveries> {
  const diff = compareDeliveries(expected, got);
  figure.rounds += 1;
  figure.delivered += got.length;
  figure.duplicated += diff.duplicated.length;
  figure.lost += diff.lost.length;
  return diff;
}

describe("reliability: two instances sweep at the same time", function () {
  this.timeout(60_000);
  let server: EmbeddedCosmos;
  let expected: string[];
  const figures: Figure[] = [];

  before(async () => {
    server = await startEmbeddedCosmos(0);
    const plan = await twoInstances(server);
    await seedReliabilityForce(plan.repos[0], CASES);
    const sender = new FakeCardSender();
    await sweepExecutor({ repos: plan.repos[0], sender, policy: defaultPolicy(), clock: fixedClock(MONDAY_0800), logger: pino({ level: "silent" }), instanceId: "plan", tenantId: TENANT, limits: FAST_LIMITS }).run({ at: MONDAY_0800 });
    expected = itemsOf(sender.sent.map((s) => ({ conversationId: s.target.conversationId, card: s.card })));
    plan.dispose();
  });
  after(async () => {
    for (const f of figures) recordFigure("two-instances", f);
    await server.close();
  });

  const modes = [
    { mode: "with the lease", leaky: false },
    // Both believe they hold the lease (e.g. one stalled past its expiry): only the ledger stands between them.
    { mode: "with the lease defeated", leaky: true },
  ];
  for (const { mode, leaky } of modes) {
    it(`${mode}: over 4 seeded start offsets, every item is sent by exactly one instance`, async () => {
      const figure = { mode, rounds: 0, delivered: 0, duplicated: 0, lost: 0, bothSent: 0 };
      for (let round = 0; round < 4; round += 1) {
        const twins = await twoInstances(server);
        await seedReliabilityForce(twins.repos[0], CASES);
        const connector = await startCrashConnector();
        try {
          const run = (i: 0 | 1, delayMs: number): Promise<SweepReport> => {
            const repos: Repositories = leaky ? { ...twins.repos[i], leases: { acquire: async () => true, release: async () => undefined } } : twins.repos[i];
            const executor = sweepExecutor({
              repos, sender: createHttpCardSender(connector.url), policy: defaultPolicy(), clock: fixedClock(MONDAY_0800), logger: pino({ level: "silent" }),
              instanceId: `instance-${i}`, tenantId: TENANT, concurrency: 4, maxItemsPerCard: 3, limits: FAST_LIMITS,
            });
            return new Promise((r) => setTimeout(r, delayMs)).then(() => executor.run({ at: MONDAY_0800 }));
          };
          // Seeded offsets from 0 to 25 ms interleave the two sweeps differently each round.
          const [a, b] = await Promise.all([run(0, 0), run(1, (round * 7) % 26)]);
          const diff = tally(figure, expected, itemsOf(connector.accepted));
          if (a.sent > 0 && b.sent > 0) figure.bothSent += 1;
          assert.deepEqual(diff, { lost: [], duplicated: [], unexpected: [] }, `round ${round}`);
          assert.equal(a.sent + b.sent, expected.length, `round ${round}: the reports add up to the plan`);
          if (!leaky) assert.ok([a.outcome, b.outcome].includes("lease-held") || a.sent === 0 || b.sent === 0, `round ${round}: with the lease, one instance does the sweep`);
        } finally {
          await connector.close();
          twins.dispose();
        }
      }
      figures.push(figure);
      if (leaky) assert.ok(figure.bothSent > 0, "without the lease both instances really did send, so the ledger was tested");
    });
  }

  it("as two separate processes started together: exactly one sends each item", async () => {
    const child = prepareSweepChild();
    const figure = { mode: "two processes", rounds: 0, delivered: 0, duplicated: 0, lost: 0, bothSent: 0 };
    try {
      for (let round = 0; round < 2; round += 1) {
        const twins = await twoInstances(server);
        await seedReliabilityForce(twins.repos[0], CASES);
        const connector = await startCrashConnector();
        const args = (i: number) => ({
          endpoint: server.endpoint, database: twins.database, connector: connector.url, at: MONDAY_0800.toISOString(), clock: MONDAY_0800.toISOString(),
          instanceId: `process-${i}`, tenantId: TENANT, maxItemsPerCard: 3, leaseTtlMs: 60_000, claimGraceMs: 60_000, concurrency: 4,
        });
        try {
          const exits = await Promise.all([0, 1].map((i) => startSweepChild(child.command, args(i)).exited));
          for (const e of exits) assert.ok(e.finished, e.stderr);
          const diff = tally(figure, expected, itemsOf(connector.accepted));
          assert.deepEqual(diff, { lost: [], duplicated: [], unexpected: [] }, `round ${round}`);
        } finally {
          await connector.close();
          twins.dispose();
        }
      }
      figures.push(figure);
    } finally {
      child.dispose();
    }
  });
});
