import { CasewatchError, ConcurrencyError, ValidationError } from "../../platform/errors";
import type { DoneBy, FieldProblem } from "./form-view";

// Declared with the views cards draw them in; still importable from here beside the errors that carry them.

/**
 * A refused form. The reasons stay tied to their fields so the card can be drawn again with the inputs as typed and
 * each reason shown; nothing has been written when this is thrown.
 */
export class FormValidationError extends ValidationError {
  constructor(readonly problems: readonly FieldProblem[]) {
    super(
      problems.length === 1 ? "One answer needs correcting before this can be saved." : `${problems.length} answers need correcting before this can be saved.`,
      problems.map((p) => `${p.field}: ${p.reason}`),
    );
  }
}

/**
 * Somebody else got there first (a second reviewer, a second person closing a plan). A ConcurrencyError, so generic
 * handlers treat it as a conflict; `done` says who and when, e.g. "already reviewed by DS Khan at 10:42".
 */
export class AlreadyDoneError extends ConcurrencyError {
  constructor(recordType: string, recordId: string, readonly done: DoneBy, readonly what: string) {
    super(recordType, recordId);
    this.message = `${recordId} was already ${what} by ${done.byName} at ${done.atLabel}. Nothing else was changed.`;
  }
}

/** The viewer may see the record but this step belongs to someone else (e.g. an OIC reviewing their own case). */
export class NotPermittedError extends CasewatchError {
  constructor(message: string) {
    super("OUT_OF_SCOPE", message);
  }
}

/** The same words for an officer or plan that does not exist and one outside the viewer's chain of command. */
export class NotFoundInScopeError extends CasewatchError {
  constructor(readonly what: "officer" | "action plan", readonly id: string) {
    super("NOT_FOUND", `Casewatch has no ${what} "${id}" that you can see. Check and try again.`);
  }
}
