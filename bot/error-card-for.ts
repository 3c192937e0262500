import type { AdaptiveCardJson } from "../cards/expand-card";
import { buildErrorCard } from "../cards/error";
import { CasewatchError, type ErrorCode } from "../services/errors";

/** Words for the errors a person can meet in chat, keyed by stable code; never by message text. */
type Words = { title: string; message: string; nothingChanged?: boolean };
const WORDS: Partial<Record<ErrorCode, (err: CasewatchError) => Words>> = {
  // The service's message is identical for a missing and an out-of-scope reference, so it is safe to show.
  NOT_FOUND: (err) => ({ title: "Case not found", message: err.message }),
  // The store may have failed between two writes, so this one does not promise that nothing changed.
  STORE_UNAVAILABLE: () => ({ title: "Casewatch is busy", message: "Casewatch could not reach its records just now. Try again in a moment.", nothingChanged: false }),
  CONCURRENCY_CONFLICT: () => ({ title: "Changed at the same time", message: "Someone else changed this at the same moment. Open it again to see the latest, then retry." }),
  VALIDATION_FAILED: (err) => ({ title: "That could not be saved", message: err.message }),
};

/** The error card for an error people should hear about in words, or undefined for one the turn handler must log. */
export function errorCardFor(err: unknown): AdaptiveCardJson | undefined {
  if (!(err instanceof CasewatchError)) return undefined;
  const words = WORDS[err.code]?.(err);
  return words ? buildErrorCard(words) : undefined;
}
