import type { Scope } from "./chain-of-command";
import { CaseNotFoundError } from "./scoped-cases";
import type { CaseDoc } from "../../domain/case";
import type { CaseRepository } from "../../store/case-repository";

/**
 * A case by its reference as typed, inside an already computed scope. Same rule as ScopedCaseReader.byRef: both
 * spellings are always read and a missing case and an out-of-scope one throw the same CaseNotFoundError.
 */
export async function caseInScope(cases: Pick<CaseRepository, "getByRef">, scope: Scope, ref: string): Promise<CaseDoc> {
  const spellings = [...new Set([ref, ref.toUpperCase()])];
  const hits = await Promise.all(spellings.map((r) => cases.getByRef(r)));
  const found = hits.find((c) => c !== undefined);
  if (!found || !scope.includes(found.oicId)) throw new CaseNotFoundError(ref);
  return found;
}
