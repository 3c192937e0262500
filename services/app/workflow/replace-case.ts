import { CaseNotFoundError } from "../scope/scope-errors";
import type { CaseDoc } from "../../domain/case";
import { ConcurrencyError } from "../../platform/errors";
import type { CaseRepository } from "../../store/case-repository";

const MAX_ATTEMPTS = 3;

/**
 * ETag-replaces a case with `apply` run on it. Callers hold the workflow claim for their step, so a conflict here is
 * someone else's unrelated write (a progress answer, a sweep's attention date, an import): the case is read again
 * and `apply` runs on the fresh copy, keeping their change as well as ours.
 */
export async function replaceCase(cases: Pick<CaseRepository, "replace" | "getByRef">, original: CaseDoc, apply: (doc: CaseDoc) => CaseDoc): Promise<CaseDoc> {
  let doc = original;
  for (let attempt = 1; ; attempt++) {
    try {
      return await cases.replace(apply(doc));
    } catch (err) {
      if (!(err instanceof ConcurrencyError) || attempt >= MAX_ATTEMPTS) throw err;
      const fresh = await cases.getByRef(original.ref);
      if (!fresh) throw new CaseNotFoundError(original.ref);
      doc = fresh;
    }
  }
}
