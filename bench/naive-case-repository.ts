import type { Container } from "@azure/cosmos";
import { caseDoc } from "../services/domain/case";
import type { CaseRepository } from "../services/store/case-repository";
import { DocumentStore } from "../services/store/document-store";

/**
 * The sweep's read done the naive way, for comparison only: read every case, then filter in memory. Everything else
 * (parsing, planning, sending) is the real code, so the difference between the two runs is the read alone.
 */
export function naiveCaseRepository(real: CaseRepository, container: Container): CaseRepository {
  const store = new DocumentStore(container, caseDoc, "case", (c) => c.id);
  return {
    ...real,
    needingAttention: async (day, onPage) => {
      const all = await store.query({ query: "SELECT * FROM c WHERE c.type = 'case'" }, onPage);
      return all.filter((c) => c.status === "open" && c.nextAttentionOn !== undefined && c.nextAttentionOn <= day);
    },
  };
}
