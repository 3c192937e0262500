import pino from "pino";
import { systemClock } from "../services/platform/clock";
import { caseDoc } from "../services/domain/case";
import { conversationRefDoc } from "../services/domain/conversation-ref";
import { officerDoc } from "../services/domain/officer";
import type { Policy } from "../services/domain/policy";
import type { Repositories } from "../services/store/repositories";
import { composeDelivery } from "../bot/compose/compose-parts";
import { composeSweep } from "../bot/compose/create-sweep";
import { FakeCardSender } from "../test/support/fake-teams-connector";
import type { BenchStore } from "./bench-store";
import { bulkCreate } from "./bulk-seed";
import { personalReference } from "./conversation-reference";
import { naiveCaseRepository } from "./naive-case-repository";
import type { Progress } from "./progress";
import { syntheticForce, type ForceShape } from "./synthetic-force";

/** A Monday at the default morning digest time, so nothing is held for a later digest day. */
export const SWEEP_AT = new Date("2026-03-02T08:00:00Z");
const TODAY = "2026-03-02";
const TENANT = "tenant-bench";

export interface SweepRun {
  /** Case documents the store returned during the sweep (query results and point reads), counted at the Container. */
  caseDocsRead: number;
  /** Case documents read ÷ cases due today. */
  readsPerDue: number;
  wallMs: number;
  /** From the start of the sweep until its case read finished. */
  readMs: number;
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
  /** The production sweep: the indexed range read of due cases. */
  indexed: SweepRun;
  /** The same sweep on an identical, freshly seeded database, reading every case and filtering in memory. */
  naive: SweepRun;
}

const silent = pino({ level: "silent" });

/**
 * Seeds `shape.cases` cases (1 in `dueEvery` due) and runs a real sweep over them: reads, plans, claims, sends to an
 * in-process fake sender with the rate limits lifted, and stores next-attention dates. This measure is about what
 * the sweep reads; the Teams-limited send rate is the fan-out measure's. The naive variant runs the same sweep on
 * its own identical database, so both start from the same data.
 */
export async function measureSweepCost(shape: ForceShape, policy: Policy, store: BenchStore, progress: Progress): Promise<SweepCostResult> {
  const force = syntheticForce(shape, policy, TODAY);
  const label = `${shape.cases.toLocaleString("en-GB")} cases`;
  progress.note(`Sweep cost, ${label} (${force.dueCount.toLocaleString("en-GB")} due), ${force.officers.length.toLocaleString("en-GB")} officers`);
  let seedMs = 0;

  const run = async (variant: "indexed" | "naive"): Promise<SweepRun> => {
    const db = await store.fresh();
    const seedStarted = performance.now();
    await bulkCreate({ label: "seeding officers", container: db.containers.officers, schema: officerDoc, count: force.officers.length, doc: (i) => force.officers[i]!, progress });
    await bulkCreate({
      label: "seeding Teams chats", container: db.containers.conversations, schema: conversationRefDoc, count: force.officers.length, progress,
      doc: (i) => personalReference(force.officers[i]!, TENANT, "http://127.0.0.1:9/"),
    });
    await bulkCreate({ label: `seeding ${label}`, container: db.containers.cases, schema: caseDoc, count: force.caseCount, doc: (i) => force.caseAt(i), progress });
    seedMs += performance.now() - seedStarted;

    const repos: Repositories = variant === "naive" ? { ...db.repos, cases: naiveCaseRepository(db.repos.cases, db.containers.cases) } : db.repos;
    const delivery = composeDelivery({
      cardSender: new FakeCardSender(), repos, clock: systemClock, logger: silent,
      limits: { globalPerSecond: 100_000, perConversationPerSecond: 100_000 },
    });
    const executor = composeSweep({ repos, sender: delivery.sender, policy, clock: systemClock, logger: silent, instanceId: `bench-${variant}`, tenantId: TENANT });
    db.caseReads.reset();
    progress.note(`  ${variant} sweep…`);
    const started = performance.now();
    let readMs = 0;
    const r = await executor.run({
      at: SWEEP_AT,
      onProgress: (p) => {
        if (p.phase === "reading") readMs = performance.now() - started;
        progress.step(`${variant} sweep ${p.phase}`, p.done, p.total);
      },
    });
    const wallMs = performance.now() - started;
    await delivery.stop();
    await db.drop();
    if (r.outcome !== "completed") throw new Error(`bench: the ${variant} sweep ended "${r.outcome}"`);
    if (r.casesRead !== force.dueCount) throw new Error(`bench: expected ${force.dueCount} due cases, the ${variant} sweep found ${r.casesRead}`);
    const caseDocsRead = db.caseReads.total();
    return {
      caseDocsRead, readsPerDue: caseDocsRead / force.dueCount, wallMs, readMs,
      casesRead: r.casesRead, officersRead: r.officersRead, planned: r.planned, sent: r.sent, cards: r.cards,
    };
  };

  const indexed = await run("indexed");
  const naive = await run("naive");
  return { cases: force.caseCount, officers: force.officers.length, due: force.dueCount, seedMs: seedMs / 2, indexed, naive };
}
