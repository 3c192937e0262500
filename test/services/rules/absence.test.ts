import assert from "node:assert/strict";
import { absentDuring, currentAbsence, isAbsentOn } from "../../../services/rules/absence";
import { makeOfficer } from "../../support/fixtures";

const officer = makeOfficer({ id: "dc1", absences: [{ kind: "leave", from: "2026-04-06", to: "2026-04-10" }, { kind: "sick", from: "2026-05-01" }] });

describe("absence", () => {
  const onDay: [string, boolean][] = [["2026-04-05", false], ["2026-04-06", true], ["2026-04-10", true], ["2026-04-11", false], ["2026-05-01", true], ["2027-01-01", true]];
  for (const [day, absent] of onDay) it(`is ${absent ? "" : "not "}absent on ${day} (inclusive ends, open-ended sickness)`, () => assert.equal(isAbsentOn(officer, day), absent));

  const windows: [string, string, boolean][] = [["2026-03-20", "2026-04-05", false], ["2026-03-20", "2026-04-06", true], ["2026-04-10", "2026-04-20", true], ["2026-04-11", "2026-04-30", false], ["2026-06-01", "2026-06-02", true]];
  for (const [from, to, absent] of windows) it(`absentDuring ${from}..${to} is ${absent}`, () => assert.equal(absentDuring(officer, from, to), absent));

  it("reports the absence in force, kind only", () => {
    assert.deepEqual(currentAbsence(officer, "2026-04-08"), { kind: "leave", from: "2026-04-06", to: "2026-04-10" });
    assert.equal(currentAbsence(officer, "2026-04-20"), undefined);
  });
});
