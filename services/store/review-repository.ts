import type { Container } from "@azure/cosmos";
import { reviewDoc, type ReviewDoc } from "../domain/review";
import { DocumentStore } from "./document-store";

export interface ReviewRepository {
  create(review: ReviewDoc): Promise<ReviewDoc>;
  get(caseId: string, id: string): Promise<ReviewDoc | undefined>;
  forCase(caseId: string): Promise<ReviewDoc[]>;
}

export function createCosmosReviewRepository(container: Container): ReviewRepository {
  const store = new DocumentStore(container, reviewDoc, "review", (r) => r.caseId);
  return {
    create: (r) => store.create(r),
    get: (caseId, id) => store.read(id, caseId),
    forCase: (caseId) =>
      store.query({
        query: "SELECT * FROM c WHERE c.type = 'review' AND c.caseId = @c ORDER BY c.reviewedAt DESC",
        parameters: [{ name: "@c", value: caseId }],
      }),
  };
}
