import assert from "node:assert/strict";
import { chainOfCommand } from "../../../../services/app/scope/chain-of-command";
import { ValidationError } from "../../../../services/platform/errors";
import { createAbsenceService } from "../../../../services/app/absence/absence-service";
import { NotPermittedError, OfficerOutOfScopeError } from "../../../../services/app/scope/scope-errors";
import type { Repositories } from "../../../../services/store/repositories";
import { AT, TODAY, officer, oversightForce, storeWithForce } from "../oversight-fixture";

describe("absence: record and end (issue 6 §3) against the store", function () {
  this.timeout(30_000);
  const force = oversightForce();
  const who = (id: string) => officer(force, id);
  const scopeOf = (id: string) => chainOfCommand(who(id), force.officers, TODAY);

  const fresh = storeWithForce(force, createAbsenceService);

  async function assertNothingWritten(repos: Repositories, officerId: string): Promise<void> {
    assert.deepEqual((await repos.officers.get(officerId))?.absences, who(officerId).absences);
    assert.deepEqual(await repos.audit.between(TODAY, TODAY), []);
  }

  it("stores the absence and shows at once the cases whose bail or review falls inside it", async () => {
    const { repos, service } = await fresh();
    const view = await service.recordAbsence(who("dsA"), scopeOf("dsA"), AT, "a01", { kind: "leave", from: "2026-03-12", to: "2026-03-16" });
    // a01's bail on A/2 ends 15 Mar (inside); A/1's ended 8 Mar (before); every review falls due outside 12–16 Mar.
    assert.deepEqual(view.atRisk.map((r) => [r.case.ref, r.deadlines]), [["A/2/26", [{ kind: "bail-ends", on: "2026-03-15" }]]]);
    assert.deepEqual(view.window, { from: "2026-03-12", to: "2026-03-16", openEnded: false });
    assert.deepEqual((await repos.officers.get("a01"))?.absences, [{ kind: "leave", from: "2026-03-12", to: "2026-03-16" }]);
    const audit = await repos.audit.between(TODAY, TODAY);
    assert.deepEqual(audit.map((a) => [a.actorId, a.operation, a.recordType, a.recordId]), [
      ["dsA", "alteration", "officer", "a01"],
      ["dsA", "consultation", "case-list", "A/2/26"],
    ]);
  });

  it("brings the absent officer's cases forward so the next sweep routes their pending items to the sergeant", async () => {
    const { repos, service } = await fresh();
    await service.recordAbsence(who("dsA"), scopeOf("dsA"), AT, "a03", { kind: "training", from: "2026-03-11", to: "2026-03-13" });
    const cases = await repos.cases.byOic(["a03"], { openOnly: true });
    assert.deepEqual(cases.map((c) => c.nextAttentionOn), cases.map(() => TODAY));
  });

  it("looks 28 days ahead for an open-ended absence, bail first", async () => {
    const { service } = await fresh();
    const view = await service.recordAbsence(who("dsA"), scopeOf("dsA"), AT, "a01", { kind: "sick", from: "2026-03-14" });
    assert.deepEqual(view.window, { from: "2026-03-14", to: "2026-04-11", openEnded: true });
    // A/2's bail (15 Mar) first; then the reviews due 19 Mar, worst case first (A/1's bail has lapsed); A/3's is long overdue.
    assert.deepEqual(view.atRisk.map((r) => r.case.ref), ["A/2/26", "A/1/26", "A/4/26", "A/5/26", "A/6/26", "A/7/26"]);
  });

  it("refuses a reason or any field beyond kind and dates, and writes nothing", async () => {
    const { repos, service } = await fresh();
    const refused = await service
      .recordAbsence(who("dsA"), scopeOf("dsA"), AT, "a01", { kind: "sick", from: "2026-03-12", reason: "flu" })
      .catch((e: unknown) => e);
    assert.ok(refused instanceof ValidationError);
    assert.match(refused.details?.join(" ") ?? "", /reason: not recorded/);
    await assertNothingWritten(repos, "a01");
  });

  const invalid: [string, unknown][] = [
    ["an end before the start", { kind: "leave", from: "2026-03-12", to: "2026-03-11" }],
    ["an unknown kind", { kind: "stress", from: "2026-03-12" }],
    ["an impossible date", { kind: "leave", from: "2026-02-30" }],
    ["no start date", { kind: "leave" }],
  ];
  for (const [name, input] of invalid) {
    it(`refuses ${name} and writes nothing`, async () => {
      const { repos, service } = await fresh();
      await assert.rejects(service.recordAbsence(who("dsA"), scopeOf("dsA"), AT, "a01", input), ValidationError);
      await assertNothingWritten(repos, "a01");
    });
  }

  it("refuses an absence overlapping one already recorded", async () => {
    const { repos, service } = await fresh();
    await assert.rejects(service.recordAbsence(who("dsA"), scopeOf("dsA"), AT, "a02", { kind: "leave", from: "2026-03-20", to: "2026-03-21" }), ValidationError);
    await assertNothingWritten(repos, "a02");
  });

  it("lets only the officer's supervisors record it", async () => {
    const { repos, service } = await fresh();
    await assert.rejects(service.recordAbsence(who("dsB"), scopeOf("dsB"), AT, "a01", { kind: "leave", from: "2026-03-12" }), OfficerOutOfScopeError);
    await assert.rejects(service.recordAbsence(who("a01"), scopeOf("a01"), AT, "a01", { kind: "leave", from: "2026-03-12" }), NotPermittedError);
    await assertNothingWritten(repos, "a01");
    // The inspector above the sergeant may.
    await service.recordAbsence(who("di1"), scopeOf("di1"), AT, "a01", { kind: "leave", from: "2026-03-12" });
    assert.equal((await repos.officers.get("a01"))?.absences.length, 1);
  });

  it("\"back\" ends the absence yesterday, and a second \"back\" changes nothing", async () => {
    const { repos, service } = await fresh();
    const out = await service.endAbsence(who("a02"), scopeOf("a02"), AT, "a02");
    assert.deepEqual(out, { status: "ended", officerId: "a02", name: "DC Officer A02", from: "2026-03-05", lastDayAbsent: "2026-03-09" });
    assert.deepEqual((await repos.officers.get("a02"))?.absences, [{ kind: "sick", from: "2026-03-05", to: "2026-03-09" }]);
    assert.deepEqual((await service.endAbsence(who("a02"), scopeOf("a02"), AT, "a02")).status, "not-absent");
    const audit = await repos.audit.between(TODAY, TODAY);
    assert.deepEqual(audit.map((a) => [a.actorId, a.action, a.recordId]), [["a02", "end absence", "a02"]]);
  });

  it("removes an absence that started today, keeps a future one, and lets a supervisor but not an outsider end it", async () => {
    const { repos, service } = await fresh();
    await service.recordAbsence(who("dsA"), scopeOf("dsA"), AT, "a03", { kind: "leave", from: TODAY, to: "2026-03-11" });
    await service.recordAbsence(who("dsA"), scopeOf("dsA"), AT, "a03", { kind: "training", from: "2026-04-01", to: "2026-04-02" });
    await assert.rejects(service.endAbsence(who("dsB"), scopeOf("dsB"), AT, "a03"), OfficerOutOfScopeError);
    const out = await service.endAbsence(who("dsA"), scopeOf("dsA"), AT, "a03");
    assert.equal(out.status, "ended");
    assert.deepEqual((await repos.officers.get("a03"))?.absences, [{ kind: "training", from: "2026-04-01", to: "2026-04-02" }]);
  });

  it("offers a form listing only the people the viewer supervises", async () => {
    const { service } = await fresh();
    const form = service.absenceForm(who("dsB"), scopeOf("dsB"), AT, "b02");
    assert.deepEqual(form, {
      today: TODAY,
      officers: [
        { officerId: "b01", name: "DC Officer B01", absentNow: false },
        { officerId: "b02", name: "DC Officer B02", absentNow: false },
      ],
      officerId: "b02",
    });
    assert.throws(() => service.absenceForm(who("dsB"), scopeOf("dsB"), AT, "a01"), OfficerOutOfScopeError);
  });
});
