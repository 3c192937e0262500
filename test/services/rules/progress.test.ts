import assert from "node:assert/strict";
import { defaultPolicy } from "../../../services/domain/policy";
import { isStale, staleness } from "../../../services/rules/progress";
import { makeCase } from "../../support/fixtures";

const policy = defaultPolicy();

describe("case progress (staleness)", () => {
  const table: [string, number, string][] = [
    ["13 days without an update is fresh", 13, "fresh"],
    ["14 days prompts the OIC", 14, "oic"],
    ["28 days alerts the sergeant", 28, "sergeant"],
    ["56 days alerts the inspector", 56, "inspector"],
    ["364 days is still the inspector's", 364, "inspector"],
    ["365 days is red on every status", 365, "red"],
  ];
  for (const [name, days, level] of table) {
    it(name, () => {
      const today = "2026-06-01";
      const lastUpdatedOn = new Date(Date.parse(today + "T00:00:00Z") - days * 86_400_000).toISOString().slice(0, 10);
      const s = staleness(makeCase({ lastUpdatedOn }), policy, today);
      assert.deepEqual({ days: s.daysSinceUpdate, level: s.level }, { days, level });
    });
  }

  it("measures from the opening date when the crime report was never updated", () => {
    assert.equal(staleness(makeCase({ openedOn: "2026-01-01" }), policy, "2026-01-29").level, "sergeant");
  });

  it("flags a forensic wait at 60 days, not 59", () => {
    const c = makeCase({ lastUpdatedOn: "2026-03-01", awaitingForensicsSince: "2026-01-01" });
    assert.deepEqual([staleness(c, policy, "2026-03-01").forensicsDays, staleness(c, policy, "2026-03-01").forensicsOverdue], [59, false]);
    assert.deepEqual([staleness(c, policy, "2026-03-02").forensicsDays, staleness(c, policy, "2026-03-02").forensicsOverdue], [60, true]);
  });

  it("a closed case is never stale for action-plan purposes", () => {
    assert.equal(isStale(makeCase({ openedOn: "2025-01-01", status: "closed" }), policy, "2026-01-01"), false);
    assert.equal(isStale(makeCase({ openedOn: "2025-01-01" }), policy, "2026-01-01"), true);
  });
});
