import assert from "node:assert/strict";
import { buildHandoverCard } from "../../../../cards/handover";
import { ValidationError } from "../../../../services/platform/errors";
import { createHandoverService } from "../../../../services/app/handover/handover-service";
import { NotPermittedError, OfficerOutOfScopeError } from "../../../../services/app/scope/scope-errors";
import { AT, TODAY, officer, oversightForce, storeWithForce } from "../oversight-fixture";

describe("handover to a new supervisor (issue 6 §4) against the store", function () {
  this.timeout(30_000);
  const force = oversightForce();
  const who = (id: string) => officer(force, id);
  /** The turn's step, as the bot names it: the command's activity, verb and subject. */
  const step = { idempotencyKey: "activity-1|handover|dsA" };

  const fresh = storeWithForce(force, createHandoverService);

  it("moves everyone reporting to the old sergeant under the new one", async () => {
    const { repos, service } = await fresh();
    const out = await service.handover(who("di1"), AT, "dsA", "dsB", step);
    assert.equal(out.movedOfficerIds.length, 23);
    assert.deepEqual((await repos.officers.directReports("dsA")).map((o) => o.id), []);
    assert.equal((await repos.officers.directReports("dsB")).length, 25);
    assert.equal((await repos.officers.get("a01"))?.supervisorId, "dsB");
  });

  it("sends the new sergeant every stale, overdue, high-risk or bail-critical case they inherit, worst first", async () => {
    const { service } = await fresh();
    const { notification } = await service.handover(who("di1"), AT, "dsA", "dsB", step);
    assert.equal(notification.recipientOfficerId, "dsB");
    const d = notification.view;
    assert.deepEqual([d.supervisor.name, d.fromName], ["DS Officer DSB", "DS Officer DSA"]);
    // A/1 lapsed, A/10 a year stale, A/13 high risk and 21 days overdue, A/2 and A/8 bail within 7 days, A/3 overdue,
    // A/11 and A/12 stale. Not A/4–A/7 (fresh, low), A/9 (bail in 8 days), A/14–A/15 (forensics alone), A/16 (dsA's own).
    assert.deepEqual(d.cases.map((c) => [c.case.ref, c.reasons]), [
      ["A/1/26", ["bail"]],
      ["A/10/26", ["stale"]],
      ["A/13/26", ["overdue", "high-risk"]],
      ["A/2/26", ["bail"]],
      ["A/8/26", ["bail"]],
      ["A/3/26", ["overdue"]],
      ["A/11/26", ["stale"]],
      ["A/12/26", ["stale"]],
    ]);
    assert.deepEqual(d.counts, { open: 15, bail: 3, overdue: 2, stale: 3, highRisk: 1 });
    assert.equal(d.more, 0);
    assert.equal(d.officers.length, 23);
    assert.deepEqual(d.officers.find((o) => o.officerId === "a01")?.capacity, { live: 7, capacity: 6, percent: 117, over: true });
    assert.match(JSON.stringify(buildHandoverCard(notification.view)), /Handover to DS Officer DSB/);
    // An intent, not a card: the bot draws it and sends it once per key, for this step and recipient.
    assert.equal(notification.reason, "handover");
    assert.deepEqual({ ...notification.key, subjectId: notification.key.subjectId.split("#")[0] }, { kind: "bot-card:handover", subjectId: "dsA", dueOn: TODAY, recipientId: "dsB" });
    assert.deepEqual(notification.about, { recordType: "officer", recordId: "dsA" });
  });

  it("brings the inherited cases forward for the next sweep, leaving alone those already due", async () => {
    const { repos, service } = await fresh();
    const due = await repos.cases.getByRef("A/4/26");
    const later = await repos.cases.getByRef("A/5/26");
    assert.ok(due && later);
    await repos.cases.replace({ ...due, nextAttentionOn: "2026-03-01" });
    await repos.cases.replace({ ...later, nextAttentionOn: "2026-04-01" });
    const out = await service.handover(who("di1"), AT, "dsA", "dsB", step);
    assert.equal((await repos.cases.getByRef("A/4/26"))?.nextAttentionOn, "2026-03-01");
    assert.equal((await repos.cases.getByRef("A/5/26"))?.nextAttentionOn, TODAY);
    assert.equal(out.replannedRefs.length, 14, "15 inherited open cases, one already due");
    assert.ok(!out.replannedRefs.includes("A/16/26"), "the old sergeant's own case does not move");
  });

  it("audits each officer moved, the re-plan and the disclosure to the new supervisor", async () => {
    const { repos, service } = await fresh();
    await service.handover(who("di1"), AT, "dsA", "dsB", { ...step, why: "command:handover" });
    const audit = await repos.audit.between(TODAY, TODAY);
    const moves = audit.filter((a) => a.recordType === "officer");
    assert.equal(moves.length, 23);
    assert.ok(moves.every((a) => a.actorId === "di1" && a.operation === "alteration" && a.action === "change supervisor from dsA to dsB"));
    assert.deepEqual(audit.filter((a) => a.recordType === "case-list").map((a) => [a.operation, a.action]), [
      ["alteration", "re-plan reminders after handover"],
      ["disclosure", "handover digest to dsB"],
    ]);
  });

  it("hands an inspector's whole command over, sergeants' teams included", async () => {
    const { repos, service } = await fresh();
    const out = await service.handover(who("dci1"), AT, "di1", "di2", step);
    assert.deepEqual(out.movedOfficerIds.sort(), ["dsA", "dsB", "dsC"]);
    assert.equal(out.notification.view.counts.open, 22);
    assert.equal((await repos.officers.get("dsA"))?.supervisorId, "di2");
  });

  const refusals: [name: string, viewer: string, from: string, to: string, error: new (...a: never[]) => Error][] = [
    ["a sergeant cannot hand a team over", "dsA", "dsA", "dsB", NotPermittedError],
    ["a supervisor outside the viewer's scope", "di1", "dsA", "dsX", OfficerOutOfScopeError],
    ["an unknown supervisor", "di1", "nobody", "dsB", OfficerOutOfScopeError],
    ["handing to the same supervisor", "di1", "dsA", "dsA", ValidationError],
    ["handing a team to a detective", "di1", "dsA", "a01", ValidationError],
    ["handing a team to someone inside it (a loop)", "dci1", "di1", "dsA", ValidationError],
    ["a supervisor nobody reports to", "di1", "a01", "dsB", ValidationError],
  ];
  for (const [name, viewer, from, to, error] of refusals) {
    it(`${name}: refused, nothing written`, async () => {
      const { repos, service } = await fresh();
      await assert.rejects(service.handover(who(viewer), AT, from, to, step), error);
      assert.deepEqual(await repos.audit.between(TODAY, TODAY), []);
      assert.equal((await repos.officers.directReports("dsA")).length, 23);
    });
  }

  it("builds the digest for the import from officer ids alone, logging the disclosure only when told who sent it", async () => {
    const { repos, service } = await fresh();
    const quiet = await service.handoverDigestFor(TODAY, "dsC", ["b01"]);
    assert.deepEqual(quiet.view.cases.map((c) => [c.case.ref, c.reasons]), [["B/1/26", ["overdue"]]]);
    assert.equal(quiet.view.fromName, undefined);
    assert.equal(quiet.key.kind, "bot-card:handover-digest");
    assert.deepEqual(quiet.about, { recordType: "case-list", recordId: "B/1/26" });
    assert.deepEqual(await repos.audit.between(TODAY, TODAY), []);
    await service.handoverDigestFor(TODAY, "dsC", ["b01"], { actorId: "system:import", why: "import staff.json", now: AT.now });
    assert.deepEqual((await repos.audit.between(TODAY, TODAY)).map((a) => [a.actorId, a.operation, a.recordId]), [["system:import", "disclosure", "B/1/26"]]);
  });
});
