import assert from "node:assert/strict";
import { labelProblems, type FormRows } from "../../cards/label-problems";

describe("labelProblems", () => {
  // The user filled card rows 2 and 4; the service saw them as actions 0 and 1.
  const rows: FormRows = { field: "actions", name: "Action", used: [2, 4], parts: { targetOn: "target date" } };
  const fields = { nextReviewOn: "Next review", actions: "Next actions" };
  const table: { name: string; field: string; label: string }[] = [
    { name: "a row's field names the card row it was typed in", field: "actions.1.targetOn", label: "Action 4 target date" },
    { name: "a row's field with no label of its own names the row", field: "actions.0.text", label: "Action 2" },
    { name: "the rows as a whole take the form's label for them", field: "actions", label: "Next actions" },
    { name: "a row the card never had takes the rows' label", field: "actions.5.text", label: "Next actions" },
    { name: "another field takes its own label", field: "nextReviewOn", label: "Next review" },
    { name: "a field with no label is the form's", field: "mystery", label: "Form" },
  ];
  for (const row of table) {
    it(row.name, () => {
      assert.deepEqual(labelProblems([{ field: row.field, reason: "is wrong" }], rows, fields), [{ field: row.field, reason: `${row.label}: is wrong` }]);
    });
  }
});
