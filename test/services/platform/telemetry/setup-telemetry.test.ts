import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from "@opentelemetry/sdk-logs";
import { DataPointType, MeterProvider, MetricReader } from "@opentelemetry/sdk-metrics";
import { createLogger } from "../../../../services/platform/logger";
import { emptyReport, type SweepReport } from "../../../../services/app/sweep/sweep-report";
import { setupTelemetry, type TelemetryBackend } from "../../../../services/platform/telemetry/setup-telemetry";
import { SWEEP_ITEM_METRICS, SWEEP_RUNS_METRIC } from "../../../../services/platform/telemetry/sweep-metrics";

const AT = new Date("2026-03-02T08:00:00Z");
const CONNECTION_STRING = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/";

/** A pull reader: the test decides when to collect, so nothing depends on timers. */
class CollectOnDemand extends MetricReader {
  protected override onShutdown(): Promise<void> { return Promise.resolve(); }
  protected override onForceFlush(): Promise<void> { return Promise.resolve(); }
}

function completed(figures: Partial<SweepReport>): SweepReport {
  return { ...emptyReport("sweep-1", AT, "completed"), ...figures };
}

/** Captures what the setup itself logs, to check the connection string never appears. */
function capturedLogger(): { logger: ReturnType<typeof createLogger>; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({ write(chunk, _e, done) { lines.push(String(chunk)); done(); } });
  return { logger: createLogger("info", sink), lines };
}

function inMemoryBackend(): { backend: TelemetryBackend; reader: CollectOnDemand; logs: InMemoryLogRecordExporter; started: string[] } {
  const reader = new CollectOnDemand();
  const logs = new InMemoryLogRecordExporter();
  const meterProvider = new MeterProvider({ readers: [reader] });
  const loggerProvider = new LoggerProvider({ processors: [new SimpleLogRecordProcessor(logs)] });
  return {
    reader,
    logs,
    started: [],
    backend: {
      meter: meterProvider.getMeter("casewatch"),
      logger: loggerProvider.getLogger("casewatch"),
      shutdown: async () => { await meterProvider.shutdown(); await loggerProvider.shutdown(); },
    },
  };
}

async function sums(reader: CollectOnDemand): Promise<Map<string, { value: number; attributes: Record<string, unknown> }[]>> {
  const { resourceMetrics } = await reader.collect();
  const out = new Map<string, { value: number; attributes: Record<string, unknown> }[]>();
  for (const scope of resourceMetrics.scopeMetrics) {
    for (const metric of scope.metrics) {
      assert.equal(metric.dataPointType, DataPointType.SUM, `${metric.descriptor.name} is a counter`);
      out.set(metric.descriptor.name, metric.dataPoints.map((p) => ({ value: p.value as number, attributes: p.attributes })));
    }
  }
  return out;
}

describe("setupTelemetry", () => {
  it("is a no-op without a connection string: the exporter is never started and recording does nothing", async () => {
    const started: string[] = [];
    const { logger } = capturedLogger();
    const telemetry = await setupTelemetry({}, logger, async (cs) => { started.push(cs); throw new Error("must not start"); });
    assert.equal(telemetry.enabled, false);
    assert.equal(telemetry.logDestination, undefined);
    telemetry.recordSweepReport(completed({ planned: 3, sent: 3 }));
    await telemetry.shutdown();
    assert.deepEqual(started, []);
  });

  it("starts the exporter with the configured connection string and never logs it", async () => {
    const mem = inMemoryBackend();
    const { logger, lines } = capturedLogger();
    const telemetry = await setupTelemetry({ appInsightsConnectionString: CONNECTION_STRING }, logger, async (cs) => { mem.started.push(cs); return mem.backend; });
    assert.equal(telemetry.enabled, true);
    assert.deepEqual(mem.started, [CONNECTION_STRING]);
    assert.ok(lines.length > 0);
    assert.ok(lines.every((l) => !l.includes("InstrumentationKey")), "connection string not logged");
    await telemetry.shutdown();
  });

  it("exports planned, sent, failed and unreachable as counters summed over completed sweeps", async () => {
    const mem = inMemoryBackend();
    const telemetry = await setupTelemetry({ appInsightsConnectionString: CONNECTION_STRING }, capturedLogger().logger, async () => mem.backend);
    telemetry.recordSweepReport(completed({ planned: 10, sent: 7, failed: 2, unreachable: 1, deferred: 1 }));
    telemetry.recordSweepReport(completed({ planned: 5, sent: 5 }));
    // A dry run and a lease-held sweep did no sending: they count as runs, not as items.
    telemetry.recordSweepReport({ ...emptyReport("sweep-2", AT, "dry-run"), planned: 99, wouldSend: 99 });
    telemetry.recordSweepReport(emptyReport("sweep-3", AT, "lease-held"));

    const got = await sums(mem.reader);
    assert.deepEqual(got.get(SWEEP_ITEM_METRICS.planned), [{ value: 15, attributes: {} }]);
    assert.deepEqual(got.get(SWEEP_ITEM_METRICS.sent), [{ value: 12, attributes: {} }]);
    assert.deepEqual(got.get(SWEEP_ITEM_METRICS.failed), [{ value: 2, attributes: {} }]);
    assert.deepEqual(got.get(SWEEP_ITEM_METRICS.unreachable), [{ value: 1, attributes: {} }]);
    const runs = new Map(got.get(SWEEP_RUNS_METRIC)?.map((p) => [p.attributes["outcome"], p.value]));
    assert.deepEqual(Object.fromEntries(runs), { completed: 2, "dry-run": 1, "lease-held": 1 });
    await telemetry.shutdown();
  });

  it("forwards pino log lines to OpenTelemetry with severity, message and fields, after redaction", async () => {
    const mem = inMemoryBackend();
    const telemetry = await setupTelemetry({ appInsightsConnectionString: CONNECTION_STRING }, capturedLogger().logger, async () => mem.backend);
    assert.ok(telemetry.logDestination);
    const appLogger = createLogger("info", telemetry.logDestination);
    appLogger.warn({ caseId: "Q0YvMDEyMzQvMjY", officer: { name: "DC Example", id: "dc7" }, count: 3 }, "bail ends tomorrow");
    appLogger.error({ sweepId: "s-9" }, "sweep failed");
    appLogger.debug("below the level, not sent");
    await new Promise<void>((resolve) => setImmediate(resolve));

    const records = mem.logs.getFinishedLogRecords();
    assert.deepEqual(records.map((r) => [r.severityText, r.body]), [["WARN", "bail ends tomorrow"], ["ERROR", "sweep failed"]]);
    const first = records[0]!;
    assert.equal(first.attributes["caseId"], "Q0YvMDEyMzQvMjY");
    assert.equal(first.attributes["count"], 3);
    assert.equal(first.attributes["app"], "casewatch");
    assert.doesNotMatch(String(first.attributes["officer"]), /DC Example/, "redacted name stays redacted");
    assert.equal(records[1]!.attributes["sweepId"], "s-9");
    await telemetry.shutdown();
  });
});
