import assert from "node:assert/strict";
import { cardVerbs, parseCardAction } from "../../cards/card-actions";

const execute = (verb: string | undefined, data?: unknown) => ({ action: { type: "Action.Execute", ...(verb ? { verb } : {}), ...(data !== undefined ? { data } : {}) } });

describe("parseCardAction", () => {
  const accepted: [string, unknown, unknown][] = [
    ["refresh", execute("refresh", { view: "due" }), { verb: "refresh", view: "due" }],
    ["open-case with a verbatim reference", execute("open-case", { ref: "CF/01234/26" }), { verb: "open-case", ref: "CF/01234/26" }],
    ["mark-seen", execute("mark-seen", { officerId: "ds1", on: "2026-03-03" }), { verb: "mark-seen", officerId: "ds1", on: "2026-03-03" }],
    ["data that repeats the verb", execute("refresh", { verb: "mark-seen", view: "help" }), { verb: "refresh", view: "help" }],
    ["a digest's review button", execute("review", { ref: "CF/00001/26" }), { verb: "review", ref: "CF/00001/26" }],
    ["a digest's start-plan button", execute("start-plan", { officerId: "dc05" }), { verb: "start-plan", officerId: "dc05" }],
    ["a progress answer with its note", execute("progress-answer", { ref: "CF/1/26", answer: "need-help", note: "stuck" }), { verb: "progress-answer", ref: "CF/1/26", answer: "need-help", note: "stuck" }],
    ["a reassign choice", execute("reassign", { ref: "CF/1/26", toOfficerId: "dc02" }), { verb: "reassign", ref: "CF/1/26", toOfficerId: "dc02" }],
    ["an absence form with empty inputs", execute("record-absence", { officerId: "dc02", kind: "leave", from: "", to: "" }), { verb: "record-absence", officerId: "dc02", kind: "leave", from: "", to: "" }],
  ];
  for (const [what, value, action] of accepted) {
    it(`reads ${what}`, () => assert.deepEqual(parseCardAction(value), { ok: true, action }));
  }

  const refused: [string, unknown, RegExp][] = [
    ["nothing", undefined, /no action/],
    ["a string", "refresh", /no action/],
    ["Action.Submit", { action: { type: "Action.Submit" } }, /does not handle "Action.Submit"/],
    ["no verb", execute(undefined, {}), /no verb/],
    ["an unknown verb", execute("delete-case", {}), /"delete-case" is not an action/],
    ["oversized data", execute("open-case", { ref: "CF/1/26", pad: "x".repeat(9000) }), /too much data/],
    ["an absence carrying a reason", execute("record-absence", { officerId: "dc02", kind: "sick", from: "2026-03-03", reason: "flu" }), /Unrecognized key/],
    ["a progress answer that is not one of the four", execute("progress-answer", { ref: "CF/1/26", answer: "done" }), /answer/],
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

  it("knows every verb of the union, each once", () => {
    assert.deepEqual([...cardVerbs].sort(), [
      "absence-form", "acknowledge-plan", "choose-reassign", "close-plan", "confirm-progress", "end-absence", "mark-seen", "open-case",
      "open-officer", "open-plan", "open-team", "progress-answer", "propose-plan", "reassign", "record-absence", "record-checkpoint",
      "record-one-to-one", "refresh", "review", "start-plan", "submit-review",
    ]);
  });
});
