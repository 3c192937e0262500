import type { Container } from "@azure/cosmos";
import { caseDoc, type CaseDoc } from "../services/domain/case";
import type { CaseRepository } from "../services/store/case-repository";

/**
 * One page holds any bench size. The embedded server re-evaluates the whole query for every page in O(n²) time, so
 * paging 100,000 cases 1,000 at a time would take hours; one request is the kindest reading of "read every case".
 */
const ALL_IN_ONE_PAGE = 1_000_000;

/**
 * The sweep's read done the naive way, for comparison only: read every case, then filter in memory. Everything else
 * (parsing, planning, sending, writing) is the real code, so the difference between the two sweeps is the read alone.
 */
export function naiveCaseRepository(real: CaseRepository, container: Container): CaseRepository {
  return {
    ...real,
    needingAttention: async (day, onPage) => {
      const all: CaseDoc[] = [];
      const it = container.items.query<unknown>({ query: "SELECT * FROM c WHERE c.type = 'case'" }, { maxItemCount: ALL_IN_ONE_PAGE });
      while (it.hasMoreResults()) {
        const page = await it.fetchNext();
        // Parsed exactly as the repository parses what it reads.
        for (const raw of page.resources) all.push(caseDoc.parse(raw));
        onPage?.(all.length);
      }
      return all.filter((c) => c.status === "open" && c.nextAttentionOn !== undefined && c.nextAttentionOn <= day);
    },
  };
}
