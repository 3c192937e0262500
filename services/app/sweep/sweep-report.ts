/**
 * What one sweep did, in counts only (no names, no case details), so it can be logged, printed and compared with
 * what arrived. For a completed sweep: planned = sent + skippedDuplicate + deferred + failed.
 */
export interface SweepReport {
  sweepId: string;
  /** The instant the sweep planned for (ISO). */
  at: string;
  outcome: "completed" | "dry-run" | "lease-held";
  /** Items the planner produced for this sweep, after routing. */
  planned: number;
  sent: number;
  /** Already sent by an earlier run (ledger says "sent"). */
  skippedDuplicate: number;
  /** Held for a later digest (weekend, before the morning time, part-time day) or claimed by a sweep still in flight. */
  deferred: number;
  failed: number;
  /** Officers with no live Teams chat whose items went up the chain ("not reachable in Teams"). */
  unreachable: number;
  unreachableOfficerIds: string[];
  /** Items nobody in the chain of command could receive. */
  unroutable: number;
  /** Cards delivered (one per recipient, unless a digest was split or re-routed mid-sweep). */
  cards: number;
  /** Dry run only: items that would be sent now. */
  wouldSend: number;
  casesRead: number;
  plansRead: number;
  officersRead: number;
}

export function emptyReport(sweepId: string, at: Date, outcome: SweepReport["outcome"]): SweepReport {
  return {
    sweepId, at: at.toISOString(), outcome,
    planned: 0, sent: 0, skippedDuplicate: 0, deferred: 0, failed: 0, unreachable: 0, unreachableOfficerIds: [],
    unroutable: 0, cards: 0, wouldSend: 0, casesRead: 0, plansRead: 0, officersRead: 0,
  };
}
