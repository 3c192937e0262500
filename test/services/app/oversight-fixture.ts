import { ACTION_PLAN_SCHEMA_VERSION, type ActionPlanDoc } from "../../../services/domain/action-plan";
import type { CaseDoc } from "../../../services/domain/case";
import type { Moment } from "../../../services/domain/dates";
import type { Officer } from "../../../services/domain/officer";
import { createLogger, type Logger } from "../../../services/platform/logger";
import { defaultPolicy, type Policy } from "../../../services/domain/policy";
import type { Repositories } from "../../../services/store/repositories";
import { makeCase, makeOfficer } from "../../support/fixtures";
import { startTestStore, type TestStore } from "../../support/test-store";

/** 09:00 UTC on Tue 10 Mar 2026 is 09:00 in London (GMT until 29 Mar): "today" is 2026-03-10 throughout. */
export const NOW = "2026-03-10T09:00:00Z";
export const TODAY = "2026-03-10";
/** The moment of the turn every oversight service call in these tests belongs to. */
export const AT: Moment = { now: new Date(NOW), today: TODAY };
export const silent = createLogger("silent");

/** A case with nothing wrong with it as of TODAY: updated and reviewed five days ago, low risk. */
export function freshCase(ref: string, oicId: string, overrides: Partial<CaseDoc> = {}): CaseDoc {
  return makeCase({ ref, oicId, risk: "low", openedOn: "2026-01-05", lastUpdatedOn: "2026-03-05", lastReviewedOn: "2026-03-05", ...overrides });
}

const preCharge = (endsOn: string) => ({ kind: "pre-charge" as const, startedOn: "2025-12-20", endsOn, regime: "pcsc-2022" as const });

export function plan(id: string, officerId: string, status: ActionPlanDoc["status"]): ActionPlanDoc {
  return {
    id, type: "action-plan", schemaVersion: ACTION_PLAN_SCHEMA_VERSION, officerId, createdBy: "dsA", createdAt: "2026-02-01T10:00:00Z",
    objectives: [{ text: "Update every crime report", measure: "No case over 14 days without update", targetOn: "2026-03-29" }],
    support: "Weekly catch-up", checkpointEveryDays: 14, startsOn: "2026-02-01", endsOn: "2026-03-29", checkpoints: [], status,
  };
}

/** Who and what a test's database holds before the service under test runs. */
export interface ForceData {
  officers: Officer[];
  cases: CaseDoc[];
  plans?: ActionPlanDoc[];
}

/**
 * The hand-computed fixture (figures worked out in team-status-service.test.ts):
 * - di1 (DI) under dci1 supervises dsA, dsB and dsC; di2 runs dsX's team, outside di1's scope.
 * - dsA supervises 23 people (span of control over 10): a01 part-time 20h (capacity 6) with 7 cases, a02 sick since
 *   5 Mar with no return date, a03 full-time, and a04–a23 with no cases. dsA holds one case themselves.
 * - dsB: b01 (40h) and b02 (30h, capacity 9). dsC: c01 with one case untouched for a year.
 */
export function oversightForce(): Required<ForceData> {
  const o = (id: string, supervisorId: string | undefined, extra: Partial<Officer> = {}) =>
    makeOfficer({ id, name: `Officer ${id.toUpperCase()}`, ...(supervisorId ? { supervisorId } : {}), ...extra });
  const officers: Officer[] = [
    o("dci1", undefined, { rank: "DCI" }),
    o("di1", "dci1", { rank: "DI" }),
    o("di2", "dci1", { rank: "DI" }),
    o("dsA", "di1", { rank: "DS" }),
    o("dsB", "di1", { rank: "DS" }),
    o("dsC", "di1", { rank: "DS" }),
    o("dsX", "di2", { rank: "DS" }),
    o("a01", "dsA", { hoursPerWeek: 20, name: "Carys Lloyd" }),
    o("a02", "dsA", { absences: [{ kind: "sick", from: "2026-03-05" }] }),
    o("a03", "dsA"),
    ...Array.from({ length: 20 }, (_, i) => o(`a${String(i + 4).padStart(2, "0")}`, "dsA")),
    o("b01", "dsB"),
    o("b02", "dsB", { hoursPerWeek: 30 }),
    o("c01", "dsC"),
    o("x01", "dsX"),
  ];
  const cases: CaseDoc[] = [
    // a01: 7 cases against a capacity of 6.
    freshCase("A/1/26", "a01", { bail: preCharge("2026-03-08"), risk: "medium" }),
    freshCase("A/2/26", "a01", { bail: preCharge("2026-03-15") }),
    freshCase("A/3/26", "a01", { risk: "medium", lastReviewedOn: "2026-02-14" }),
    ...[4, 5, 6, 7].map((n) => freshCase(`A/${n}/26`, "a01")),
    // a02 (absent): bail ending in exactly 7 days, bail ending in 8, and a year without an update.
    freshCase("A/8/26", "a02", { bail: preCharge("2026-03-17") }),
    freshCase("A/9/26", "a02", { bail: preCharge("2026-03-18") }),
    freshCase("A/10/26", "a02", { lastUpdatedOn: "2025-03-01" }),
    // a03: stale 30 days and 27 days, a high-risk review 21 days overdue, forensics 68 and 49 days.
    freshCase("A/11/26", "a03", { lastUpdatedOn: "2026-02-08" }),
    freshCase("A/12/26", "a03", { lastUpdatedOn: "2026-02-11" }),
    freshCase("A/13/26", "a03", { risk: "high", lastReviewedOn: "2026-02-10" }),
    freshCase("A/14/26", "a03", { awaitingForensicsSince: "2026-01-01" }),
    freshCase("A/15/26", "a03", { awaitingForensicsSince: "2026-01-20" }),
    freshCase("A/16/26", "dsA"),
    freshCase("A/17/26", "a03", { status: "closed", lastUpdatedOn: "2024-01-01" }),
    // dsB's team: one review 9 days overdue (low risk, due 1 Mar).
    freshCase("B/1/26", "b01", { lastReviewedOn: "2026-02-15" }),
    freshCase("B/2/26", "b01"),
    ...[3, 4, 5].map((n) => freshCase(`B/${n}/26`, "b02")),
    // dsC's team: one case untouched for a year.
    freshCase("C/1/26", "c01", { lastUpdatedOn: "2025-02-01" }),
    // Outside di1's scope: lapsed bail that must not be counted.
    freshCase("X/1/26", "x01", { bail: preCharge("2026-03-01") }),
  ];
  const plans = [plan("plan-a01", "a01", "active"), plan("plan-a03", "a03", "proposed"), plan("plan-a02", "a02", "completed"), plan("plan-x01", "x01", "active")];
  return { officers, cases, plans };
}

export async function seed(repos: Repositories, data: ForceData): Promise<void> {
  await Promise.all(data.officers.map((o) => repos.officers.create(o)));
  await Promise.all(data.cases.map((c) => repos.cases.create(c)));
  await Promise.all((data.plans ?? []).map((p) => repos.actionPlans.create(p)));
}

export function officer(data: { officers: Officer[] }, id: string): Officer {
  const found = data.officers.find((o) => o.id === id);
  if (!found) throw new Error(`fixture has no officer ${id}`);
  return found;
}

/** What every oversight service is built from, as the composition root would pass it; no clock, each call takes AT. */
export interface OversightDeps {
  repos: Repositories;
  policy: Policy;
  logger: Logger;
}

/**
 * Registers the suite's before/after hooks for one embedded store per file, so each test can take `fresh()`: an empty
 * database seeded with `force` (or a test's own officers and cases) and the service under test wired to it.
 */
export function storeWithForce<S>(
  force: ForceData,
  createService: (deps: OversightDeps) => S,
): (data?: ForceData) => Promise<{ repos: Repositories; service: S }> {
  let store: TestStore;
  before(async () => { store = await startTestStore(); });
  after(() => store.close());
  return async function fresh(data = force) {
    const { repos } = await store.fresh();
    await seed(repos, data);
    return { repos, service: createService({ repos, policy: defaultPolicy(), logger: silent }) };
  };
}
