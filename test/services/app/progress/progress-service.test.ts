import assert from "node:assert/strict";
import { buildProgressCard } from "../../../../cards/progress";
import type { Officer } from "../../../../services/domain/officer";
import { createProgressService } from "../../../../services/app/progress/progress-service";
import { FormValidationError } from "../../../../services/app/workflow/workflow-errors";
import { changesAudited, force, REF, scopeFor, smithCase, TODAY, workflowWorld } from "../workflow/workflow-fixtures";

describe("progress service (real Cosmos-protocol store)", () => {
  const world = workflowWorld((deps) => ({ progress: createProgressService(deps) }), () => [smithCase({ awaitingCpsSince: "2026-03-01" })]);

  const confirm = async (viewer: Officer, answer: string, extra: Record<string, unknown> = {}, key = `reply-9|progress-answer|${REF}|${answer}`) =>
    world.progress.confirm(viewer, await scopeFor(world.repos, viewer), world.at, { ref: REF, answer, ...extra }, { idempotencyKey: key });

  const table: { answer: string; forensics: string | undefined; cps: string | undefined }[] = [
    { answer: "updated", forensics: undefined, cps: undefined },
    { answer: "awaiting-forensics", forensics: "2026-01-12", cps: undefined },
    { answer: "awaiting-cps", forensics: undefined, cps: "2026-03-01" },
    { answer: "need-help", forensics: "2026-01-12", cps: "2026-03-01" },
  ];
  for (const row of table) {
    it(`"${row.answer}" records today's update and leaves the waits as forensics=${row.forensics}, CPS=${row.cps}`, async () => {
      await confirm(force.smith, row.answer);
      const c = await world.repos.cases.getByRef(REF);
      assert.equal(c?.lastUpdatedOn, TODAY);
      assert.equal(c?.awaitingForensicsSince, row.forensics);
      assert.equal(c?.awaitingCpsSince, row.cps);
      assert.deepEqual(await changesAudited(world.repos), [{ action: `confirm progress: ${row.answer}`, actorId: "dc1", recordId: REF }]);
    });
  }

  it("starts a wait today when none was running", async () => {
    await world.repos.cases.upsert(smithCase());
    await confirm(force.smith, "awaiting-cps");
    assert.equal((await world.repos.cases.getByRef(REF))?.awaitingCpsSince, TODAY);
  });

  it("moves the case's next attention date on to the next rule (here the review due) once it is no longer stale", async () => {
    const { bail, awaitingForensicsSince, ...quiet } = smithCase({ lastReviewedOn: "2026-03-09", nextReviewDueOn: "2026-03-23" });
    void bail; void awaitingForensicsSince;
    await world.repos.cases.upsert(quiet);
    await confirm(force.smith, "updated");
    assert.equal((await world.repos.cases.getByRef(REF))?.nextAttentionOn, "2026-03-23");
  });

  it("sends \"need help\" with the note to the OIC's sergeant, and the card shows it", async () => {
    const result = await confirm(force.smith, "need-help", { note: "Suspect's phone still locked" });
    assert.ok(result.kind === "saved");
    assert.deepEqual(result.notifications.map((n) => [n.recipientOfficerId, n.reason]), [["ds1", "progress-help"]]);
    const view = result.notifications[0]?.view;
    assert.ok(view?.card === "progress");
    const card = JSON.stringify(buildProgressCard(view.data));
    assert.ok(card.includes("Suspect's phone still locked") && card.includes("DC Smith asks for help"));
  });

  it("sends a sergeant's own \"need help\" to their inspector, and routes past an absent sergeant", async () => {
    const bySergeant = await confirm(force.khan, "need-help", {}, "k1");
    assert.ok(bySergeant.kind === "saved");
    assert.deepEqual(bySergeant.notifications.map((n) => n.recipientOfficerId), ["di1"]);
    await world.repos.officers.upsert({ ...force.khan, absences: [{ kind: "sick", from: "2026-03-02" }] });
    const whileAbsent = await confirm(force.smith, "need-help", {}, "k2");
    assert.ok(whileAbsent.kind === "saved");
    assert.deepEqual(whileAbsent.notifications.map((n) => n.recipientOfficerId), ["di1"]);
  });

  it("lets the OIC's chain answer but not a colleague, who gets 'not found'", async () => {
    assert.equal((await confirm(force.di, "updated")).kind, "saved");
    await assert.rejects(confirm(force.brown, "updated"), { code: "NOT_FOUND" });
    await assert.rejects(confirm(force.jones, "updated"), { code: "NOT_FOUND" });
  });

  it("records a redelivered click once and says who answered and when", async () => {
    const first = await confirm(force.smith, "need-help", { note: "help" });
    const second = await confirm(force.smith, "need-help", { note: "help" });
    assert.equal(first.kind, "saved");
    assert.ok(second.kind === "already-done");
    assert.deepEqual([second.alreadyDone.byName, second.alreadyDone.atLabel], ["DC Smith", "10:42"]);
    assert.equal((await changesAudited(world.repos)).length, 1);
    buildProgressCard(second.view);
  });

  it("refuses an unknown answer and a closed case, writing nothing", async () => {
    const before = await world.repos.cases.getByRef(REF);
    await assert.rejects(confirm(force.smith, "done-it"), (e: unknown) => e instanceof FormValidationError && e.problems[0]?.field === "answer");
    await world.repos.cases.upsert(smithCase({ status: "closed" }));
    const closed = await world.repos.cases.getByRef(REF);
    await assert.rejects(confirm(force.smith, "updated"), { code: "VALIDATION_FAILED" });
    assert.deepEqual(await world.repos.cases.getByRef(REF), closed);
    assert.notDeepEqual(before, closed);
    assert.deepEqual(await changesAudited(world.repos), []);
  });

  it("opens the one-click card and audits the view", async () => {
    const data = await world.progress.open(force.smith, await scopeFor(world.repos, force.smith), world.at, REF);
    assert.equal(data.mode, "ask");
    buildProgressCard(data);
    const views = (await world.repos.audit.between(TODAY, TODAY)).filter((e) => e.operation === "consultation");
    assert.deepEqual(views.map((e) => [e.actorId, e.action, e.recordId]), [["dc1", "open progress confirmation", REF]]);
  });
});
