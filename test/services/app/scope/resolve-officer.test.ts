import assert from "node:assert/strict";
import { chainOfCommand } from "../../../../services/app/scope/chain-of-command";
import { ValidationError } from "../../../../services/platform/errors";
import { OfficerOutOfScopeError } from "../../../../services/app/scope/scope-errors";
import { resolveOfficer } from "../../../../services/app/scope/resolve-officer";
import { makeOfficer } from "../../../support/fixtures";
import { TODAY } from "../oversight-fixture";

describe("resolveOfficer: the officer a typed command names, inside the viewer's scope", () => {
  const officers = [
    makeOfficer({ id: "ds1", rank: "DS", name: "Sam Khan" }),
    makeOfficer({ id: "dc05", name: "Carys Lloyd", supervisorId: "ds1" }),
    makeOfficer({ id: "dc06", name: "Owen Price", supervisorId: "ds1" }),
    makeOfficer({ id: "dc07", name: "Gwen Price", supervisorId: "ds1" }),
    makeOfficer({ id: "ds2", rank: "DS", name: "Priya Shah" }),
    makeOfficer({ id: "dc09", name: "Nia Roberts", supervisorId: "ds2" }),
  ];
  const scope = chainOfCommand(officers[0]!, officers, TODAY);

  const found: [typed: string, id: string][] = [
    ["dc05", "dc05"], ["DC05", "dc05"], ["Carys Lloyd", "dc05"], ["DC Carys  Lloyd", "dc05"], ["lloyd", "dc05"], ["Owen Price", "dc06"],
  ];
  for (const [typed, id] of found) it(`"${typed}" is ${id}`, () => assert.equal(resolveOfficer(scope, typed).id, id));

  it("refuses someone outside the scope exactly like someone who does not exist", () => {
    assert.throws(() => resolveOfficer(scope, "Nia Roberts"), OfficerOutOfScopeError);
    assert.throws(() => resolveOfficer(scope, "dc09"), OfficerOutOfScopeError);
    assert.throws(() => resolveOfficer(scope, "nobody"), OfficerOutOfScopeError);
  });

  it("asks which one when a surname is shared, naming the ids to use", () => {
    assert.throws(() => resolveOfficer(scope, "Price"), (e: ValidationError) => e instanceof ValidationError && /dc06/.test(e.details?.join(" ") ?? ""));
  });
});
