import type { Clock } from "../platform/clock";
import type { ActionPlanRepository } from "./action-plan-repository";
import type { CaseRepository } from "./case-repository";
import { createOfficerDirectory, type OfficerDirectory } from "./officer-directory";
import type { Repositories } from "./repositories";
import { createSingleFlight, type SingleFlight } from "./single-flight";

/**
 * The repositories the running app uses (built once, in the composition root): the same store, with the reads
 * every turn repeats shared instead of repeated.
 *
 * - officers: the officer directory snapshot (officer-directory.ts; at most `officerMaxAgeMs` old, dropped on every
 *   write made through it);
 * - cases.byOic and actionPlans.forOfficers: identical reads in flight at the same time are made once and their
 *   answer shared (single-flight), and an answer less than `teamReadReuseMs` old (default 1 s) is reused by the
 *   same read, so fifty people asking for the same team at once cost one query, not one per wave of turns. A write
 *   through the same repository means later reads start afresh; writes from other processes show within one
 *   read's duration plus that second.
 *
 * Shared answers are frozen (the arrays, and each document's top level), so a caller that tried to change one in
 * place would fail loudly instead of changing another turn's data.
 */
export function withSharedReads(repos: Repositories, deps: { clock: Clock; officerMaxAgeMs?: number; teamReadReuseMs?: number }): Repositories & { officers: OfficerDirectory } {
  const officers = createOfficerDirectory({ officers: repos.officers, clock: deps.clock, ...(deps.officerMaxAgeMs !== undefined ? { maxAgeMs: deps.officerMaxAgeMs } : {}) });
  const flights = () => createSingleFlight({ clock: deps.clock, reuseMs: deps.teamReadReuseMs ?? TEAM_READ_REUSE_MS });
  return { ...repos, officers, cases: sharedCaseReads(repos.cases, flights()), actionPlans: sharedPlanReads(repos.actionPlans, flights()) };
}

/** How long a finished team read may answer identical reads; see single-flight.ts for the bound it gives. */
export const TEAM_READ_REUSE_MS = 1_000;

/** The same ids in any order are the same read. */
const idsKey = (ids: readonly string[]) => [...ids].sort().join("\u0001");

function frozen<T extends object>(docs: T[]): T[] {
  for (const d of docs) Object.freeze(d);
  Object.freeze(docs);
  return docs;
}

/** Runs a write and then makes later reads start afresh (also when the write failed: a 412 means reads were stale). */
async function thenInvalidate<T>(flights: SingleFlight, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } finally {
    flights.invalidate();
  }
}

export function sharedCaseReads(cases: CaseRepository, flights: SingleFlight): CaseRepository {
  return {
    ...cases,
    byOic: (ids, opts) =>
      flights.run(`byOic|${opts?.openOnly ? "open" : "all"}|${idsKey(ids)}`, async () => frozen(await cases.byOic(ids, opts))),
    create: (d) => thenInvalidate(flights, () => cases.create(d)),
    replace: (d) => thenInvalidate(flights, () => cases.replace(d)),
    upsert: (d) => thenInvalidate(flights, () => cases.upsert(d)),
  };
}

export function sharedPlanReads(plans: ActionPlanRepository, flights: SingleFlight): ActionPlanRepository {
  return {
    ...plans,
    forOfficers: (ids) => flights.run(`forOfficers|${idsKey(ids)}`, async () => frozen(await plans.forOfficers(ids))),
    create: (p) => thenInvalidate(flights, () => plans.create(p)),
    replace: (p) => thenInvalidate(flights, () => plans.replace(p)),
  };
}
