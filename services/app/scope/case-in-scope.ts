import type { CaseDoc } from "../../domain/case";
import type { CaseRepository } from "../../store/case-repository";
import type { Scope } from "./chain-of-command";
import { CaseNotFoundError } from "./scope-errors";

/**
 * THE scoped case lookup: a case by its reference as typed, if its OIC is inside the viewer's scope. Every read and
 * write path that starts from a reference goes through here (docs/domain-rules.md §8).
 *
 * People type references in lower case; stored references keep the force's own spelling, so both spellings are
 * always read. A missing case and an out-of-scope one throw the same CaseNotFoundError, and cost the same reads. The
 * scope may still be loading: it is awaited alongside the case reads rather than before them.
 */
export async function caseInScope(cases: Pick<CaseRepository, "getByRef">, scope: Scope | PromiseLike<Scope>, ref: string): Promise<CaseDoc> {
  const spellings = [...new Set([ref, ref.toUpperCase()])];
  const [inScope, ...hits] = await Promise.all([scope, ...spellings.map((r) => cases.getByRef(r))]);
  const found = hits.find((c) => c !== undefined);
  if (!found || !inScope.includes(found.oicId)) throw new CaseNotFoundError(ref);
  return found;
}
