/** Columns whose CSV text is a number; zod then reports anything that is not. */
const NUMERIC = new Set(["hoursPerWeek"]);

/**
 * `absences` in CSV: `kind:from[:to]` entries separated by `;`, e.g. `leave:2026-03-02:2026-03-13;sick:2026-04-01`.
 * A malformed entry is passed through as a string so that the row schema reports it against the `absences` field.
 */
function parseAbsences(text: string): unknown[] {
  return text
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((entry) => {
      const parts = entry.split(":").map((p) => p.trim());
      if (parts.length < 2 || parts.length > 3) return entry;
      const [kind, from, to] = parts;
      return to ? { kind, from, to } : { kind, from };
    });
}

/** `workingDays` in CSV: ISO weekdays separated by `;`, e.g. `1;2;3`. */
function parseWeekdays(text: string): unknown[] {
  return text.split(";").map((s) => s.trim()).filter((s) => s.length > 0).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function cellValue(column: string, text: string): unknown {
  if (column === "absences") return parseAbsences(text);
  if (column === "workingDays") return parseWeekdays(text);
  if (NUMERIC.has(column)) return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  return text;
}

/**
 * Turn a CSV record (all strings) into the same shape a JSON row has: empty cells are absent,
 * dotted columns become nested objects (`bail.endsOn` → `{ bail: { endsOn } }`).
 */
export function csvRecordToRow(record: Record<string, string>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [column, raw] of Object.entries(record)) {
    const text = raw.trim();
    if (text === "") continue;
    const dot = column.indexOf(".");
    if (dot < 0) {
      row[column] = cellValue(column, text);
      continue;
    }
    const parent = column.slice(0, dot);
    const child = column.slice(dot + 1);
    const nested = (row[parent] ??= {}) as Record<string, unknown>;
    nested[child] = text;
  }
  return row;
}
