import type { Writable } from "node:stream";
import type { Config } from "../config/load-config";
import type { Logger } from "../logger";
import type { SweepReport } from "../../app/sweep/sweep-report";
import { createOtelLogStream } from "./otel-log-stream";
import { createSweepMetrics } from "./sweep-metrics";

export interface Telemetry {
  enabled: boolean;
  /** Adds a sweep's figures (planned, sent, failed, unreachable) to the exported metrics. */
  recordSweepReport(report: SweepReport): void;
  /**
   * A pino destination that sends log lines to Application Insights; present only when telemetry is on. The
   * composition root adds it beside stdout with `pino.multistream`.
   */
  logDestination?: Writable;
  /** Flushes what is buffered; call on shutdown so the last sweep's figures are not lost. */
  shutdown(): Promise<void>;
}

import type { StartTelemetryBackend, TelemetryBackend } from "./telemetry-backend";

export type { StartTelemetryBackend, TelemetryBackend };

const startAzureMonitorLazily: StartTelemetryBackend = async (connectionString) => (await import("./start-azure-monitor")).startAzureMonitor(connectionString);

const noTelemetry: Telemetry = {
  enabled: false,
  recordSweepReport: () => undefined,
  shutdown: async () => undefined,
};

/**
 * With APPLICATIONINSIGHTS_CONNECTION_STRING set, starts OpenTelemetry export to Application Insights (logs, traces
 * and the sweep metrics); without it, returns a no-op so local mode and tests run with stdout logs only.
 */
export async function setupTelemetry(
  config: Pick<Config, "appInsightsConnectionString">,
  logger: Logger,
  start: StartTelemetryBackend = startAzureMonitorLazily,
): Promise<Telemetry> {
  if (!config.appInsightsConnectionString) {
    logger.info({ telemetry: "off" }, "Application Insights not configured: logs go to stdout only");
    return noTelemetry;
  }
  const backend = await start(config.appInsightsConnectionString);
  const sweepMetrics = createSweepMetrics(backend.meter);
  logger.info({ telemetry: "on" }, "Sending logs, traces and sweep metrics to Application Insights");
  return {
    enabled: true,
    recordSweepReport: (report) => sweepMetrics.record(report),
    logDestination: createOtelLogStream(backend.logger),
    shutdown: () => backend.shutdown(),
  };
}
