import assert from "node:assert/strict";
import { defaultPolicy } from "../../../services/domain/policy";
import { capacity, capacityUsage, spanOfControl } from "../../../services/rules/workload";
import { makeOfficer } from "../../support/fixtures";

const policy = defaultPolicy();

describe("workload", () => {
  const caps: [number, number][] = [[40, 12], [20, 6], [30, 9], [10, 3]];
  for (const [hours, cap] of caps) it(`${hours} contracted hours carry ${cap} live investigations`, () => assert.equal(capacity(makeOfficer({ id: "a", hoursPerWeek: hours }), policy), cap));

  const usage: [string, number, number, boolean][] = [
    ["a part-timer on 20h with 5 cases is under capacity", 20, 5, false],
    ["a part-timer on 20h with 6 cases is at capacity, which warns", 20, 6, true],
    ["a part-timer on 20h with 10 cases (the seed) is well over", 20, 10, true],
    ["a full-timer with 11 cases is under", 40, 11, false],
  ];
  for (const [name, hours, live, over] of usage) {
    it(name, () => {
      const u = capacityUsage(makeOfficer({ id: "a", hoursPerWeek: hours }), live, policy);
      assert.equal(u.over, over);
      assert.equal(u.ratio, live / (hours / 40 * 12));
    });
  }

  const zeroHours: [string, number, boolean, number][] = [
    ["an officer on 0 contracted hours with no cases is not over capacity", 0, false, 0],
    ["an officer on 0 contracted hours with one case is over capacity", 1, true, Infinity],
  ];
  for (const [name, live, over, ratio] of zeroHours) {
    it(name, () => {
      const u = capacityUsage(makeOfficer({ id: "a", hoursPerWeek: 0 }), live, policy);
      assert.deepEqual({ over: u.over, ratio: u.ratio, capacity: u.capacity }, { over, ratio, capacity: 0 });
    });
  }

  const spans: [number, boolean][] = [[6, false], [10, false], [11, true], [23, true]];
  for (const [reports, over] of spans) it(`a sergeant with ${reports} reports is ${over ? "" : "not "}over the span of control`, () => assert.equal(spanOfControl(reports, policy).over, over));
});
