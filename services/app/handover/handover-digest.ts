import { z } from "zod";
import type { CaseDoc } from "../../domain/case";
import { isoDate, type IsoDate } from "../../domain/dates";
import type { Officer } from "../../domain/officer";
import type { Policy } from "../../domain/policy";
import { caseLine, describeCase, worstFirst, type CaseLine } from "../cases/case-line";
import { capacityFigure, capacityFigureOf, nameOf } from "../team/team-figures";

/** A handover digest is long by nature, but a card has a size limit; the rest is counted and one click away. */
export const HANDOVER_LIST_LIMIT = 40;

export const handoverReason = z.enum(["bail", "overdue", "stale", "high-risk"]);
export type HandoverReason = z.infer<typeof handoverReason>;

export const handoverCase = z.object({ case: caseLine, reasons: z.array(handoverReason).min(1) });
export type HandoverCase = z.infer<typeof handoverCase>;

export const handoverDigest = z.object({
  today: isoDate,
  supervisor: z.object({ officerId: z.string(), name: z.string() }),
  /** The previous supervisor, when the handover command named one. */
  fromName: z.string().optional(),
  officers: z.array(z.object({ officerId: z.string(), name: z.string(), capacity: capacityFigure })),
  counts: z.object({ open: z.number().int(), bail: z.number().int(), overdue: z.number().int(), stale: z.number().int(), highRisk: z.number().int() }),
  cases: z.array(handoverCase),
  more: z.number().int().min(0),
});
export type HandoverDigest = z.infer<typeof handoverDigest>;

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
