import { appendFileSync } from "node:fs";

/**
 * Figures for docs/reliability.md. Tests always assert; when RELIABILITY_FIGURES names a file they also append one
 * JSON line per measurement there, so the document's numbers come from a real run, not from memory.
 */
export function recordFigure(kind: string, figures: Record<string, unknown>): void {
  const file = process.env.RELIABILITY_FIGURES;
  if (!file) return;
  appendFileSync(file, `${JSON.stringify({ kind, ...figures })}\n`);
}
