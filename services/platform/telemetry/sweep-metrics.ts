import type { Meter } from "@opentelemetry/api";
import type { SweepReport } from "../../app/sweep/sweep-report";

/** The four sweep figures operators alert on, under their OpenTelemetry instrument names. */
export const SWEEP_ITEM_METRICS = {
  planned: "casewatch.sweep.planned",
  sent: "casewatch.sweep.sent",
  failed: "casewatch.sweep.failed",
  unreachable: "casewatch.sweep.unreachable",
} as const;
export const SWEEP_RUNS_METRIC = "casewatch.sweep.runs";

export type SweepItemFigure = keyof typeof SWEEP_ITEM_METRICS;

/**
 * The item counts a sweep report contributes. Only a completed sweep contributes: a dry run sent nothing and a sweep
 * that found the lease held did no work, so counting them would double the figures of the instance that did.
 */
export function sweepItemCounts(report: SweepReport): Record<SweepItemFigure, number> | undefined {
  if (report.outcome !== "completed") return undefined;
  return { planned: report.planned, sent: report.sent, failed: report.failed, unreachable: report.unreachable };
}

export interface SweepMetrics {
  record(report: SweepReport): void;
}

/** Counters on `meter`; the sum over time is what a dashboard plots and an alert (failed > 0) watches. */
export function createSweepMetrics(meter: Meter): SweepMetrics {
  const runs = meter.createCounter(SWEEP_RUNS_METRIC, { description: "Sweeps run, by outcome (completed, dry-run, lease-held)", unit: "{sweep}" });
  const items = Object.fromEntries(
    (Object.keys(SWEEP_ITEM_METRICS) as SweepItemFigure[]).map((figure) => [
      figure,
      meter.createCounter(SWEEP_ITEM_METRICS[figure], { description: `Reminder items ${figure} by completed sweeps`, unit: "{item}" }),
    ]),
  ) as Record<SweepItemFigure, ReturnType<Meter["createCounter"]>>;
  return {
    record(report) {
      runs.add(1, { outcome: report.outcome });
      const counts = sweepItemCounts(report);
      if (!counts) return;
      for (const figure of Object.keys(counts) as SweepItemFigure[]) items[figure].add(counts[figure]);
    },
  };
}
