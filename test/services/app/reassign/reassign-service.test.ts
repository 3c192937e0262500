import assert from "node:assert/strict";
import { buildCaseAssignedCard } from "../../../../cards/reassign";
import { chainOfCommand } from "../../../../services/app/scope/chain-of-command";
import { CaseNotFoundError } from "../../../../services/app/scope/scope-errors";
import { ValidationError } from "../../../../services/platform/errors";
import { OfficerOutOfScopeError } from "../../../../services/app/scope/scope-errors";
import { createReassignService } from "../../../../services/app/reassign/reassign-service";
import type { Repositories } from "../../../../services/store/repositories";
import { makeOfficer } from "../../../support/fixtures";
import { AT, TODAY, freshCase, officer, oversightForce, storeWithForce } from "../oversight-fixture";

describe("workload guard: reassign a case (issue 6 §2) against the store", function () {
  this.timeout(30_000);
  const force = oversightForce();
  const who = (id: string) => officer(force, id);
  const scopeOf = (id: string) => chainOfCommand(who(id), force.officers, TODAY);
  /** The turn's step, as the bot names it: the invoke's activity, verb and subject. */
  const step = { idempotencyKey: "activity-1|case-assigned|ref" };

  const fresh = storeWithForce(force, createReassignService);

  async function assertNothingWritten(repos: Repositories, ref: string, oicId: string): Promise<void> {
    assert.equal((await repos.cases.getByRef(ref))?.oicId, oicId, "the case keeps its OIC");
    assert.deepEqual(await repos.audit.between(TODAY, TODAY), [], "no audit entry, because nothing changed");
  }

  it("refuses a case outside the viewer's scope exactly as if it did not exist, and writes nothing", async () => {
    const { repos, service } = await fresh();
    await assert.rejects(service.reassign(who("dsB"), scopeOf("dsB"), AT, "A/4/26", "b01", step), CaseNotFoundError);
    const errors = await Promise.all(["A/4/26", "Z/999/26"].map((ref) => service.reassign(who("dsB"), scopeOf("dsB"), AT, ref, "b01", step).catch((e: unknown) => e)));
    for (const e of errors) assert.ok(e instanceof CaseNotFoundError && e.code === "NOT_FOUND");
    assert.equal((errors[0] as Error).message.replace("A/4/26", "REF"), (errors[1] as Error).message.replace("Z/999/26", "REF"));
    await assertNothingWritten(repos, "A/4/26", "a01");
  });

  it("refuses a target officer outside the viewer's scope with OUT_OF_SCOPE, and writes nothing", async () => {
    const { repos, service } = await fresh();
    await assert.rejects(service.reassign(who("dsA"), scopeOf("dsA"), AT, "A/4/26", "b01", step), (e: OfficerOutOfScopeError) => e instanceof OfficerOutOfScopeError && e.code === "OUT_OF_SCOPE");
    await assert.rejects(service.reassign(who("dsA"), scopeOf("dsA"), AT, "A/4/26", "nobody", step), OfficerOutOfScopeError);
    await assertNothingWritten(repos, "A/4/26", "a01");
  });

  it("warns with the figures when the target is at or over capacity, and writes nothing until confirmed", async () => {
    const { repos, service } = await fresh();
    const out = await service.reassign(who("dsA"), scopeOf("dsA"), AT, "A/11/26", "a01", step);
    assert.equal(out.status, "needs-confirmation");
    assert.ok(out.status === "needs-confirmation");
    // a01: 20 hours → capacity 6; 7 open now, 8 after (133%).
    assert.deepEqual(out.warning, { ref: "A/11/26", toOfficerId: "a01", toName: "DC Carys Lloyd", hoursPerWeek: 20, live: 7, capacity: 6, liveAfter: 8, percentAfter: 133 });
    await assertNothingWritten(repos, "A/11/26", "a03");
  });

  // docs/domain-rules.md §5: the warning fires when a case goes to someone already at or above capacity (20h → 6 cases).
  const boundary: [live: number, warns: boolean][] = [[5, false], [6, true]];
  for (const [live, warns] of boundary) {
    it(`${warns ? "warns" : "does not warn"} when a 20-hour officer holds ${live} cases`, async () => {
      const ds = makeOfficer({ id: "ds1", rank: "DS" });
      const team = [ds, makeOfficer({ id: "pt", hoursPerWeek: 20, supervisorId: "ds1" }), makeOfficer({ id: "ft", supervisorId: "ds1" })];
      const { service } = await fresh({ officers: team, cases: [freshCase("M/0/26", "ft"), ...Array.from({ length: live }, (_, i) => freshCase(`M/${i + 1}/26`, "pt"))] });
      const out = await service.reassign(ds, chainOfCommand(ds, team, TODAY), AT, "M/0/26", "pt", step);
      assert.equal(out.status, warns ? "needs-confirmation" : "reassigned");
    });
  }

  it("reassigns once confirmed: new OIC stored, due for the next sweep, audited, and the new OIC is sent the case with its bail date", async () => {
    const { repos, service } = await fresh();
    const out = await service.reassign(who("dsA"), scopeOf("dsA"), AT, "A/8/26", "a01", { ...step, confirmOverCapacity: true, why: "action:reassign" });
    assert.equal(out.status, "reassigned");
    assert.ok(out.status === "reassigned");
    const stored = await repos.cases.getByRef("A/8/26");
    assert.equal(stored?.oicId, "a01");
    assert.equal(stored?.nextAttentionOn, TODAY);
    const audit = await repos.audit.between(TODAY, TODAY);
    assert.deepEqual(audit.map((a) => [a.actorId, a.operation, a.recordType, a.recordId, a.action, a.why]), [
      ["dsA", "alteration", "case", "A/8/26", "reassign case from a02 to a01 (over capacity, confirmed)", "action:reassign"],
    ]);
    assert.equal(out.notification.recipientOfficerId, "a01");
    assert.equal(out.notification.view.case.oicName, "DC Carys Lloyd");
    assert.equal(out.notification.view.previousOicName, "DC Officer A02");
    // An intent, not a card: the bot draws it and sends it once per key, for this step and recipient.
    assert.equal(out.notification.reason, "case-assigned");
    assert.deepEqual({ ...out.notification.key, subjectId: out.notification.key.subjectId.split("#")[0] }, { kind: "bot-card:case-assigned", subjectId: "A/8/26", dueOn: TODAY, recipientId: "a01" });
    assert.deepEqual(out.notification.about, { recordType: "case", recordId: "A/8/26" });
    const card = JSON.stringify(buildCaseAssignedCard(out.notification.view));
    assert.match(card, /Bail ends Tue 17 Mar 2026/);
    assert.match(card, /You are now the officer in charge of A\/8\/26/);
  });

  it("reassigns to someone under capacity without asking, and finds a reference typed in lower case", async () => {
    const { repos, service } = await fresh();
    const out = await service.reassign(who("dsA"), scopeOf("dsA"), AT, "a/9/26", "a03", step);
    assert.equal(out.status, "reassigned");
    assert.equal((await repos.cases.getByRef("A/9/26"))?.oicId, "a03");
  });

  it("refuses to reassign a case to its own OIC or to reassign a closed case", async () => {
    const { repos, service } = await fresh();
    await assert.rejects(service.reassign(who("dsA"), scopeOf("dsA"), AT, "A/11/26", "a03", step), ValidationError);
    await assert.rejects(service.reassign(who("dsA"), scopeOf("dsA"), AT, "A/17/26", "a04", step), ValidationError);
    assert.deepEqual(await repos.audit.between(TODAY, TODAY), []);
  });

  it("offers everyone in scope but the current OIC, least loaded first, absent people last, with their caseloads", async () => {
    const { repos, service } = await fresh();
    const view = await service.options(who("dsA"), scopeOf("dsA"), AT, "A/11/26", "action:choose-reassign");
    const ids = view.candidates.map((c) => c.officerId);
    assert.ok(!ids.includes("a03"), "not the current OIC");
    assert.equal(ids.length, 23, "a01, a02, a04–a23 and dsA");
    assert.equal(ids.at(-1), "a02", "the absent officer comes last");
    assert.equal(ids.at(-2), "a01", "the over-capacity officer comes last of those present");
    assert.deepEqual(view.candidates.at(-2)?.capacity, { live: 7, capacity: 6, percent: 117, over: true });
    const audit = await repos.audit.between(TODAY, TODAY);
    assert.deepEqual(audit.map((a) => [a.operation, a.recordId]), [["consultation", "A/11/26"]]);
  });
});
