import assert from "node:assert/strict";
import { chainOfCommand } from "../../../../services/app/scope/chain-of-command";
import { makeOfficer } from "../../../support/fixtures";
import { byId, officers, TODAY } from "../force-fixture";

describe("chainOfCommand", () => {
  const table: [viewer: string, role: string, sees: string[]][] = [
    ["dc1", "detective", ["dc1"]],
    ["ds1", "sergeant", ["dc1", "dc2", "ds1"]],
    ["ds3", "sergeant", ["dc4", "ds3"]],
    ["di1", "inspector", ["dc1", "dc2", "dc3", "di1", "ds1", "ds2"]],
    ["dci", "inspector", ["dc1", "dc2", "dc3", "dc4", "dci", "di1", "di2", "ds1", "ds2", "ds3"]],
  ];
  for (const [viewer, role, sees] of table) {
    it(`gives ${viewer} the ${role} view over ${sees.length} people, themselves and everyone below`, () => {
      const scope = chainOfCommand(byId(viewer), officers, TODAY);
      assert.equal(scope.role, role);
      assert.deepEqual([...scope.officers.keys()].sort(), sees);
    });
  }

  it("names each sergeant's team for an inspector", () => {
    const scope = chainOfCommand(byId("di1"), officers, TODAY);
    assert.deepEqual(scope.teamOf("ds1").map((o) => o.id).sort(), ["dc1", "dc2", "ds1"]);
    assert.deepEqual(scope.teamOf("ds3"), [], "a team outside the scope is empty, not leaked");
  });

  it("gives a sergeant with nobody to supervise the detective view", () => {
    const alone = makeOfficer({ id: "ds9", rank: "DS" });
    assert.equal(chainOfCommand(alone, [...officers, alone], TODAY).role, "detective");
  });

  it("terminates on a supervisor cycle left by a bad import", () => {
    const a = makeOfficer({ id: "a", rank: "DS", supervisorId: "b" });
    const b = makeOfficer({ id: "b", rank: "DS", supervisorId: "a" });
    assert.deepEqual([...chainOfCommand(a, [a, b], TODAY).officers.keys()].sort(), ["a", "b"]);
  });
});
