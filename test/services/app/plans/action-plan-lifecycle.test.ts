import assert from "node:assert/strict";
import { buildPlanCheckpointCard } from "../../../../cards/plan-checkpoint";
import { defaultPolicy } from "../../../../services/domain/policy";
import { actionPlanTriggers } from "../../../../services/rules/action-plan-triggers";
import { createActionPlanService } from "../../../../services/app/plans/action-plan-service";
import { AlreadyDoneError, FormValidationError } from "../../../../services/app/workflow/workflow-errors";
import { changesAudited, force, momentOf, scopeFor, workflowWorld } from "../workflow/workflow-fixtures";

const policy = defaultPolicy();
const results2 = (a: string, b: string) => ({ results: [{ result: a, note: "Reports now updated weekly" }, { result: b }] });

describe("action plan lifecycle with a missed checkpoint (real Cosmos-protocol store)", () => {
  const world = workflowWorld((deps) => ({ plans: createActionPlanService(deps) }));

  it("runs propose → acknowledge → missed checkpoint seen by the sweep → late record → close, audited at each step", async () => {
    const khan = await scopeFor(world.repos, force.khan);
    const proposed = await world.plans.propose(force.khan, khan, world.at, {
      officerId: "dc1", support: "Weekly 1:1",
      objectives: [{ text: "Update reports", measure: "None over 14 days" }, { text: "Chase forensics", measure: "Weekly" }],
    }, { idempotencyKey: "p" });
    assert.ok(proposed.kind === "saved");
    const id = proposed.plan.id;
    assert.equal((await world.plans.acknowledge(force.smith, await scopeFor(world.repos, force.smith), world.at, id)).kind, "saved");

    // Two days after the first checkpoint (24 Mar) nobody has recorded it: the sweep's indexed read still finds the
    // plan, and the planner raises the missed checkpoint to the sergeant.
    world.at = momentOf("2026-03-26T09:00:00Z");
    const due = await world.repos.actionPlans.checkpointsDue("2026-03-26");
    assert.deepEqual(due.map((p) => [p.id, p.nextCheckpointOn]), [[id, "2026-03-24"]]);
    const fired = actionPlanTriggers(due[0]!, policy, "2026-03-26").fired;
    assert.ok(fired.some((f) => f.kind === "plan-checkpoint-missed" && f.role === "sergeant"), JSON.stringify(fired));
    const opened = await world.plans.openPlan(force.khan, khan, world.at, id);
    assert.ok(opened.card === "plan-checkpoint");
    assert.deepEqual([opened.data.checkpointOn, opened.data.missedCheckpoints], ["2026-03-24", 1]);
    buildPlanCheckpointCard(opened.data);

    // A checkpoint out of order, or with a result missing, is refused and changes nothing.
    const before = await world.repos.actionPlans.get("dc1", id);
    await assert.rejects(world.plans.recordCheckpoint(force.khan, khan, world.at, id, { checkpointOn: "2026-04-07", ...results2("met", "met") }),
      (e: unknown) => e instanceof FormValidationError && /record the checkpoint due 2026-03-24 first/.test(e.problems[0]!.reason));
    await assert.rejects(world.plans.recordCheckpoint(force.khan, khan, world.at, id, { checkpointOn: "2026-03-24", results: [{ result: "met" }, {}] }),
      (e: unknown) => e instanceof FormValidationError && e.problems[0]?.field === "results.1.result");
    await assert.rejects(world.plans.recordCheckpoint(force.smith, await scopeFor(world.repos, force.smith), world.at, id, { checkpointOn: "2026-03-24", ...results2("met", "met") }), { code: "OUT_OF_SCOPE" });
    assert.deepEqual(await world.repos.actionPlans.get("dc1", id), before);

    const recorded = await world.plans.recordCheckpoint(force.khan, khan, world.at, id, { checkpointOn: "2026-03-24", ...results2("met", "partly") });
    assert.ok(recorded.kind === "saved");
    assert.equal(recorded.plan.nextCheckpointOn, "2026-04-07");
    assert.deepEqual(await world.repos.actionPlans.checkpointsDue("2026-03-26"), [], "recorded: the sweep no longer reads it");
    assert.deepEqual(recorded.view.history.map((h) => [h.dueOn, h.byName]), [["2026-03-24", "DS Khan"]]);
    buildPlanCheckpointCard(recorded.view);
    const repeat = await world.plans.recordCheckpoint(force.khan, khan, world.at, id, { checkpointOn: "2026-03-24", ...results2("not-met", "not-met") });
    assert.ok(repeat.kind === "already-done");
    assert.equal(repeat.alreadyDone.byName, "DS Khan");
    assert.deepEqual((await world.repos.actionPlans.get("dc1", id))?.checkpoints[0]?.results?.map((r) => r.result), ["met", "partly"], "the repeat changed nothing");

    // Two checkpoints missed in a row reach the inspector (docs/domain-rules.md §4).
    world.at = momentOf("2026-04-22T09:00:00Z");
    const later = await world.repos.actionPlans.checkpointsDue("2026-04-22");
    assert.equal(later[0]?.nextCheckpointOn, "2026-04-07");
    assert.ok(actionPlanTriggers(later[0]!, policy, "2026-04-22").fired.some((f) => f.kind === "plan-checkpoint-missed" && f.role === "inspector"));

    const closed = await world.plans.close(force.khan, khan, world.at, id, "completed", { idempotencyKey: "close-1" });
    assert.ok(closed.kind === "saved");
    const stored = await world.repos.actionPlans.get("dc1", id);
    assert.equal(stored?.status, "completed");
    assert.equal(stored?.nextCheckpointOn, undefined);
    assert.deepEqual(await world.repos.actionPlans.checkpointsDue("2026-12-31"), []);
    assert.equal((await world.plans.close(force.khan, khan, world.at, id, "completed", { idempotencyKey: "close-1" })).kind, "already-done");
    await assert.rejects(world.plans.close(force.di, await scopeFor(world.repos, force.di), world.at, id, "referred", { idempotencyKey: "close-2" }),
      (e: unknown) => e instanceof AlreadyDoneError && /already closed by DS Khan/.test(e.message));
    const reopened = await world.plans.openPlan(force.di, await scopeFor(world.repos, force.di), world.at, id);
    assert.ok(reopened.card === "plan-checkpoint" && reopened.data.mode === "closed" && reopened.data.byName === "DS Khan");
    await assert.rejects(world.plans.recordCheckpoint(force.khan, khan, world.at, id, { checkpointOn: "2026-04-07", ...results2("met", "met") }), { code: "VALIDATION_FAILED" });

    assert.deepEqual((await changesAudited(world.repos)).map((e) => [e.action, e.actorId, e.recordId]), [
      ["propose action plan", "ds1", id],
      ["acknowledge action plan", "dc1", id],
      ["record action plan checkpoint", "ds1", id],
      ["close action plan: completed", "ds1", id],
    ]);
  });

  it("refuses an unknown close outcome and writes nothing", async () => {
    const khan = await scopeFor(world.repos, force.khan);
    const proposed = await world.plans.propose(force.khan, khan, world.at, { officerId: "dc1", support: "x", objectives: [{ text: "a", measure: "b" }] }, { idempotencyKey: "p" });
    assert.ok(proposed.kind === "saved");
    await assert.rejects(world.plans.close(force.khan, khan, world.at, proposed.plan.id, "abandoned", { idempotencyKey: "c" }), FormValidationError);
    assert.equal((await world.repos.actionPlans.get("dc1", proposed.plan.id))?.status, "proposed");
  });
});
