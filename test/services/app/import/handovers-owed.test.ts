import assert from "node:assert/strict";
import { handoversOwed } from "../../../../services/app/import/handovers-owed";

describe("handoversOwed: who gets a handover digest after an import", () => {
  it("groups the moved officers under each new supervisor, once each", () => {
    const owed = handoversOwed({
      dryRun: false,
      supervisorChanges: [
        { officerId: "dc3", from: "ds2", to: "ds1" },
        { officerId: "dc1", from: "ds3", to: "ds1" },
        { officerId: "dc4", from: "ds1", to: "ds3" },
      ],
    });
    assert.deepEqual(owed, [{ supervisorId: "ds1", officerIds: ["dc1", "dc3"] }, { supervisorId: "ds3", officerIds: ["dc4"] }]);
  });

  it("owes nothing for a dry run, which wrote nothing", () => {
    assert.deepEqual(handoversOwed({ dryRun: true, supervisorChanges: [{ officerId: "dc3", from: "ds2", to: "ds1" }] }), []);
  });

  it("owes nothing for an officer left with no supervisor: there is nobody to tell", () => {
    assert.deepEqual(handoversOwed({ dryRun: false, supervisorChanges: [{ officerId: "dc3", from: "ds2", to: undefined }] }), []);
  });
});
