import type { AdaptiveCardJson } from "../cards/expand-card";
import { buildErrorCard } from "../cards/error";
import { CaseNotFoundError } from "../services/app/scope/scope-errors";
import { CasewatchError, type ErrorCode } from "../services/platform/errors";
import { AlreadyDoneError } from "../services/app/workflow/workflow-errors";

/** Words for the errors a person can meet in chat, keyed by stable code (and error class); never by message text. */
type Words = { title: string; message: string; nothingChanged?: boolean };

/** A refusal's reasons under its one-line summary, e.g. "The absence was not recorded." then "from: …". */
const withDetails = (err: CasewatchError) => clip([err.message, ...(err.details ?? []).map((d) => `- ${d}`)].join("\n"));
/** The error card holds 600 characters; a longer list of reasons is cut, not allowed to break the card. */
const clip = (s: string) => (s.length <= 600 ? s : `${s.slice(0, 597)}...`);

const WORDS: Partial<Record<ErrorCode, (err: CasewatchError) => Words>> = {
  // The services word a missing and an out-of-scope case, officer or plan identically, so the message is safe to show.
  NOT_FOUND: (err) => ({ title: err instanceof CaseNotFoundError ? "Case not found" : "Not found", message: clip(err.message) }),
  // Written by the service to say what is not allowed and who may do it, without revealing anything outside scope.
  OUT_OF_SCOPE: (err) => ({ title: "Not something you can do here", message: clip(err.message) }),
  // The store may have failed between two writes, so this one does not promise that nothing changed.
  STORE_UNAVAILABLE: () => ({ title: "Casewatch is busy", message: "Casewatch could not reach its records just now. Try again in a moment.", nothingChanged: false }),
  // Someone else got there first: who and when ("…already reviewed by DS Khan at 10:42"), or a plain conflict.
  CONCURRENCY_CONFLICT: (err) =>
    err instanceof AlreadyDoneError
      ? { title: "Already done", message: clip(err.message) }
      : { title: "Changed at the same time", message: "Someone else changed this at the same moment. Open it again to see the latest, then retry." },
  VALIDATION_FAILED: (err) => ({ title: "That could not be saved", message: withDetails(err) }),
};

/** The error card for an error people should hear about in words, or undefined for one the turn handler must log. */
export function errorCardFor(err: unknown): AdaptiveCardJson | undefined {
  if (!(err instanceof CasewatchError)) return undefined;
  const words = WORDS[err.code]?.(err);
  return words ? buildErrorCard(words) : undefined;
}
