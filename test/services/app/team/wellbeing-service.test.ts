import assert from "node:assert/strict";
import { ValidationError } from "../../../../services/platform/errors";
import { NotPermittedError, OfficerOutOfScopeError } from "../../../../services/app/scope/scope-errors";
import { createWellbeingService } from "../../../../services/app/team/wellbeing-service";
import { AT, TODAY, officer, oversightForce, storeWithForce } from "../oversight-fixture";

describe("wellbeing: recording a 1:1 (issue 6 §5) against the store", function () {
  this.timeout(30_000);
  const force = oversightForce();
  const who = (id: string) => officer(force, id);

  const fresh = storeWithForce(force, createWellbeingService);

  it("stores only the date of the 1:1 and says when the next is due", async () => {
    const { repos, service } = await fresh();
    const out = await service.recordOneToOne(who("dsA"), AT, "a01", TODAY, "command:1:1");
    assert.deepEqual(out, { officerId: "a01", name: "DC Carys Lloyd", lastOneToOneOn: TODAY, nextDueOn: "2026-04-09" });
    const stored = await repos.officers.get("a01");
    assert.equal(stored?.lastOneToOneOn, TODAY);
    const audit = await repos.audit.between(TODAY, TODAY);
    assert.deepEqual(audit.map((a) => [a.actorId, a.operation, a.action, a.recordId, a.why]), [["dsA", "alteration", "record 1:1 date", "a01", "command:1:1"]]);
  });

  it("keeps the later date when an older 1:1 is entered late, and writes nothing", async () => {
    const { repos, service } = await fresh();
    await service.recordOneToOne(who("dsA"), AT, "a01", "2026-03-09");
    const out = await service.recordOneToOne(who("dsA"), AT, "a01", "2026-02-20");
    assert.equal(out.lastOneToOneOn, "2026-03-09");
    assert.equal((await repos.officers.get("a01"))?.lastOneToOneOn, "2026-03-09");
    assert.equal((await repos.audit.between(TODAY, TODAY)).length, 1);
  });

  const refusals: [string, string, string, string, new (...a: never[]) => Error][] = [
    ["a date in the future", "dsA", "a01", "2026-03-11", ValidationError],
    ["something that is not a date", "dsA", "a01", "yesterday", ValidationError],
    ["an officer outside the viewer's chain of command", "dsB", "a01", TODAY, OfficerOutOfScopeError],
    ["an officer recording their own 1:1", "a01", "a01", TODAY, NotPermittedError],
  ];
  for (const [name, viewer, officerId, date, error] of refusals) {
    it(`${name}: refused, nothing written`, async () => {
      const { repos, service } = await fresh();
      await assert.rejects(service.recordOneToOne(who(viewer), AT, officerId, date), error);
      assert.equal((await repos.officers.get(officerId))?.lastOneToOneOn, undefined);
      assert.deepEqual(await repos.audit.between(TODAY, TODAY), []);
    });
  }
});
