import assert from "node:assert/strict";
import {
  addDays, addMonthsClamped, addWorkingDays, daysBetween, isWorkingDay, londonDay, monthsBetween, nextWorkingDay, zonedInstant,
} from "../../../services/rules/calendar";

const LONDON = "Europe/London";
const BANK_HOLIDAYS = ["2026-04-03", "2026-04-06", "2026-12-25", "2026-12-28"];

describe("calendar", () => {
  describe("londonDay", () => {
    const table: [string, string, string][] = [
      ["winter midnight UTC is the same day in London", "2026-01-15T00:30:00Z", "2026-01-15"],
      ["summer 23:30Z is already tomorrow in London (BST)", "2026-06-30T23:30:00Z", "2026-07-01"],
      ["the evening before spring-forward is still GMT", "2026-03-28T23:30:00Z", "2026-03-28"],
      ["the evening of spring-forward day is BST", "2026-03-29T23:30:00Z", "2026-03-30"],
      ["23:30Z on the eve of fall-back is 00:30 BST the next day", "2026-10-24T23:30:00Z", "2026-10-25"],
      ["23:30Z on fall-back day is still that day (GMT)", "2026-10-25T23:30:00Z", "2026-10-25"],
    ];
    for (const [name, instant, day] of table) it(name, () => assert.equal(londonDay(new Date(instant), LONDON), day));
  });

  describe("zonedInstant", () => {
    const table: [string, string, string, string][] = [
      ["08:00 on spring-forward day (2026-03-29) is 07:00Z", "2026-03-29", "08:00", "2026-03-29T07:00:00.000Z"],
      ["08:00 the day before spring-forward is 08:00Z", "2026-03-28", "08:00", "2026-03-28T08:00:00.000Z"],
      ["08:00 on fall-back day (2026-10-25) is 08:00Z", "2026-10-25", "08:00", "2026-10-25T08:00:00.000Z"],
      ["08:00 the day before fall-back is 07:00Z", "2026-10-24", "08:00", "2026-10-24T07:00:00.000Z"],
      ["midsummer 08:00 is 07:00Z", "2026-07-01", "08:00", "2026-07-01T07:00:00.000Z"],
    ];
    for (const [name, day, hhmm, iso] of table) it(name, () => assert.equal(zonedInstant(day, hhmm, LONDON).toISOString(), iso));

    it("round-trips to the same London day on both DST change days", () => {
      for (const day of ["2026-03-29", "2026-10-25"]) assert.equal(londonDay(zonedInstant(day, "08:00", LONDON), LONDON), day);
    });
  });

  describe("addMonthsClamped", () => {
    const table: [string, number, string][] = [
      ["2026-01-31", 3, "2026-04-30"],
      ["2026-01-31", 1, "2026-02-28"],
      ["2028-01-31", 1, "2028-02-29"],
      ["2026-08-31", 6, "2027-02-28"],
      ["2026-11-30", 3, "2027-02-28"],
      ["2026-01-15", 9, "2026-10-15"],
      ["2026-03-31", -1, "2026-02-28"],
    ];
    for (const [day, months, expected] of table) {
      it(`${day} + ${months} months = ${expected} (clamped to the month end)`, () => assert.equal(addMonthsClamped(day, months), expected));
    }
  });

  it("counts calendar days across both DST changes without an hour's drift", () => {
    assert.equal(daysBetween("2026-03-28", "2026-03-30"), 2);
    assert.equal(daysBetween("2026-10-24", "2026-10-26"), 2);
    assert.equal(addDays("2026-03-28", 1), "2026-03-29");
    assert.equal(addDays("2026-10-25", 1), "2026-10-26");
    assert.equal(daysBetween("2026-03-01", "2026-02-01"), -28);
    assert.equal(monthsBetween("2021-01-31", "2026-07-30"), 65);
  });

  describe("working days", () => {
    const table: [string, string, boolean][] = [
      ["a Wednesday", "2026-04-01", true],
      ["a Saturday", "2026-04-04", false],
      ["a Sunday", "2026-04-05", false],
      ["Good Friday (bank holiday)", "2026-04-03", false],
      ["Easter Monday (bank holiday)", "2026-04-06", false],
    ];
    for (const [name, day, working] of table) it(`${name} is ${working ? "" : "not "}a working day`, () => assert.equal(isWorkingDay(day, BANK_HOLIDAYS), working));

    it("honours a part-time officer's own working days", () => {
      assert.equal(isWorkingDay("2026-04-01", BANK_HOLIDAYS, [1, 2]), false);
      assert.equal(nextWorkingDay("2026-04-01", BANK_HOLIDAYS, [1, 2]), "2026-04-07");
    });

    it("the next working day skips the Easter weekend and both bank holidays", () => {
      assert.equal(nextWorkingDay("2026-04-03", BANK_HOLIDAYS), "2026-04-07");
      assert.equal(nextWorkingDay("2026-04-07", BANK_HOLIDAYS), "2026-04-07");
    });

    it("adds working days over a weekend and bank holidays (Victims' Code deadline)", () => {
      assert.equal(addWorkingDays("2026-04-02", 1, BANK_HOLIDAYS), "2026-04-07");
      assert.equal(addWorkingDays("2026-04-02", 5, BANK_HOLIDAYS), "2026-04-13");
      assert.equal(addWorkingDays("2026-12-24", 1, BANK_HOLIDAYS), "2026-12-29");
    });
  });
});
