import pino from "pino";
import { systemClock } from "../services/clock";
import { caseDoc } from "../services/domain/case";
import { conversationRefDoc } from "../services/domain/conversation-ref";
import { officerDoc } from "../services/domain/officer";
import type { Policy } from "../services/policy/policy";
import type { Repositories } from "../services/store/repositories";
import { createSweepExecutor } from "../services/sweep/sweep-executor";
import type { SweepReport } from "../services/sweep/sweep-report";
import { FakeCardSender } from "../test/support/fake-teams-connector";
import type { BenchStore } from "./bench-store";
import { bulkCreate } from "./bulk-seed";
import { personalReference } from "./conversation-reference";
import type { ReadCounter } from "./counting-container";
import { naiveCaseRepository } from "./naive-case-repository";
import type { Progress } from "./progress";
import { syntheticForce, type ForceShape } from "./synthetic-force";

/** A Monday at the default morning digest time, so nothing is held for a later digest day. */
export const SWEEP_AT = new Date("2026-03-02T08:00:00Z");
const TODAY = "2026-03-02";
const TENANT = "tenant-bench";

export interface SweepRun {
  /** Case documents the store returned during the run (query results and point reads). */
  caseDocsRead: number;
  /** Case documents read ÷ cases due today. */
  readsPerDue: number;
  wallMs: number;
  casesRead: number;
  officersRead: number;
  planned: number;
  sent: number;
  cards: number;
}

export interface SweepCostResult {
  cases: number;
  officers: number;
  due: number;
  seedMs: number;
  /** The real sweep (reads, plans, claims, sends to an in-process sender, stores next-attention dates). */
  indexed: SweepRun;
  /** Both read paths as dry runs (read and plan, no writes), so they start from the same data. */
  indexedDryRun: SweepRun;
  naiveDryRun: SweepRun;
}

const silent = pino({ level: "silent" });

async function timedRun(label: string, run: () => Promise<SweepReport>, counter: ReadCounter, due: number, progress: Progress): Promise<SweepRun> {
  counter.reset();
  progress.note(`  ${label}…`);
  const started = performance.now();
  const r = await run();
  const wallMs = performance.now() - started;
  if (r.outcome === "lease-held") throw new Error(`bench: ${label} found the sweep lease held`);
  const caseDocsRead = counter.total();
  return {
    caseDocsRead, readsPerDue: caseDocsRead / due, wallMs,
    casesRead: r.casesRead, officersRead: r.officersRead, planned: r.planned, sent: r.sent, cards: r.cards,
  };
}

/**
 * Seeds `shape.cases` cases (1 in `dueEvery` due) and runs the sweep three ways. Sends go to an in-process fake
 * with the rate limits lifted: this measure is about what the sweep reads; the Teams-limited send rate is the
 * fan-out measure's.
 */
export async function measureSweepCost(shape: ForceShape, policy: Policy, store: BenchStore, progress: Progress): Promise<SweepCostResult> {
  const { repos, containers, caseReads } = await store.fresh();
  const force = syntheticForce(shape, policy, TODAY);
  const label = `${shape.cases.toLocaleString("en-GB")} cases`;
  progress.note(`Sweep cost, ${label} (${force.dueCount.toLocaleString("en-GB")} due), ${force.officers.length.toLocaleString("en-GB")} officers`);
  const seedStarted = performance.now();
  await bulkCreate({ label: "seeding officers", container: containers.officers, schema: officerDoc, count: force.officers.length, doc: (i) => force.officers[i]!, progress });
  await bulkCreate({
    label: "seeding Teams chats", container: containers.conversations, schema: conversationRefDoc, count: force.officers.length, progress,
    doc: (i) => personalReference(force.officers[i]!, TENANT, "http://127.0.0.1:9/"),
  });
  await bulkCreate({ label: `seeding ${label}`, container: containers.cases, schema: caseDoc, count: force.caseCount, doc: (i) => force.caseAt(i), progress });
  const seedMs = performance.now() - seedStarted;

  const sender = new FakeCardSender();
  const executor = (r: Repositories) => createSweepExecutor({
    repos: r, sender, policy, clock: systemClock, logger: silent, instanceId: "bench", tenantId: TENANT,
    limits: { globalPerSecond: 100_000, perConversationPerSecond: 100_000 },
  });
  const naive: Repositories = { ...repos, cases: naiveCaseRepository(repos.cases, containers.cases) };
  const onProgress = (what: string) => (p: { phase: string; done: number; total: number }) => progress.step(`${what} ${p.phase}`, p.done, p.total);

  const naiveDryRun = await timedRun("naive sweep (dry run)", () => executor(naive).run({ at: SWEEP_AT, dryRun: true, onProgress: onProgress("naive") }), caseReads, force.dueCount, progress);
  const indexedDryRun = await timedRun("indexed sweep (dry run)", () => executor(repos).run({ at: SWEEP_AT, dryRun: true, onProgress: onProgress("indexed") }), caseReads, force.dueCount, progress);
  const indexed = await timedRun("indexed sweep (real)", () => executor(repos).run({ at: SWEEP_AT, onProgress: onProgress("sweep") }), caseReads, force.dueCount, progress);
  if (naiveDryRun.casesRead !== force.dueCount || indexed.casesRead !== force.dueCount) {
    throw new Error(`bench: expected ${force.dueCount} due cases, naive found ${naiveDryRun.casesRead}, indexed ${indexed.casesRead}`);
  }
  return { cases: force.caseCount, officers: force.officers.length, due: force.dueCount, seedMs, indexed, indexedDryRun, naiveDryRun };
}
