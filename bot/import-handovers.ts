import { buildHandoverCard } from "../cards/handover";
import type { ImportResult } from "../services/app/import/import-service";
import { handoversOwed } from "../services/app/import/handovers-owed";
import type { HandoverService } from "../services/app/handover/handover-service";
import type { Notifier, NotifyOutcome } from "../services/app/delivery/notifier";

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
    // The service keys the digest by the officers moved; the bot draws its card.
    const n = await deps.handover.handoverDigestFor(deps.today, owed.supervisorId, owed.officerIds);
    const outcome = await deps.notifier.notify(deps.actorId, deps.tenantId, {
      recipientOfficerId: n.recipientOfficerId,
      reason: n.reason,
      key: n.key,
      card: buildHandoverCard(n.view),
      about: n.about,
    }, "import:supervisor changed");
    outcomes.set(owed.supervisorId, outcome);
  }
  return outcomes;
}
