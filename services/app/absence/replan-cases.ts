import type { CaseDoc } from "../../domain/case";
import type { IsoDate } from "../../domain/dates";
import type { CaseRepository } from "../../store/case-repository";
import { writeNextAttention } from "../sweep/next-attention-writer";

/**
 * Makes the next sweep read these cases again by bringing `nextAttentionOn` forward to today.
 *
 * Why this is all a change of people needs: reminders are not stored per recipient. Each sweep plans them afresh from
 * the current cases and officers (who the OIC is, who supervises whom, who is absent), and the ledger only records
 * what was already sent, keyed by recipient. So once a case has a new OIC or a new supervisor, or its OIC is away,
 * whatever is still pending for it is planned for the right person at the next sweep that reads it, and that person
 * gets it even if the previous recipient already had it. The only risk is that the next read is weeks away because
 * the last sweep moved `nextAttentionOn` past today; bringing it forward closes that gap. Cases already due are not
 * written. A concurrent edit is re-read and re-decided, never overwritten.
 */
export async function replanCases(cases: Pick<CaseRepository, "replace" | "getByRef">, docs: readonly CaseDoc[], today: IsoDate): Promise<string[]> {
  const due = (d: CaseDoc) => d.status === "open" && (d.nextAttentionOn === undefined || d.nextAttentionOn > today);
  const touched = docs.filter(due);
  await writeNextAttention(cases, touched, (doc) => ({ write: due(doc) ? today : doc.nextAttentionOn }));
  return touched.map((d) => d.ref);
}
