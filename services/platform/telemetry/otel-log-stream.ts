import { Writable } from "node:stream";
import type { AnyValueMap, Logger as OtelLogger } from "@opentelemetry/api-logs";
import { SeverityNumber } from "@opentelemetry/api-logs";

/** pino's numeric levels → OpenTelemetry severities (App Insights shows these as trace severity levels). */
const SEVERITY: ReadonlyArray<[number, SeverityNumber, string]> = [
  [60, SeverityNumber.FATAL, "FATAL"],
  [50, SeverityNumber.ERROR, "ERROR"],
  [40, SeverityNumber.WARN, "WARN"],
  [30, SeverityNumber.INFO, "INFO"],
  [20, SeverityNumber.DEBUG, "DEBUG"],
  [10, SeverityNumber.TRACE, "TRACE"],
];
/** Fields pino adds to every line that become the record's own timestamp/severity/body, or are noise in App Insights. */
const RESERVED = new Set(["level", "time", "msg", "pid", "hostname"]);

function severityOf(level: unknown): { severityNumber: SeverityNumber; severityText: string } {
  const n = typeof level === "number" ? level : 30;
  const row = SEVERITY.find(([min]) => n >= min) ?? SEVERITY[SEVERITY.length - 1]!;
  return { severityNumber: row[1], severityText: row[2] };
}

function attributesOf(line: Record<string, unknown>): AnyValueMap {
  const out: AnyValueMap = {};
  for (const [k, v] of Object.entries(line)) {
    if (RESERVED.has(k) || v === undefined || v === null) continue;
    // OpenTelemetry attributes are primitives; nested objects (e.g. a serialised error) travel as JSON text.
    out[k] = typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : JSON.stringify(v);
  }
  return out;
}

/** Turns one pino JSON line into an OpenTelemetry log record; a line that is not JSON is forwarded as text. */
export function emitPinoLine(otel: OtelLogger, text: string): void {
  let line: unknown;
  try {
    line = JSON.parse(text);
  } catch {
    otel.emit({ body: text, severityNumber: SeverityNumber.UNSPECIFIED });
    return;
  }
  if (line === null || typeof line !== "object" || Array.isArray(line)) {
    otel.emit({ body: text, severityNumber: SeverityNumber.UNSPECIFIED });
    return;
  }
  const record = line as Record<string, unknown>;
  otel.emit({
    ...severityOf(record["level"]),
    body: typeof record["msg"] === "string" ? record["msg"] : "",
    ...(typeof record["time"] === "number" ? { timestamp: new Date(record["time"]) } : {}),
    attributes: attributesOf(record),
  });
}

/**
 * A pino destination that forwards each log line to OpenTelemetry (and so to App Insights). It receives lines after
 * pino's redaction, so it carries nothing the stdout log does not.
 */
export function createOtelLogStream(otel: OtelLogger): Writable {
  let pending = "";
  return new Writable({
    decodeStrings: false,
    write(chunk: Buffer | string, _encoding, done) {
      pending += typeof chunk === "string" ? chunk : chunk.toString("utf8");
      let newline = pending.indexOf("\n");
      while (newline >= 0) {
        const text = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        if (text.trim() !== "") emitPinoLine(otel, text);
        newline = pending.indexOf("\n");
      }
      done();
    },
    final(done) {
      if (pending.trim() !== "") emitPinoLine(otel, pending);
      pending = "";
      done();
    },
  });
}
