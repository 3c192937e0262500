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
    ["absent dc05 sick from 2026-03-03", { kind: "absent", officer: "dc05", absenceKind: "sick", from: "2026-03-03" }],
    ["Absent Carys Lloyd Leave from 2026-03-03 to 2026-03-10.", { kind: "absent", officer: "Carys Lloyd", absenceKind: "leave", from: "2026-03-03", to: "2026-03-10" }],
    ["absent DC Carys Lloyd training from today", { kind: "absent", officer: "DC Carys Lloyd", absenceKind: "training", from: "today" }],
    ["absent dc05 holiday from 2026-03-03", { kind: "unknown" }],
    ["back", { kind: "back" }],
    ["I'm back", { kind: "back" }],
    ["I am back at work", { kind: "back" }],
    ["reassign CF/00001/26 to dc02", { kind: "reassign", ref: "CF/00001/26", officer: "dc02" }],
    ["Reallocate case cf/1/26 to DC Ffion Morgan", { kind: "reassign", ref: "cf/1/26", officer: "DC Ffion Morgan" }],
    ["handover ds2 to ds3", { kind: "handover", from: "ds2", to: "ds3" }],
    ["hand over Priya Shah to Gareth Evans", { kind: "handover", from: "Priya Shah", to: "Gareth Evans" }],
    ["hand over ds2 ds3", { kind: "handover", from: "ds2", to: "ds3" }],
    ["1:1 dc05", { kind: "one-to-one", officer: "dc05" }],
    ["one to one with Carys Lloyd on 2026-03-01", { kind: "one-to-one", officer: "Carys Lloyd", on: "2026-03-01" }],
    ["plan dc05", { kind: "plan", officer: "dc05" }],
    ["start an action plan for Carys Lloyd", { kind: "plan", officer: "Carys Lloyd" }],
    ["plan", { kind: "unknown" }],
  ];
  for (const [text, expected] of table) {
    it(`reads ${JSON.stringify(text?.slice(0, 40))} as ${expected.kind}`, () => {
      assert.deepEqual(matchCommand(text), expected);
    });
  }

  it("keeps the crime reference exactly as typed, including leading zeros and case", () => {
    assert.deepEqual(matchCommand("case Ab/0007/2026"), { kind: "case", ref: "Ab/0007/2026" });
    assert.deepEqual(matchCommand("reassign Ab/0007/2026 to dc02"), { kind: "reassign", ref: "Ab/0007/2026", officer: "dc02" });
  });
});
