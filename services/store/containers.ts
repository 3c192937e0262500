import type { ContainerDefinition, IndexingPolicy } from "@azure/cosmos";

const rangeAll: IndexingPolicy = {
  indexingMode: "consistent",
  automatic: true,
  includedPaths: [{ path: "/*" }],
  excludedPaths: [{ path: '/"_etag"/?' }],
};

/**
 * Every container Casewatch uses, with its partition key and indexing. deployment/main.bicep declares the same
 * set; a test keeps the two in step. Reasons for each key are in the README ("Partitioning").
 */
export const containerDefinitions = {
  officers: { id: "officers", partitionKey: { paths: ["/id"] }, indexingPolicy: rangeAll },
  cases: { id: "cases", partitionKey: { paths: ["/id"] }, indexingPolicy: rangeAll },
  reviews: { id: "reviews", partitionKey: { paths: ["/caseId"] }, indexingPolicy: rangeAll },
  actionPlans: { id: "actionPlans", partitionKey: { paths: ["/officerId"] }, indexingPolicy: rangeAll },
  conversations: { id: "conversations", partitionKey: { paths: ["/aadObjectId"] }, indexingPolicy: rangeAll },
  notifications: { id: "notifications", partitionKey: { paths: ["/id"] }, indexingPolicy: rangeAll },
  leases: { id: "leases", partitionKey: { paths: ["/id"] }, indexingPolicy: rangeAll },
  audit: { id: "audit", partitionKey: { paths: ["/day"] }, indexingPolicy: rangeAll },
} satisfies Record<string, ContainerDefinition & { id: string }>;

export type ContainerName = keyof typeof containerDefinitions;
