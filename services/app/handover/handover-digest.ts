import type { CaseDoc } from "../../domain/case";
import type { IsoDate } from "../../domain/dates";
import type { Officer } from "../../domain/officer";
import type { Policy } from "../../domain/policy";
import { describeCase, worstFirst } from "../cases/case-line";
import type { CaseLine } from "../cases/case-line-view";
import { capacityFigureOf, nameOf } from "../team/team-figures";
import type { HandoverDigest, HandoverReason } from "./handover-view";

/** A handover digest is long by nature, but a card has a size limit; the rest is counted and one click away. */
export const HANDOVER_LIST_LIMIT = 40;

/**
 * Why a case must be in front of a new supervisor (docs/domain-rules.md §6): stale (past the OIC prompt, the §4 sense), review
 * overdue, high or very high risk, or bail-critical: lapsed, or ending inside the window in which the sergeant is
 * copied on bail warnings (7 days by default).
 */
export function handoverReasons(l: CaseLine, policy: Policy): HandoverReason[] {
  const reasons: HandoverReason[] = [];
  const b = l.bail;
  if (b?.kind === "pre-charge" && !b.treatedAsExtended && (b.lapsed || b.daysLeft <= policy.bail.copySergeantFromDays)) reasons.push("bail");
  if (l.review.overdueDays > 0) reasons.push("overdue");
  if (l.staleLevel !== "fresh") reasons.push("stale");
  if (l.risk === "high" || l.risk === "very-high") reasons.push("high-risk");
  return reasons;
}

/** The digest for `supervisor` about the officers they now supervise, from those officers' open cases. */
export function buildHandoverDigest(
  supervisor: Officer,
  officers: readonly Officer[],
  cases: readonly CaseDoc[],
  policy: Policy,
  today: IsoDate,
  from?: Officer,
): HandoverDigest {
  const byId = new Map(officers.map((o) => [o.id, o]));
  const open = cases.filter((c) => c.status === "open" && byId.has(c.oicId));
  const listed = open
    .map((c) => describeCase(c, byId.get(c.oicId), policy, today))
    .map((l) => ({ case: l, reasons: handoverReasons(l, policy) }))
    .filter((r) => r.reasons.length > 0)
    .sort((a, b) => worstFirst(a.case, b.case));
  const count = (r: HandoverReason) => listed.filter((x) => x.reasons.includes(r)).length;
  const live = new Map<string, number>();
  for (const c of open) live.set(c.oicId, (live.get(c.oicId) ?? 0) + 1);
  return {
    today,
    supervisor: { officerId: supervisor.id, name: nameOf(supervisor) },
    ...(from ? { fromName: nameOf(from) } : {}),
    officers: [...officers]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((o) => ({ officerId: o.id, name: nameOf(o), capacity: capacityFigureOf(o, live.get(o.id) ?? 0, policy) })),
    counts: { open: open.length, bail: count("bail"), overdue: count("overdue"), stale: count("stale"), highRisk: count("high-risk") },
    cases: listed.slice(0, HANDOVER_LIST_LIMIT),
    more: Math.max(0, listed.length - HANDOVER_LIST_LIMIT),
  };
}
