import assert from "node:assert/strict";
import { cardVerbs, parseCardAction } from "../../cards/card-actions";

const execute = (verb: string | undefined, data?: unknown) => ({ action: { type: "Action.Execute", ...(verb ? { verb } : {}), ...(data !== undefined ? { data } : {}) } });

describe("parseCardAction", () => {
  const accepted: [string, unknown, unknown][] = [
    ["refresh", execute("refresh", { view: "due" }), { verb: "refresh", view: "due" }],
    ["open-case with a verbatim reference", execute("open-case", { ref: "CF/01234/26" }), { verb: "open-case", ref: "CF/01234/26" }],
    ["mark-seen", execute("mark-seen", { officerId: "ds1", on: "2026-03-03" }), { verb: "mark-seen", officerId: "ds1", on: "2026-03-03" }],
    ["data that repeats the verb", execute("refresh", { verb: "mark-seen", view: "help" }), { verb: "refresh", view: "help" }],
  ];
  for (const [what, value, action] of accepted) {
    it(`reads ${what}`, () => assert.deepEqual(parseCardAction(value), { ok: true, action }));
  }

  const refused: [string, unknown, RegExp][] = [
    ["nothing", undefined, /no action/],
    ["a string", "refresh", /no action/],
    ["Action.Submit", { action: { type: "Action.Submit" } }, /does not handle "Action.Submit"/],
    ["no verb", execute(undefined, {}), /no verb/],
    ["an unknown verb", execute("reassign", {}), /"reassign" is not an action/],
    ["oversized data", execute("open-case", { ref: "CF/1/26", pad: "x".repeat(5000) }), /too much data/],
    ["a non-object data", execute("refresh", "status"), /no action/],
    ["a missing field", execute("open-case", {}), /ref: Invalid input/],
    ["an extra field", execute("open-case", { ref: "CF/1/26", sql: "1=1" }), /Unrecognized key/],
  ];
  for (const [what, value, problem] of refused) {
    it(`refuses ${what}, saying why`, () => {
      const result = parseCardAction(value);
      assert.equal(result.ok, false);
      if (!result.ok) assert.match(result.problem, problem);
    });
  }

  it("knows every verb of the union", () => assert.deepEqual([...cardVerbs].sort(), ["mark-seen", "open-case", "refresh"]));
});
