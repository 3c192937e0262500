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
