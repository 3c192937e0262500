import { CasewatchError } from "../../platform/errors";

/** The same error, word for word, for a reference that does not exist and one the viewer may not see (docs/domain-rules.md §8). */
export class CaseNotFoundError extends CasewatchError {
  constructor(readonly ref: string) {
    super("NOT_FOUND", `Casewatch has no case ${ref} that you can see. Check the reference and try again.`);
  }
}

/**
 * An officer the viewer may not act on. Worded the same whether the officer exists or not, so the refusal says
 * nothing about people outside the viewer's chain of command (docs/domain-rules.md §8).
 */
export class OfficerOutOfScopeError extends CasewatchError {
  constructor(readonly officerId: string) {
    super("OUT_OF_SCOPE", `Officer ${officerId} is not in your chain of command. Check the officer id, or ask their supervisor.`);
  }
}

/** The viewer's rank or position does not allow this action at all (e.g. handover below inspector). */
export class NotPermittedError extends CasewatchError {
  constructor(readonly action: string, requirement: string) {
    super("OUT_OF_SCOPE", `Only ${requirement} can ${action}.`);
  }
}
