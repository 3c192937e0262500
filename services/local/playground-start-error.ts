/**
 * The Agents Playground did not come up. The message says why and carries the end of the Playground's own log, which
 * is the only place it explains itself (it prints almost nothing to the console).
 * Stable code for handlers; not a CasewatchError yet because ErrorCode (services/errors.ts) has no code for it.
 */
export class PlaygroundStartError extends Error {
  readonly code = "PLAYGROUND_START_FAILED" as const;

  constructor(message: string, readonly logFile: string, readonly logTail: string) {
    super(`${message}\n  Playground log (${logFile}), last lines:\n${logTail ? logTail.replace(/^/gm, "    ") : "    (empty)"}`);
    this.name = "PlaygroundStartError";
  }
}
