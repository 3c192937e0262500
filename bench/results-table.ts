/** One line of the results table: a measure, its value, the goal and whether it is met ("info" rows have no goal). */
export interface Measure {
  section: "sweep cost" | "fan-out" | "turn latency" | "memory";
  measure: string;
  value: number;
  unit: "ratio" | "ms" | "s" | "count" | "msg/s" | "MB";
  goal: string;
  verdict: "pass" | "FAIL" | "info";
}

export const atMost = (limit: number) => (v: number): Measure["verdict"] => (v <= limit ? "pass" : "FAIL");
export const atLeast = (limit: number) => (v: number): Measure["verdict"] => (v >= limit ? "pass" : "FAIL");
export const below = (limit: number) => (v: number): Measure["verdict"] => (v < limit ? "pass" : "FAIL");

function formatValue(m: Measure): string {
  switch (m.unit) {
    case "ratio": return m.value >= 10 ? m.value.toFixed(1) : m.value.toFixed(3);
    case "ms": return `${Math.round(m.value).toLocaleString("en-GB")} ms`;
    case "s": return `${m.value.toFixed(2)} s`;
    case "msg/s": return `${m.value.toFixed(1)} msg/s`;
    case "MB": return `${m.value.toFixed(1)} MB`;
    case "count": return Math.round(m.value).toLocaleString("en-GB");
  }
}

/** A plain-text table (fits a terminal and a Markdown code block alike). */
export function renderTable(measures: readonly Measure[]): string {
  const rows = measures.map((m) => [m.section, m.measure, formatValue(m), m.goal, m.verdict]);
  const head = ["section", "measure", "value", "goal", "result"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** Markdown version, for bench/README.md. */
export function renderMarkdown(measures: readonly Measure[]): string {
  const rows = measures.map((m) => `| ${m.section} | ${m.measure} | ${formatValue(m)} | ${m.goal} | ${m.verdict} |`);
  return ["| section | measure | value | goal | result |", "|---|---|---:|---|---|", ...rows].join("\n");
}
