import { readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { parse } from "csv-parse/sync";
import { caseColumns, officerColumns, type ImportError, type ImportSection, type RawRow } from "./import-format";
import { csvRecordToRow } from "./csv-record";

/** Where an import comes from: a JSON file, a directory with officers.csv/cases.csv, or data already in memory. */
export type ImportInput = { path: string } | { data: unknown; label?: string };

export interface RawImport {
  /** A short name for messages and the audit entry (a file name, never a full path). */
  label: string;
  officers: RawRow[];
  cases: RawRow[];
  errors: ImportError[];
}

const COLUMNS: Record<ImportSection, readonly string[]> = { officers: officerColumns, cases: caseColumns };

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** `{officers: [...], cases: [...]}`; either list may be left out. Rows are numbered from 1. */
export function rowsFromData(data: unknown, label: string): RawImport {
  const out: RawImport = { label, officers: [], cases: [], errors: [] };
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    out.errors.push({ file: label, row: 0, field: "(file)", message: "must be a JSON object with \"officers\" and \"cases\" arrays" });
    return out;
  }
  const record = data as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (key !== "officers" && key !== "cases") out.errors.push({ file: label, row: 0, field: key === "" ? "\"\" (an empty key)" : key, message: "is not part of the import format (expected \"officers\" and \"cases\")" });
  }
  for (const section of ["officers", "cases"] as const) {
    const list = record[section];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      out.errors.push({ file: label, row: 0, field: section, message: "must be an array" });
      continue;
    }
    out[section] = list.map((item, i) => ({ file: `${label} ${section}`, row: i + 1, data: item }));
  }
  return out;
}

async function readCsv(dir: string, section: ImportSection, out: RawImport): Promise<boolean> {
  const file = `${section}.csv`;
  let text: string;
  try {
    text = await readFile(join(dir, file), "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw err;
  }
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true, relax_column_count: false }) as Record<string, string>[];
  } catch (err) {
    out.errors.push({ file, row: 0, field: "(file)", message: `is not valid CSV: ${describe(err)}` });
    return true;
  }
  const header = records[0] ? Object.keys(records[0]) : [];
  for (const column of header) {
    if (!COLUMNS[section].includes(column)) out.errors.push({ file, row: 0, field: column, message: "is not a column of the import format (see services/app/import/FORMAT.md)" });
  }
  out[section] = records.map((r, i) => ({ file, row: i + 1, data: csvRecordToRow(r) }));
  return true;
}

/** Read a JSON file or a CSV directory. Unreadable or malformed files become errors, not exceptions. */
export async function readImportSource(input: ImportInput): Promise<RawImport> {
  if ("data" in input) return rowsFromData(input.data, input.label ?? "data");
  const label = basename(input.path);
  let isDir: boolean;
  try {
    isDir = (await stat(input.path)).isDirectory();
  } catch (err) {
    return { label, officers: [], cases: [], errors: [{ file: label, row: 0, field: "(file)", message: `cannot be read: ${describe(err)}` }] };
  }
  if (!isDir) {
    let data: unknown;
    try {
      data = JSON.parse(await readFile(input.path, "utf8"));
    } catch (err) {
      return { label, officers: [], cases: [], errors: [{ file: label, row: 0, field: "(file)", message: `is not valid JSON: ${describe(err)}` }] };
    }
    return rowsFromData(data, label);
  }
  const out: RawImport = { label, officers: [], cases: [], errors: [] };
  const foundOfficers = await readCsv(input.path, "officers", out);
  const foundCases = await readCsv(input.path, "cases", out);
  if (!foundOfficers && !foundCases) {
    out.errors.push({ file: label, row: 0, field: "(file)", message: "holds neither officers.csv nor cases.csv" });
  }
  return out;
}
