import { reviewDoc } from "../../domain/review";
import type { ReviewRepository } from "../review-repository";
import type { MemoryContainer } from "./memory-container";
import { MemoryDocumentStore } from "./memory-document-store";

/** The fake of review-repository.ts (see memory-container.ts). */
export function createMemoryReviewRepository(container: MemoryContainer): ReviewRepository {
  const store = new MemoryDocumentStore(container, reviewDoc, "review", (r) => r.caseId);
  return {
    create: (r) => store.create(r),
    get: (caseId, id) => store.read(id, caseId),
    forCase: (caseId) =>
      store.query({
        where: (d) => d.type === "review" && d.caseId === caseId,
        orderBy: { key: (d) => d.reviewedAt, descending: true },
      }),
  };
}
