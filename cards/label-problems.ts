import { z } from "zod";
import type { FieldProblem } from "../services/app/workflow/form-view";

/** A refused form's reasons as the card draws them: the field each is about and the labelled sentence. */
export const formProblems = z.array(z.object({ field: z.string(), reason: z.string() }));
export type FormProblems = z.infer<typeof formProblems>;

/** A form's repeating rows (review actions, plan objectives) as the service and the card each number them. */
export interface FormRows {
  /** The service's field for the rows, e.g. "actions" in `actions.1.targetOn`. */
  field: string;
  /** What one row is called on the card, e.g. "Action". */
  name: string;
  /** The card row behind each service row: blank rows are dropped before the service sees them. */
  used: readonly number[];
  /** Labels for a row's own fields, e.g. `targetOn` → "target date". */
  parts: Record<string, string>;
}

/**
 * Each problem the service found, labelled with the field the user sees ("Action 3 target date: …"), so the refused
 * form can be drawn again with the reasons beside what was typed. A field with no label is "Form".
 */
export function labelProblems(problems: readonly FieldProblem[], rows: FormRows, fields: Record<string, string>): FormProblems {
  return problems.map((p) => {
    const [head, index, leaf] = p.field.split(".");
    const row = head === rows.field && index !== undefined ? rows.used[Number(index)] : undefined;
    const label = row !== undefined ? `${rows.name} ${row} ${rows.parts[leaf ?? ""] ?? ""}`.trim() : (fields[head ?? ""] ?? "Form");
    return { field: p.field, reason: `${label}: ${p.reason}` };
  });
}
