import type { Meter } from "@opentelemetry/api";
import type { Logger as OtelLogger } from "@opentelemetry/api-logs";

/** What an exporter back end provides; the default is the Azure Monitor distro, tests pass in-memory providers. */
export interface TelemetryBackend {
  meter: Meter;
  logger: OtelLogger;
  shutdown(): Promise<void>;
}
export type StartTelemetryBackend = (connectionString: string) => Promise<TelemetryBackend>;
