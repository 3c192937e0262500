import assert from "node:assert/strict";
import { fixedClock } from "../../../../services/platform/clock";
import { seedDemoForce } from "../../../../services/local/demo/seed-demo";
import { createImportService } from "../../../../services/app/import/import-service";
import { chainOfCommand } from "../../../../services/app/scope/chain-of-command";
import { OfficerOutOfScopeError, NotPermittedError } from "../../../../services/app/scope/scope-errors";
import { createTeamStatusService, type TeamStatusService } from "../../../../services/app/team/team-status-service";
import type { TeamFigures } from "../../../../services/app/team/team-figures-view";
import { defaultPolicy } from "../../../../services/domain/policy";
import type { Repositories } from "../../../../services/store/repositories";
import { startTestStore, type TestStore } from "../../../support/test-store";
import { AT, NOW, TODAY, officer, oversightForce, seed, silent } from "../oversight-fixture";

describe("team status for inspectors (issue 6 §1) against the store", function () {
  this.timeout(30_000);
  let store: TestStore;
  let repos: Repositories;
  let service: TeamStatusService;
  const force = oversightForce();
  const who = (id: string) => officer(force, id);
  const scopeOf = (id: string) => chainOfCommand(who(id), force.officers, TODAY);

  before(async () => {
    store = await startTestStore();
    ({ repos } = await store.fresh());
    await seed(repos, force);
    service = createTeamStatusService({ repos, policy: defaultPolicy(), logger: silent });
  });
  after(() => store.close());

  const teamOf = (teams: readonly TeamFigures[], id: string): TeamFigures => {
    const t = teams.find((x) => x.supervisorId === id);
    assert.ok(t, `team ${id} is on the card`);
    return t;
  };

  it("gives each sergeant's team the hand-computed figures, part-timer, absentee and 23-person span included", async () => {
    const view = await service.teamStatus(who("di1"), scopeOf("di1"), AT, "command:status");
    assert.equal(view.today, TODAY);
    const a = teamOf(view.teams, "dsA");
    assert.deepEqual(a, {
      supervisorId: "dsA",
      supervisorName: "DS Officer DSA",
      supervisorAbsent: false,
      people: 23,
      // A/1–A/16 open (A/17 is closed); A/3 10 days and A/13 21 days overdue; A/2 ends in 5 days, A/8 in exactly 7
      // (A/9 in 8 is not counted); A/1 lapsed on 8 Mar; A/10 374 days and A/11 30 days stale (A/12 at 27 is not);
      // A/14 68 days at forensics (A/15 at 49 is not).
      totals: { open: 16, reviewsOverdue: 2, worstOverdueDays: 21, bailSoon: 2, bailLapsed: 1, stale: 2, red: 1, forensicsOverdue: 1 },
      // a01's active plan and a03's proposed one; a02's completed plan is not open.
      openActionPlans: 2,
      // 15 live cases of a01–a23 against 6 + 22 × 12 = 270; dsA's own case counts as open but not against capacity.
      capacity: { live: 15, capacity: 270, percent: 6, over: false },
      // 20 contracted hours → capacity 6; 7 live cases.
      overCapacity: [{ officerId: "a01", name: "DC Carys Lloyd", live: 7, capacity: 6 }],
      span: { reports: 23, limit: 10, over: true },
      absentNow: 1,
    });
  });

  it("counts the other teams from their own cases only", async () => {
    const view = await service.teamStatus(who("di1"), scopeOf("di1"), AT, "command:status");
    const b = teamOf(view.teams, "dsB");
    assert.deepEqual(b.totals, { open: 5, reviewsOverdue: 1, worstOverdueDays: 9, bailSoon: 0, bailLapsed: 0, stale: 0, red: 0, forensicsOverdue: 0 });
    // 12 + 30/40 × 12 = 21 capacity, 5 live.
    assert.deepEqual(b.capacity, { live: 5, capacity: 21, percent: 24, over: false });
    assert.deepEqual(b.span, { reports: 2, limit: 10, over: false });
    assert.deepEqual(b.overCapacity, []);
    const c = teamOf(view.teams, "dsC");
    assert.deepEqual([c.totals.open, c.totals.red, c.totals.stale], [1, 1, 1]);
  });

  it("orders teams worst first: lapsed bail, then a year-stale case, then an overdue review", async () => {
    const view = await service.teamStatus(who("di1"), scopeOf("di1"), AT, "command:status");
    assert.deepEqual(view.teams.map((t) => t.supervisorId), ["dsA", "dsC", "dsB"]);
  });

  it("totals the whole scope and leaves out teams outside it", async () => {
    const view = await service.teamStatus(who("di1"), scopeOf("di1"), AT, "command:status");
    assert.deepEqual(view.totals, { open: 22, reviewsOverdue: 3, worstOverdueDays: 21, bailSoon: 2, bailLapsed: 1, stale: 3, red: 2, forensicsOverdue: 1 });
    assert.ok(!view.teams.some((t) => t.supervisorId === "dsX"));
    const dci = await service.teamStatus(who("dci1"), scopeOf("dci1"), AT, "command:status");
    assert.deepEqual(dci.teams.map((t) => t.supervisorId).sort(), ["dsA", "dsB", "dsC", "dsX"]);
  });

  it("refuses the all-teams card below inspector rank", async () => {
    await assert.rejects(service.teamStatus(who("dsA"), scopeOf("dsA"), AT, "command:status"), NotPermittedError);
  });

  it("drills into a team: every officer with caseload against capacity, flags and absence, worst first", async () => {
    const view = await service.teamDrilldown(who("di1"), scopeOf("di1"), AT, "dsA", "action:open-team");
    assert.equal(view.team.supervisorId, "dsA");
    // 23 people plus dsA, who holds a case.
    assert.equal(view.officers.length, 24);
    assert.deepEqual(view.officers.slice(0, 4).map((o) => o.officerId), ["a01", "a02", "a03", "dsA"]);
    const [a01, a02, a03] = view.officers;
    assert.deepEqual(a01, {
      officerId: "a01", name: "DC Carys Lloyd", hoursPerWeek: 20, capacity: { live: 7, capacity: 6, percent: 117, over: true },
      reviewsOverdue: 1, stale: 0, red: 0, bailSoon: 1, bailLapsed: 1, forensicsOverdue: 0, absentNow: false, openActionPlan: true,
    });
    assert.equal(a02?.absentNow, true);
    assert.equal(a02?.absentUntil, undefined, "an open-ended absence has no end date to show");
    assert.deepEqual([a02?.red, a02?.bailSoon, a02?.capacity.live], [1, 1, 3]);
    assert.deepEqual([a03?.reviewsOverdue, a03?.stale, a03?.forensicsOverdue, a03?.openActionPlan], [1, 1, 1, true]);
  });

  it("lets a sergeant open their own team but nobody open a team outside their scope", async () => {
    assert.equal((await service.teamDrilldown(who("dsB"), scopeOf("dsB"), AT, "dsB", "action:open-team")).officers.length, 2);
    await assert.rejects(service.teamDrilldown(who("di1"), scopeOf("di1"), AT, "dsX", "action:open-team"), OfficerOutOfScopeError);
    await assert.rejects(service.teamDrilldown(who("dsB"), scopeOf("dsB"), AT, "dsA", "action:open-team"), (e: OfficerOutOfScopeError) => e.code === "OUT_OF_SCOPE");
  });

  it("opens an officer's open cases worst first, with a way back to their team", async () => {
    const view = await service.officerCases(who("di1"), scopeOf("di1"), AT, "a03", "action:open-officer");
    // A/13 overdue and escalated, A/11 stale to the sergeant level, A/14 at forensics, A/12 stale to the OIC, A/15.
    assert.deepEqual(view.cases.map((c) => c.ref), ["A/13/26", "A/11/26", "A/14/26", "A/12/26", "A/15/26"]);
    assert.equal(view.more, 0);
    assert.equal(view.teamSupervisorId, "dsA");
    await assert.rejects(service.officerCases(who("di1"), scopeOf("di1"), AT, "x01", "action:open-officer"), OfficerOutOfScopeError);
  });

  it("audits every view as a consultation naming the scope, the team or the cases shown", async () => {
    const { repos: own } = await store.fresh();
    await seed(own, force);
    const s = createTeamStatusService({ repos: own, policy: defaultPolicy(), logger: silent });
    await s.teamStatus(who("di1"), scopeOf("di1"), AT, "command:status");
    await s.teamDrilldown(who("di1"), scopeOf("di1"), AT, "dsB", "action:open-team");
    await s.officerCases(who("di1"), scopeOf("di1"), AT, "b01", "action:open-officer");
    const entries = await own.audit.between(TODAY, TODAY);
    assert.deepEqual(entries.map((e) => [e.actorId, e.operation, e.action, e.recordId, e.why]), [
      ["di1", "consultation", "view team status", "scope:di1", "command:status"],
      ["di1", "consultation", "view team", "team:dsB", "action:open-team"],
      ["di1", "consultation", "view officer's cases", "B/1/26, B/2/26", "action:open-officer"],
    ]);
  });

  it("counts every open case of the demo force in the inspector's team status (speed is measured by npm run bench)", async () => {
    const { repos: demo } = await store.fresh();
    const clock = fixedClock(NOW);
    await seedDemoForce({ importService: createImportService({ repos: demo, clock, logger: silent }), at: AT });
    const s = createTeamStatusService({ repos: demo, policy: defaultPolicy(), logger: silent });
    const inspector = await demo.officers.get("di1");
    assert.ok(inspector);
    const view = await s.teamStatus(inspector, chainOfCommand(inspector, await demo.officers.all(), TODAY), AT, "command:status");
    assert.equal(view.totals.open, 200);
  });
});
