import { z } from "zod";
import { isoDate } from "../../domain/dates";
import { caseLine } from "../cases/case-line-view";
import { capacityFigure } from "../team/team-figures-view";

/** Why a case is in front of a new supervisor (handover-digest.ts, docs/domain-rules.md §6). */
export const handoverReason = z.enum(["bail", "overdue", "stale", "high-risk"]);
export type HandoverReason = z.infer<typeof handoverReason>;

export const handoverCase = z.object({ case: caseLine, reasons: z.array(handoverReason).min(1) });
export type HandoverCase = z.infer<typeof handoverCase>;

/** The new supervisor's digest: who now reports to them, and every inherited case that needs them, worst first. */
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
