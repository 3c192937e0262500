import type { ImportResult } from "./import-service";

/** A new supervisor and the officers an import moved under them. */
export type HandoverOwed = { supervisorId: string; officerIds: string[] };

/**
 * Who is owed a handover digest after an import (issue 6 §4): each new supervisor once, with every officer the import
 * moved under them. A dry run wrote nothing, so nobody is owed anything; an officer left with no supervisor has no
 * one to tell. Pure, so the CLI (which has a sender) decides how to deliver.
 */
export function handoversOwed(result: Pick<ImportResult, "dryRun" | "supervisorChanges">): HandoverOwed[] {
  if (result.dryRun) return [];
  const bySupervisor = new Map<string, string[]>();
  for (const change of result.supervisorChanges) {
    if (change.to === undefined) continue;
    bySupervisor.set(change.to, [...(bySupervisor.get(change.to) ?? []), change.officerId]);
  }
  return [...bySupervisor].map(([supervisorId, officerIds]) => ({ supervisorId, officerIds: [...officerIds].sort() }));
}
