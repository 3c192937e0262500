import type { ImportResult } from "../services/app/import/import-service";
import { handoversOwed } from "../services/app/import/handovers-owed";
import type { HandoverService } from "../services/app/handover/handover-service";
import { keyHash } from "../services/app/workflow/workflow-claims";
import type { Notifier, NotifyOutcome } from "./notifier";

export interface ImportHandoverDeps {
  handover: Pick<HandoverService, "handoverDigestFor">;
  notifier: Notifier;
  /** The tenant the force's officers are in (the sweep's tenant). */
  tenantId: string;
  /** Who ran the import, e.g. `cli:jsmith`; the disclosure is audited under them. */
  actorId: string;
  today: string;
}

/**
 * After `casewatch import`, each new supervisor gets the digest of every stale, overdue, high-risk and bail-critical
 * case they inherit, exactly as after `handover`. Keyed by the officers moved, so re-running the same import (which
 * changes no supervisor the second time) or retrying after a failed send never sends the same digest twice.
 */
export async function sendImportHandovers(deps: ImportHandoverDeps, result: Pick<ImportResult, "dryRun" | "supervisorChanges">): Promise<Map<string, NotifyOutcome>> {
  const outcomes = new Map<string, NotifyOutcome>();
  for (const owed of handoversOwed(result)) {
    // No audit here: the notifier audits the disclosure once the card has actually been delivered.
    const n = await deps.handover.handoverDigestFor(owed.supervisorId, owed.officerIds);
    const subjectId = `import#${keyHash(owed.officerIds.join(","))}`;
    const outcome = await deps.notifier.notify(deps.actorId, deps.tenantId, {
      recipientOfficerId: n.recipientOfficerId,
      reason: "handover-digest",
      key: { kind: "bot-card:handover-digest", subjectId, dueOn: deps.today, recipientId: n.recipientOfficerId },
      card: n.card,
      about: { recordType: "case-list", recordId: n.digest.cases.map((c) => c.case.ref).join(", ") || `team:${owed.supervisorId}` },
    }, "import:supervisor changed");
    outcomes.set(owed.supervisorId, outcome);
  }
  return outcomes;
}
