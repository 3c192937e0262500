import type { CaseDoc } from "../../domain/case";
import type { IsoDate } from "../../domain/dates";
import { ConcurrencyError } from "../../platform/errors";
import type { CaseRepository } from "../../store/case-repository";

/** What the sweep decided for a case: write this date, or leave the case due (something for it is still unsettled). */
export type AttentionDecision = { write: IsoDate | undefined } | { leave: true };

export interface AttentionWriteResult {
  written: number;
  unchanged: number;
  left: number;
  conflicts: number;
}

const MAX_ATTEMPTS = 3;

function withAttention(doc: CaseDoc, next: IsoDate | undefined): CaseDoc {
  const { nextAttentionOn, ...rest } = doc;
  void nextAttentionOn;
  return next === undefined ? rest : { ...rest, nextAttentionOn: next };
}

/**
 * Stores each processed case's `nextAttentionOn` with an ETag replace. When someone else wrote the case meanwhile
 * (a review, an import), the write is not forced: the case is re-read and `decide` runs again on the fresh copy, so
 * their change is kept and our date reflects it.
 */
export async function writeNextAttention(
  cases: Pick<CaseRepository, "replace" | "getByRef">,
  processed: readonly CaseDoc[],
  /** `reread` is true for a fresh copy fetched after a conflict. */
  decide: (doc: CaseDoc, reread: boolean) => AttentionDecision,
): Promise<AttentionWriteResult> {
  const result: AttentionWriteResult = { written: 0, unchanged: 0, left: 0, conflicts: 0 };
  for (const original of processed) {
    let doc: CaseDoc | undefined = original;
    for (let attempt = 1; doc !== undefined; attempt += 1) {
      const decision = decide(doc, attempt > 1);
      if ("leave" in decision) {
        result.left += 1;
        break;
      }
      if (decision.write === doc.nextAttentionOn) {
        result.unchanged += 1;
        break;
      }
      try {
        await cases.replace(withAttention(doc, decision.write));
        result.written += 1;
        break;
      } catch (err) {
        if (!(err instanceof ConcurrencyError) || attempt >= MAX_ATTEMPTS) throw err;
        result.conflicts += 1;
        doc = await cases.getByRef(doc.ref);
      }
    }
  }
  return result;
}
