import { CasewatchError } from "../../platform/errors";
import type { ImportError } from "./import-format";

/** The input failed validation; nothing was written. `errors` lists every problem with its file, row and field. */
export class ImportInvalidError extends CasewatchError {
  constructor(readonly errors: readonly ImportError[]) {
    super(
      "IMPORT_INVALID",
      `The import has ${errors.length} error${errors.length === 1 ? "" : "s"} and nothing was written. Fix every row listed and run it again.`,
      errors.map(formatImportError),
    );
  }
}

/** `<file> row <n> <field>: <message>`, or `<file> <field>: <message>` for a problem with the whole file. */
export function formatImportError(e: ImportError): string {
  return e.row === 0 ? `${e.file} ${e.field}: ${e.message}` : `${e.file} row ${e.row} ${e.field}: ${e.message}`;
}
