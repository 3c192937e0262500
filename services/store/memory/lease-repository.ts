import { leaseDoc } from "../../domain/notification";
import { leaseRepositoryOver, type LeaseRepository } from "../lease-repository";
import type { MemoryContainer } from "./memory-container";
import { MemoryDocumentStore } from "./memory-document-store";

/** The fake of lease-repository.ts: the same lease logic over the in-memory document store. */
export function createMemoryLeaseRepository(container: MemoryContainer): LeaseRepository {
  return leaseRepositoryOver(new MemoryDocumentStore(container, leaseDoc, "lease", (l) => l.id));
}
