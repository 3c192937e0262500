import type { z } from "zod";
import type { Officer } from "../../domain/officer";
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
        const field = [...issue.path, ...(key === undefined ? [] : [key === "" ? "\"\" (an empty key)" : key])].map(String).join(".") || "(row)";
        errors.push({ file: at.file, row: at.row, field, message: key === undefined ? issue.message : "is not part of the import format" });
      }
    }
  }
  return out;
}

function reportDuplicates<T extends { at: RawRow }>(rows: T[], keyOf: (v: T) => string | undefined, field: string, errors: ImportError[]): void {
  const first = new Map<string, RawRow>();
  for (const row of rows) {
    const { at } = row;
    const key = keyOf(row);
    if (key === undefined) continue;
    const seen = first.get(key);
    if (seen) errors.push({ file: at.file, row: at.row, field, message: `duplicate ${field} "${key}" (first on row ${seen.row})` });
    else first.set(key, at);
  }
}

/** Follow supervisor links from each imported officer; a walk that returns to an officer already on it is a cycle. */
function reportSupervisorCycles(rows: Refs[], supervisorOf: Map<string, string | undefined>, errors: ImportError[]): void {
  for (const { at, id } of rows) {
    if (id === undefined) continue;
    const path = [id];
    let next = supervisorOf.get(id);
    while (next !== undefined && !path.includes(next)) {
      path.push(next);
      next = supervisorOf.get(next);
    }
    // Only the officers on the loop itself are in error; someone reporting into a loop is reported by the loop's members.
    if (next === id) {
      errors.push({ file: at.file, row: at.row, field: "supervisorId", message: `supervisor chain loops: ${[...path, id].join(" → ")}` });
    }
  }
}

/** The reference fields of a row, read leniently so a row with other errors still has its references checked. */
interface Refs {
  at: RawRow;
  id?: string;
  aadObjectId?: string;
  supervisorId?: string;
  coverId?: string;
  oicId?: string;
}

function refsOf(at: RawRow): Refs {
  const data = typeof at.data === "object" && at.data !== null ? (at.data as Record<string, unknown>) : {};
  const text = (key: string) => {
    const v = data[key];
    return typeof v === "string" ? v.trim() : undefined;
  };
  return { at, id: text("id"), aadObjectId: text("aadObjectId"), supervisorId: text("supervisorId"), coverId: text("coverId"), oicId: text("oicId") };
}

/**
 * Every check, all errors collected: row schemas (including impossible dates), duplicate ids and aadObjectIds,
 * references to officers that exist neither in the file nor in the store, and supervisor cycles.
 */
export function validateImport(raw: RawImport, stored: readonly Officer[]): ValidatedImport {
  const errors: ImportError[] = [...raw.errors];
  const officers = parseRows(raw.officers, officerImportRow, errors);
  const cases = parseRows(raw.cases, caseImportRow, errors);
  const officerRefs = raw.officers.map(refsOf);
  const caseRefs = raw.cases.map(refsOf);

  reportDuplicates(officerRefs, (o) => o.id, "id", errors);
  reportDuplicates(caseRefs, (c) => c.id, "id", errors);
  reportDuplicates(officerRefs, (o) => o.aadObjectId, "aadObjectId", errors);

  const importedIds = new Set(officerRefs.map((o) => o.id));
  const aadOwner = new Map<string, string>();
  for (const o of stored) if (o.aadObjectId && !importedIds.has(o.id)) aadOwner.set(o.aadObjectId, o.id);

  // The file overlays the store: references may point at officers already stored.
  const supervisorOf = new Map<string, string | undefined>(stored.map((o) => [o.id, o.supervisorId]));
  for (const o of officerRefs) if (o.id !== undefined) supervisorOf.set(o.id, o.supervisorId);
  const known = (id: string) => supervisorOf.has(id);

  for (const { at, id, aadObjectId, supervisorId, coverId } of officerRefs) {
    const owner = aadObjectId === undefined ? undefined : aadOwner.get(aadObjectId);
    if (owner) errors.push({ file: at.file, row: at.row, field: "aadObjectId", message: `is already used by stored officer "${owner}"` });
    if (supervisorId !== undefined && supervisorId !== id && !known(supervisorId)) {
      errors.push({ file: at.file, row: at.row, field: "supervisorId", message: `refers to unknown officer "${supervisorId}"` });
    }
    if (coverId !== undefined && coverId === id) errors.push({ file: at.file, row: at.row, field: "coverId", message: "an officer cannot cover for themselves" });
    else if (coverId !== undefined && !known(coverId)) {
      errors.push({ file: at.file, row: at.row, field: "coverId", message: `refers to unknown officer "${coverId}"` });
    }
  }
  reportSupervisorCycles(officerRefs, supervisorOf, errors);

  for (const { at, oicId } of caseRefs) {
    if (oicId !== undefined && !known(oicId)) errors.push({ file: at.file, row: at.row, field: "oicId", message: `refers to unknown officer "${oicId}"` });
  }
  return { errors, officers, cases };
}
