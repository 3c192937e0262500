import assert from "node:assert/strict";
import { buildActionPlanCard } from "../../../../cards/action-plan";
import { buildPlanAcknowledgeCard } from "../../../../cards/plan-acknowledge";
import { buildPlanCheckpointCard } from "../../../../cards/plan-checkpoint";
import type { Officer } from "../../../../services/domain/officer";
import { createActionPlanService } from "../../../../services/app/plans/action-plan-service";
import { AlreadyDoneError, FormValidationError } from "../../../../services/app/workflow/workflow-errors";
import { makeCase } from "../../../support/fixtures";
import { changesAudited, force, scopeFor, TODAY, workflowWorld } from "../workflow/workflow-fixtures";

const objectives = [
  { text: "Update every crime report at least fortnightly", measure: "No case over 14 days without an update" },
  { text: "Clear the forensic backlog", measure: "Submissions chased weekly", targetOn: "2026-04-20" },
];
const plan = { officerId: "dc1", objectives, support: "Weekly 1:1 with DS Khan; desk time on Fridays" };

describe("action plan service (real Cosmos-protocol store)", () => {
  const world = workflowWorld((deps) => ({ plans: createActionPlanService(deps) }));

  const propose = async (viewer: Officer, input: Record<string, unknown> = plan, key = "reply-p|propose-plan|dc1") =>
    world.plans.propose(viewer, await scopeFor(world.repos, viewer), world.at, input, { idempotencyKey: key });
  const planDocs = () => world.repos.actionPlans.forOfficers(["dc1"]);

  it("stores a proposed plan with policy defaults and computed checkpoints, and sends it to the officer", async () => {
    const result = await propose(force.khan);
    assert.ok(result.kind === "saved");
    const [stored] = await planDocs();
    assert.equal(stored?.status, "proposed");
    assert.equal(stored?.startsOn, TODAY);
    assert.equal(stored?.endsOn, "2026-05-05", "8 weeks by default");
    assert.deepEqual(stored?.checkpoints.map((c) => c.dueOn), ["2026-03-24", "2026-04-07", "2026-04-21", "2026-05-05"]);
    assert.equal(stored?.nextCheckpointOn, "2026-03-24");
    assert.deepEqual(stored?.objectives.map((o) => o.targetOn), ["2026-05-05", "2026-04-20"], "a blank target is the end of the plan");
    assert.deepEqual(result.notifications.map((n) => [n.recipientOfficerId, n.reason]), [["dc1", "plan-proposed"]]);
    const sent = result.notifications[0]?.view;
    assert.ok(sent?.card === "plan-acknowledge");
    assert.ok(JSON.stringify(buildPlanAcknowledgeCard(sent.data)).includes("acknowledge-plan"));
    buildPlanAcknowledgeCard(result.view);
    assert.deepEqual(await changesAudited(world.repos), [{ action: "propose action plan", actorId: "ds1", recordId: stored!.id }]);
  });

  const refusals: { name: string; input: Record<string, unknown>; field: string; reason: RegExp }[] = [
    { name: "an end beyond the policy maximum", input: { ...plan, endsOn: "2026-06-10" }, field: "endsOn", reason: /91 days.*latest 2026-06-09/ },
    { name: "an end date in the past", input: { ...plan, endsOn: "2026-03-01" }, field: "endsOn", reason: /after today/ },
    { name: "no objectives", input: { ...plan, objectives: [] }, field: "objectives", reason: /at least one/ },
    { name: "six objectives", input: { ...plan, objectives: Array.from({ length: 6 }, () => objectives[0]) }, field: "objectives", reason: /at most 5/ },
    { name: "an objective without a measure", input: { ...plan, objectives: [{ text: "Do better", measure: "" }] }, field: "objectives.0.measure", reason: /measured/ },
    { name: "a checkpoint cadence of zero", input: { ...plan, checkpointEveryDays: "0" }, field: "checkpointEveryDays", reason: /at least 1/ },
    { name: "a checkpoint cadence longer than the plan", input: { ...plan, checkpointEveryDays: 30, endsOn: "2026-03-31" }, field: "checkpointEveryDays", reason: /longer than the plan/ },
    { name: "an objective due after the plan ends", input: { ...plan, endsOn: "2026-04-10" }, field: "objectives.1.targetOn", reason: /after the plan ends/ },
    { name: "no support", input: { ...plan, support: " " }, field: "support", reason: /support/ },
  ];
  for (const r of refusals) {
    it(`refuses ${r.name} with the reason on its field, and writes nothing`, async () => {
      await assert.rejects(propose(force.khan, r.input), (err: unknown) => {
        assert.ok(err instanceof FormValidationError);
        const problem = err.problems.find((p) => p.field === r.field);
        assert.ok(problem, JSON.stringify(err.problems));
        assert.match(problem.reason, r.reason);
        return true;
      });
      assert.deepEqual(await planDocs(), []);
      assert.deepEqual(await changesAudited(world.repos), []);
    });
  }

  it("lets only a supervisor in the officer's chain propose, and never for themselves", async () => {
    await assert.rejects(propose(force.jones), { code: "NOT_FOUND" });
    await assert.rejects(propose(force.brown), { code: "NOT_FOUND" });
    await assert.rejects(propose(force.smith), { code: "OUT_OF_SCOPE" });
    assert.equal((await propose(force.di, plan, "di-key")).kind, "saved");
  });

  it("records a redelivered proposal once, and refuses a second plan while one is open", async () => {
    await propose(force.khan);
    const again = await propose(force.khan);
    assert.ok(again.kind === "already-done");
    assert.equal(again.alreadyDone.byName, "DS Khan");
    await assert.rejects(propose(force.di, plan, "another-card"), (e: unknown) => e instanceof FormValidationError && /already has an open action plan, proposed by DS Khan/.test(e.problems[0]!.reason));
    assert.equal((await planDocs()).length, 1);
  });

  it("gives two supervisors proposing at once one plan", async () => {
    const [khan, di] = await Promise.all([scopeFor(world.repos, force.khan), scopeFor(world.repos, force.di)]);
    const results = await Promise.allSettled([
      world.plans.propose(force.khan, khan, world.at, plan, { idempotencyKey: "a" }),
      world.plans.propose(force.di, di, world.at, plan, { idempotencyKey: "b" }),
    ]);
    assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === "rejected")?.reason;
    assert.ok(lost instanceof AlreadyDoneError || lost instanceof FormValidationError);
    assert.equal((await planDocs()).length, 1);
  });

  it("lets only the officer acknowledge, once, and tells the proposer", async () => {
    const proposed = await propose(force.khan);
    assert.ok(proposed.kind === "saved");
    const id = proposed.plan.id;
    await assert.rejects(world.plans.acknowledge(force.khan, await scopeFor(world.repos, force.khan), world.at, id), { code: "OUT_OF_SCOPE" });
    await assert.rejects(world.plans.acknowledge(force.brown, await scopeFor(world.repos, force.brown), world.at, id), { code: "NOT_FOUND" });
    const smith = await scopeFor(world.repos, force.smith);
    const acked = await world.plans.acknowledge(force.smith, smith, world.at, id);
    assert.ok(acked.kind === "saved");
    assert.equal(acked.plan.status, "active");
    assert.deepEqual(acked.notifications.map((n) => [n.recipientOfficerId, n.reason]), [["ds1", "plan-acknowledged"]]);
    const twice = await world.plans.acknowledge(force.smith, smith, world.at, id);
    assert.ok(twice.kind === "already-done");
    assert.deepEqual([twice.alreadyDone.byName, twice.alreadyDone.atLabel], ["DC Smith", "10:42"]);
    assert.deepEqual((await changesAudited(world.repos)).map((e) => e.action), ["propose action plan", "acknowledge action plan"]);
  });

  it("keeps only the officer and their chain able to open a plan, each with their own card", async () => {
    const proposed = await propose(force.khan);
    assert.ok(proposed.kind === "saved");
    const id = proposed.plan.id;
    await assert.rejects(world.plans.openPlan(force.jones, await scopeFor(world.repos, force.jones), world.at, id), { code: "NOT_FOUND" });
    await assert.rejects(world.plans.openPlan(force.brown, await scopeFor(world.repos, force.brown), world.at, id), { code: "NOT_FOUND" });
    const mine = await world.plans.openPlan(force.smith, await scopeFor(world.repos, force.smith), world.at, id);
    assert.ok(mine.card === "plan-acknowledge" && mine.data.mode === "to-acknowledge");
    const di = await world.plans.openPlan(force.di, await scopeFor(world.repos, force.di), world.at, id);
    assert.ok(di.card === "plan-checkpoint" && di.data.mode === "record");
    buildPlanCheckpointCard(di.data);
    const views = (await world.repos.audit.between(TODAY, TODAY)).filter((e) => e.operation === "consultation");
    assert.deepEqual(views.map((e) => [e.actorId, e.recordType, e.recordId]), [["dc1", "action-plan", id], ["di1", "action-plan", id]]);
  });

  it("suggests a plan for officers at the stale-case threshold without an open plan", async () => {
    const stale = { lastUpdatedOn: "2026-02-01" };
    await world.repos.cases.create(makeCase({ ref: "CF/1/26", oicId: "dc1", ...stale }));
    await world.repos.cases.create(makeCase({ ref: "CF/2/26", oicId: "dc1", ...stale }));
    await world.repos.cases.create(makeCase({ ref: "CF/3/26", oicId: "dc2", ...stale }));
    await world.repos.cases.create(makeCase({ ref: "CF/4/26", oicId: "dc2", lastUpdatedOn: "2026-03-05" }));
    await world.repos.cases.create(makeCase({ ref: "CF/5/26", oicId: "dc3", ...stale }));
    await world.repos.cases.create(makeCase({ ref: "CF/6/26", oicId: "dc3", ...stale }));
    const khan = await scopeFor(world.repos, force.khan);
    assert.deepEqual(await world.plans.suggestions(khan, TODAY), [{ officerId: "dc1", officerName: "DC Smith", staleCases: 2 }]);
    const form = await world.plans.startForm(force.khan, khan, world.at, "dc1");
    assert.equal(form.staleCases, 2);
    buildActionPlanCard(form);
    await propose(force.khan);
    assert.deepEqual(await world.plans.suggestions(khan, TODAY), []);
  });

  it("finds an officer for `plan <officer>` by name within scope only", async () => {
    const khan = await scopeFor(world.repos, force.khan);
    assert.deepEqual(world.plans.findOfficers(khan, "smith").map((o) => o.id), ["dc1"]);
    assert.deepEqual(world.plans.findOfficers(khan, "DC Brown").map((o) => o.id), ["dc2"]);
    assert.deepEqual(world.plans.findOfficers(khan, "green"), []);
    assert.deepEqual(world.plans.findOfficers(khan, "khan"), []);
  });
});
