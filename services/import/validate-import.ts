import type { z } from "zod";
import type { Officer } from "../domain/officer";
import { caseImportRow, officerImportRow, type CaseImportRow, type ImportError, type OfficerImportRow, type RawRow } from "./import-format";
import type { RawImport } from "./read-import-source";

export interface Parsed<T> {
  at: RawRow;
  value: T;
}

export interface ValidatedImport {
  errors: ImportError[];
  officers: Parsed<OfficerImportRow>[];
  cases: Parsed<CaseImportRow>[];
}

function parseRows<S extends z.ZodType>(rows: RawRow[], schema: S, errors: ImportError[]): Parsed<z.infer<S>>[] {
  const out: Parsed<z.infer<S>>[] = [];
  for (const at of rows) {
    const result = schema.safeParse(at.data);
    if (result.success) {
      out.push({ at, value: result.data as z.infer<S> });
      continue;
    }
    for (const issue of result.error.issues) {
      const keys = issue.code === "unrecognized_keys" ? issue.keys : [undefined];
      for (const key of keys) {
        const field = [...issue.path, ...(key === undefined ? [] : [key])].map(String).join(".") || "(row)";
        errors.push({ file: at.file, row: at.row, field, message: key === undefined ? issue.message : "is not part of the import format" });
      }
    }
  }
  return out;
}

function reportDuplicates<T>(rows: Parsed<T>[], keyOf: (v: T) => string | undefined, field: string, errors: ImportError[]): void {
  const first = new Map<string, RawRow>();
  for (const { at, value } of rows) {
    const key = keyOf(value);
    if (key === undefined) continue;
    const seen = first.get(key);
    if (seen) errors.push({ file: at.file, row: at.row, field, message: `duplicate ${field} "${key}" (first on row ${seen.row})` });
    else first.set(key, at);
  }
}

/** Follow supervisor links from each imported officer; a walk that returns to an officer already on it is a cycle. */
function reportSupervisorCycles(rows: Parsed<OfficerImportRow>[], supervisorOf: Map<string, string | undefined>, errors: ImportError[]): void {
  for (const { at, value } of rows) {
    const path = [value.id];
    let next = supervisorOf.get(value.id);
    while (next !== undefined && !path.includes(next)) {
      path.push(next);
      next = supervisorOf.get(next);
    }
    // Only the officers on the loop itself are in error; someone reporting into a loop is reported by the loop's members.
    if (next === value.id) {
      errors.push({ file: at.file, row: at.row, field: "supervisorId", message: `supervisor chain loops: ${[...path, value.id].join(" → ")}` });
    }
  }
}

/**
 * Every check, all errors collected: row schemas (including impossible dates), duplicate ids and aadObjectIds,
 * references to officers that exist neither in the file nor in the store, and supervisor cycles.
 */
export function validateImport(raw: RawImport, stored: readonly Officer[]): ValidatedImport {
  const errors: ImportError[] = [...raw.errors];
  const officers = parseRows(raw.officers, officerImportRow, errors);
  const cases = parseRows(raw.cases, caseImportRow, errors);

  reportDuplicates(officers, (o) => o.id, "id", errors);
  reportDuplicates(cases, (c) => c.id, "id", errors);
  reportDuplicates(officers, (o) => o.aadObjectId, "aadObjectId", errors);

  const importedIds = new Set(officers.map((o) => o.value.id));
  const aadOwner = new Map<string, string>();
  for (const o of stored) if (o.aadObjectId && !importedIds.has(o.id)) aadOwner.set(o.aadObjectId, o.id);

  // The file overlays the store: references may point at officers already stored.
  const supervisorOf = new Map<string, string | undefined>(stored.map((o) => [o.id, o.supervisorId]));
  for (const { value } of officers) supervisorOf.set(value.id, value.supervisorId);
  const known = (id: string) => supervisorOf.has(id);

  for (const { at, value } of officers) {
    const owner = value.aadObjectId === undefined ? undefined : aadOwner.get(value.aadObjectId);
    if (owner) errors.push({ file: at.file, row: at.row, field: "aadObjectId", message: `is already used by stored officer "${owner}"` });
    if (value.supervisorId !== undefined && value.supervisorId !== value.id && !known(value.supervisorId)) {
      errors.push({ file: at.file, row: at.row, field: "supervisorId", message: `refers to unknown officer "${value.supervisorId}"` });
    }
    if (value.coverId === value.id) errors.push({ file: at.file, row: at.row, field: "coverId", message: "an officer cannot cover for themselves" });
    else if (value.coverId !== undefined && !known(value.coverId)) {
      errors.push({ file: at.file, row: at.row, field: "coverId", message: `refers to unknown officer "${value.coverId}"` });
    }
  }
  reportSupervisorCycles(officers, supervisorOf, errors);

  for (const { at, value } of cases) {
    if (!known(value.oicId)) errors.push({ file: at.file, row: at.row, field: "oicId", message: `refers to unknown officer "${value.oicId}"` });
  }
  return { errors, officers, cases };
}
