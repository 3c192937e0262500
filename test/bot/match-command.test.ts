import assert from "node:assert/strict";
import { matchCommand, MAX_COMMAND_LENGTH, type Command } from "../../bot/match-command";

describe("matchCommand", () => {
  const table: [string | undefined, Command][] = [
    ["help", { kind: "help" }],
    ["Help!", { kind: "help" }],
    ["what can you do?", { kind: "help" }],
    ["", { kind: "help" }],
    [undefined, { kind: "help" }],
    ["status", { kind: "status" }],
    ["Status", { kind: "status" }],
    ["team status", { kind: "status" }],
    ["How is my team doing?", { kind: "status" }],
    ["how’s my team doing", { kind: "status" }],
    ["  status  please ", { kind: "status" }],
    ["my cases", { kind: "my-cases" }],
    ["My Cases.", { kind: "my-cases" }],
    ["caseload", { kind: "my-cases" }],
    ["due", { kind: "due" }],
    ["what's due this week?", { kind: "due" }],
    ["deadlines", { kind: "due" }],
    ["case CF/01234/26", { kind: "case", ref: "CF/01234/26" }],
    ["Case cf/01234/26", { kind: "case", ref: "cf/01234/26" }],
    ["show case CF/1/26", { kind: "case", ref: "CF/1/26" }],
    ["open case CF/1/26?", { kind: "case", ref: "CF/1/26" }],
    ["case ref: CF/00012/25", { kind: "case", ref: "CF/00012/25" }],
    ["case 4700123/26", { kind: "case", ref: "4700123/26" }],
    ["CF/01234/26", { kind: "case", ref: "CF/01234/26" }],
    ["case", { kind: "unknown" }],
    ["cases", { kind: "my-cases" }],
    ["what is the weather", { kind: "unknown" }],
    ["status of everything in the force", { kind: "unknown" }],
    ["x".repeat(MAX_COMMAND_LENGTH + 1), { kind: "unknown" }],
  ];
  for (const [text, expected] of table) {
    it(`reads ${JSON.stringify(text?.slice(0, 40))} as ${expected.kind}`, () => {
      assert.deepEqual(matchCommand(text), expected);
    });
  }

  it("keeps the crime reference exactly as typed, including leading zeros and case", () => {
    assert.deepEqual(matchCommand("case Ab/0007/2026"), { kind: "case", ref: "Ab/0007/2026" });
  });
});
