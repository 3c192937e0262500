import { chainOfCommand, type Scope } from "../../../../services/app/scope/chain-of-command";
import type { CaseDoc } from "../../../../services/domain/case";
import type { Moment } from "../../../../services/domain/dates";
import type { Officer } from "../../../../services/domain/officer";
import { createLogger } from "../../../../services/platform/logger";
import { defaultPolicy } from "../../../../services/domain/policy";
import { momentAt } from "../../../../services/rules/calendar";
import type { Repositories } from "../../../../services/store/repositories";
import { createReviewService } from "../../../../services/app/reviews/review-service";
import { makeCase, makeOfficer } from "../../../support/fixtures";
import { startTestStore, type TestStore } from "../../../support/test-store";

/** 10:42 London on a Tuesday in GMT; "today" is 2026-03-10 for every workflow test. */
export const NOW = "2026-03-10T10:42:00Z";
export const TODAY = "2026-03-10";

/** The moment a turn at `iso` passes down (its instant and London day). */
export const momentOf = (iso: string): Moment => momentAt(new Date(iso), defaultPolicy().timeZone);
export const AT = momentOf(NOW);

/**
 * A small command: DCI → DI Patel → DS Khan (DC Smith, DC Brown) and DS Jones (DC Green).
 * DS Khan's review of DC Smith's case is the usual journey; DS Jones's team is out of DS Khan's scope.
 */
export const force = {
  dci: makeOfficer({ id: "dci1", name: "Evans", rank: "DCI" }),
  di: makeOfficer({ id: "di1", name: "Patel", rank: "DI", supervisorId: "dci1" }),
  khan: makeOfficer({ id: "ds1", name: "Khan", rank: "DS", supervisorId: "di1" }),
  jones: makeOfficer({ id: "ds2", name: "Jones", rank: "DS", supervisorId: "di1" }),
  smith: makeOfficer({ id: "dc1", name: "Smith", rank: "DC", supervisorId: "ds1" }),
  brown: makeOfficer({ id: "dc2", name: "Brown", rank: "DC", supervisorId: "ds1" }),
  green: makeOfficer({ id: "dc3", name: "Green", rank: "DC", supervisorId: "ds2" }),
} satisfies Record<string, Officer>;

export const REF = "CF/00001/26";

/** DC Smith's medium-risk case: last updated 5 weeks ago, reviewed 18 days ago, forensics outstanding, on bail. */
export function smithCase(overrides: Partial<CaseDoc> = {}): CaseDoc {
  return makeCase({
    ref: REF,
    offenceCategory: "Indecent images of children",
    risk: "medium",
    oicId: "dc1",
    openedOn: "2026-01-05",
    lastUpdatedOn: "2026-02-03",
    lastReviewedOn: "2026-02-20",
    awaitingForensicsSince: "2026-01-12",
    bail: { kind: "pre-charge", startedOn: "2026-01-06", endsOn: "2026-04-06", regime: "pcsc-2022" },
    nextReviewDueOn: "2026-03-06",
    nextAttentionOn: "2026-03-06",
    ...overrides,
  });
}

export async function seedForce(repos: Repositories, officers: readonly Officer[] = Object.values(force)): Promise<void> {
  for (const o of officers) await repos.officers.create(o);
}

/** The viewer's chain-of-command scope as the bot would compute it for the turn. */
export async function scopeFor(repos: Repositories, viewer: Officer): Promise<Scope> {
  return chainOfCommand(viewer, await repos.officers.all(), TODAY);
}

export function workflowDeps(repos: Repositories) {
  return { repos, policy: defaultPolicy(), logger: createLogger("silent") };
}

export type WorkflowDeps = ReturnType<typeof workflowDeps>;

/** The database one test runs against, and the moment its turns act at (NOW unless the test moves it); fresh per test. */
export interface WorkflowWorld {
  readonly repos: Repositories;
  at: Moment;
}

/**
 * Registers the suite's hooks: one embedded store for the file and, before each test, an empty database holding the
 * force and `cases()`, with the services `wire` builds on it; turns act at NOW. The fields are replaced per test, so read them
 * through the returned object inside tests rather than destructuring it at suite level.
 */
export function workflowWorld<S extends object>(wire: (deps: WorkflowDeps) => S, cases: () => CaseDoc[] = () => []): WorkflowWorld & S {
  let store: TestStore;
  const world = {} as WorkflowWorld & S;
  before(async () => { store = await startTestStore(); });
  after(async () => { await store.close(); });
  beforeEach(async () => {
    const { repos } = await store.fresh();
    await seedForce(repos);
    for (const c of cases()) await repos.cases.create(c);
    const deps = workflowDeps(repos);
    Object.assign(world, { repos, at: AT }, wire(deps));
  });
  return world;
}

/** The review suites' world: DC Smith's case on file, and `submit` posting the review card as `viewer` would. */
export function reviewWorld() {
  const world = workflowWorld((deps) => ({ reviews: createReviewService(deps) }), () => [smithCase()]);
  const submit = async (viewer: Officer, input: Record<string, unknown>, key = "reply-1|submit-review|" + REF) =>
    world.reviews.submitReview(viewer, await scopeFor(world.repos, viewer), world.at, { ref: REF, ...input }, { idempotencyKey: key });
  return { world, submit };
}

/** Audit alterations and collections: the entries a refused step must not leave behind. */
export async function changesAudited(repos: Repositories): Promise<{ action: string; actorId: string; recordId: string }[]> {
  const all = await repos.audit.between("2026-01-01", "2026-12-31");
  return all.filter((e) => e.operation !== "consultation").map((e) => ({ action: e.action, actorId: e.actorId, recordId: e.recordId }));
}
