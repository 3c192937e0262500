import { z } from "zod";
import { caseFields } from "../../domain/case";
import { officerFields } from "../../domain/officer";

/**
 * The import contract (issue 2 §6, documented in FORMAT.md). Row schemas are the domain field sets, strict, so a
 * misspelt column is an error instead of a silently dropped field. Fields may be added here, never renamed.
 */
export const officerImportRow = z.object(officerFields).strict();
export type OfficerImportRow = z.infer<typeof officerImportRow>;

export const caseImportRow = z.object(caseFields).strict();
export type CaseImportRow = z.infer<typeof caseImportRow>;

/** What `buildDemoForce` produces and what a JSON import file holds (before row validation). */
export interface ImportFile {
  officers: z.input<typeof officerImportRow>[];
  cases: z.input<typeof caseImportRow>[];
}

/** One problem with the input. `row` is the 1-based data row (CSV) or array position (JSON); 0 means the whole file. */
export interface ImportError {
  file: string;
  row: number;
  field: string;
  message: string;
}

export type ImportSection = "officers" | "cases";

/** A row as read from a file, before validation, with where it came from. */
export interface RawRow {
  file: string;
  row: number;
  data: unknown;
}

/** CSV columns: the contract's names, nested objects flattened with dots (`bail.endsOn`). */
export const officerColumns = Object.keys(officerFields);
export const caseColumns = [
  ...Object.keys(caseFields).filter((k) => k !== "bail"),
  "bail.kind", "bail.startedOn", "bail.endsOn", "bail.regime", "bail.courtApplicationOn", "bail.since",
];
