import type { Repositories } from "../repositories";
import { createMemoryActionPlanRepository } from "./action-plan-repository";
import { createMemoryAuditLog } from "./audit-log";
import { createMemoryCaseRepository } from "./case-repository";
import { createMemoryConversationRefRepository } from "./conversation-ref-repository";
import { createMemoryLeaseRepository } from "./lease-repository";
import { createMemoryDatabase, type MemoryDatabase } from "./memory-container";
import { createMemoryNotificationLedger } from "./notification-ledger";
import { createMemoryOfficerRepository } from "./officer-repository";
import { createMemoryReviewRepository } from "./review-repository";

/**
 * In-memory repositories: a fake of the Cosmos store for the fast test tier and for simulations; the contract suite
 * (test/services/store/contract/) keeps it honest. Pass a database to share one store between several sets of
 * repositories (two "instances" of the app), or to look at what was stored.
 */
export function createMemoryRepositories(db: MemoryDatabase = createMemoryDatabase()): Repositories {
  return {
    officers: createMemoryOfficerRepository(db.officers),
    cases: createMemoryCaseRepository(db.cases),
    reviews: createMemoryReviewRepository(db.reviews),
    actionPlans: createMemoryActionPlanRepository(db.actionPlans),
    conversations: createMemoryConversationRefRepository(db.conversations),
    ledger: createMemoryNotificationLedger(db.notifications),
    leases: createMemoryLeaseRepository(db.leases),
    audit: createMemoryAuditLog(db.audit),
  };
}
