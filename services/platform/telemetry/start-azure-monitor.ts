import { shutdownAzureMonitor, useAzureMonitor } from "@azure/monitor-opentelemetry";
import { metrics } from "@opentelemetry/api";
import { logs } from "@opentelemetry/api-logs";
import type { TelemetryBackend } from "./telemetry-backend";

/**
 * Starts the Azure Monitor OpenTelemetry distro: traces for incoming HTTP (Teams → /api/messages), outgoing HTTP
 * (Bot Connector) and Cosmos calls, plus the meter and logger Casewatch writes to. Loaded only when a connection
 * string is configured, so local runs and tests never load the SDK.
 */
export async function startAzureMonitor(connectionString: string): Promise<TelemetryBackend> {
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    instrumentationOptions: { http: { enabled: true }, azureSdk: { enabled: true } },
  });
  return {
    meter: metrics.getMeter("casewatch"),
    logger: logs.getLogger("casewatch"),
    shutdown: () => shutdownAzureMonitor(),
  };
}
