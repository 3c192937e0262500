import pino, { type Logger } from "pino";

export type { Logger };

/**
 * Structured JSON logs. Never log names, case narrative or tokens: log officer ids, crime-reference ids and counts.
 * The redact list is a second line of defence for fields that must never appear.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: "casewatch" },
      redact: { paths: ["*.name", "*.password", "*.key", "*.token", "*.authorization", "headers.authorization", "*.appPassword"], censor: "[redacted]" },
    },
    destination,
  );
}

/**
 * A stdout logger that can gain destinations after it is built: telemetry needs a logger to start, and once it has
 * started, its Application Insights stream is added to the same logger.
 */
export function createExtensibleLogger(level: string): { logger: Logger; addDestination(stream: NodeJS.WritableStream): void } {
  const level_ = level as pino.Level;
  const streams = pino.multistream([{ stream: process.stdout, level: level_ }]);
  return {
    logger: createLogger(level, streams),
    addDestination: (stream) => { streams.add({ stream, level: level_ }); },
  };
}
