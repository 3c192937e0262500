import type { FanOutResult } from "./fan-out";
import { atLeast, atMost, below, type Measure } from "./results-table";
import type { SweepCostResult } from "./sweep-cost";
import type { TurnLatencyResult, TurnRun } from "./turn-latency";

/** Memory counts as flat when RSS (after a full GC) grows by at most this fraction from warm-up to the end. */
export const FLAT_RSS_GROWTH = 0.1;
export const P99_GOAL_MS = 300;

const n = (x: number) => x.toLocaleString("en-GB");

export function sweepMeasures(r: SweepCostResult): Measure[] {
  const size = `${n(r.cases)} cases, ${n(r.due)} due`;
  const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return [
    { section: "sweep cost", measure: `sweep case reads ÷ cases due (${size})`, value: r.indexed.readsPerDue, unit: "ratio", goal: "≤ 1.1", verdict: atMost(1.1)(r.indexed.readsPerDue) },
    { section: "sweep cost", measure: `naive sweep case reads ÷ cases due (${size})`, value: r.naive.readsPerDue, unit: "ratio", goal: "comparison", verdict: "info" },
    { section: "sweep cost", measure: `sweep wall time, ${n(r.indexed.planned)} items sent (${size}; case read ${secs(r.indexed.readMs)})`, value: r.indexed.wallMs / 1000, unit: "s", goal: "—", verdict: "info" },
    { section: "sweep cost", measure: `naive sweep wall time (${size}; case read ${secs(r.naive.readMs)})`, value: r.naive.wallMs / 1000, unit: "s", goal: "comparison", verdict: "info" },
  ];
}

export function fanOutMeasures(r: FanOutResult): Measure[] {
  const what = `${n(r.recipients)} digests, limit ${r.configuredPerSecond}/s`;
  return [
    { section: "fan-out", measure: `achieved ÷ configured rate (${what}: ${r.achievedPerSecond.toFixed(1)}/s)`, value: r.ratio, unit: "ratio", goal: "≥ 0.9", verdict: atLeast(0.9)(r.ratio) },
    { section: "fan-out", measure: "lost sends", value: r.lost, unit: "count", goal: "0", verdict: atMost(0)(r.lost) },
    { section: "fan-out", measure: "duplicated sends", value: r.duplicated, unit: "count", goal: "0", verdict: atMost(0)(r.duplicated) },
    { section: "fan-out", measure: "429s from the connector (each retried)", value: r.throttled, unit: "count", goal: "—", verdict: "info" },
  ];
}

function turnMeasures(label: string, t: TurnRun, serial: TurnRun): Measure[] {
  return [
    { section: "turn latency", measure: `${label.replace(/, \d+ concurrent$/, "")}, one at a time, p50`, value: serial.p50Ms, unit: "ms", goal: "—", verdict: "info" },
    { section: "turn latency", measure: `${label.replace(/, \d+ concurrent$/, "")}, one at a time, slowest`, value: serial.maxMs, unit: "ms", goal: "—", verdict: "info" },
    { section: "turn latency", measure: `${label} p50 (${n(t.requests)} requests in ${t.seconds.toFixed(0)} s)`, value: t.p50Ms, unit: "ms", goal: "—", verdict: "info" },
    { section: "turn latency", measure: `${label} p99`, value: t.p99Ms, unit: "ms", goal: `< ${P99_GOAL_MS} ms`, verdict: t.requests > 0 ? below(P99_GOAL_MS)(t.p99Ms) : "FAIL" },
    { section: "turn latency", measure: `${label.replace(/, \d+ concurrent$/, "")}, store requests per turn`, value: t.storeRequestsPerTurn, unit: "ratio", goal: "—", verdict: "info" },
    { section: "turn latency", measure: `${label.replace(/, \d+ concurrent$/, "")}, errors (both runs)`, value: t.errors + serial.errors, unit: "count", goal: "0", verdict: atMost(0)(t.errors + serial.errors) },
  ];
}

export function turnLatencyMeasures(r: TurnLatencyResult): Measure[] {
  const mb = (b: number) => b / 1024 / 1024;
  const m = r.memory;
  return [
    ...turnMeasures(`status, ${n(r.scopeCases)} cases in scope, ${r.connections} concurrent`, r.status, r.serial.status),
    ...turnMeasures(`${r.invoke.scenario}, ${r.connections} concurrent`, r.invoke, r.serial.invoke),
    { section: "memory", measure: "bot RSS before warm-up (after GC)", value: mb(m.beforeWarmup.rssBytes), unit: "MB", goal: "—", verdict: "info" },
    { section: "memory", measure: "bot RSS after warm-up (after GC)", value: mb(m.afterWarmup.rssBytes), unit: "MB", goal: "—", verdict: "info" },
    { section: "memory", measure: "bot RSS at end (after GC)", value: mb(m.end.rssBytes), unit: "MB", goal: "—", verdict: "info" },
    { section: "memory", measure: "bot V8 heap used after warm-up → at end (after GC)", value: mb(m.end.heapUsedBytes), unit: "MB", goal: `from ${mb(m.afterWarmup.heapUsedBytes).toFixed(1)} MB`, verdict: "info" },
    { section: "memory", measure: "bot V8 heap reserved (heapTotal) at end", value: mb(m.end.heapTotalBytes), unit: "MB", goal: `from ${mb(m.afterWarmup.heapTotalBytes).toFixed(1)} MB`, verdict: "info" },
    { section: "memory", measure: "RSS growth after warm-up ÷ RSS after warm-up", value: m.growthAfterWarmup, unit: "ratio", goal: `flat (≤ ${FLAT_RSS_GROWTH})`, verdict: atMost(FLAT_RSS_GROWTH)(m.growthAfterWarmup) },
  ];
}
