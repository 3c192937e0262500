import { CasewatchError } from "../platform/errors";

/**
 * The Agents Playground did not come up. The message says why and carries the end of the Playground's own log, which
 * is the only place it explains itself (it prints almost nothing to the console).
 */
export class PlaygroundStartError extends CasewatchError {
  constructor(message: string, readonly logFile: string, readonly logTail: string) {
    super("PLAYGROUND_START_FAILED", `${message}\n  Playground log (${logFile}), last lines:\n${logTail ? logTail.replace(/^/gm, "    ") : "    (empty)"}`);
  }
}
