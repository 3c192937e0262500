const WHO: Record<string, string> = {
  sergeant: "DS, a sergeant: reviews and team status",
  inspector: "DI, an inspector: all teams, drill-down",
  detective: "DC, a detective: own cases, progress",
};

/** What `npm start` prints in local mode: where to click, and as whom. */
export function localModeBanner(
  r: { botUrl: string; storeEndpoint: string; playgrounds: { role: string; url: string }[] },
  opts: { demoSeeded: boolean },
): string {
  const data = opts.demoSeeded ? "demo force" : 'no demo data: load your own with "npx casewatch import <file>"';
  const lines = [
    "",
    `Casewatch is running in local mode (embedded store, ${data}, bot auth off, loopback only).`,
    `  Bot endpoint:   ${r.botUrl}/api/messages`,
    `  Embedded store: ${r.storeEndpoint}  ("npx casewatch import …" and "npx casewatch sweep …" use it)`,
  ];
  if (r.playgrounds.length > 0) {
    lines.push("  Teams client (Microsoft 365 Agents Playground) — open one in a browser:");
    for (const p of r.playgrounds) lines.push(`    ${p.url.padEnd(26)} as the ${WHO[p.role] ?? p.role}`);
    lines.push('  Type "help", "status", "my cases", "due" or "case" and a crime reference (e.g. "case CF/01234/26"), and click the card buttons.');
  }
  lines.push("  Stop with Ctrl-C.", "");
  return lines.join("\n");
}
