import type { Containers } from "./cosmos-setup";
import { createCosmosActionPlanRepository, type ActionPlanRepository } from "./action-plan-repository";
import { createCosmosAuditLog, type AuditLog } from "./audit-log";
import { createCosmosCaseRepository, type CaseRepository } from "./case-repository";
import { createCosmosConversationRefRepository, type ConversationRefRepository } from "./conversation-ref-repository";
import { createCosmosLeaseRepository, type LeaseRepository } from "./lease-repository";
import { createCosmosNotificationLedger, type NotificationLedger } from "./notification-ledger";
import { createCosmosOfficerRepository, type OfficerRepository } from "./officer-repository";
import { createCosmosReviewRepository, type ReviewRepository } from "./review-repository";

export interface Repositories {
  officers: OfficerRepository;
  cases: CaseRepository;
  reviews: ReviewRepository;
  actionPlans: ActionPlanRepository;
  conversations: ConversationRefRepository;
  ledger: NotificationLedger;
  leases: LeaseRepository;
  audit: AuditLog;
}

export function createCosmosRepositories(c: Containers): Repositories {
  return {
    officers: createCosmosOfficerRepository(c.officers),
    cases: createCosmosCaseRepository(c.cases),
    reviews: createCosmosReviewRepository(c.reviews),
    actionPlans: createCosmosActionPlanRepository(c.actionPlans),
    conversations: createCosmosConversationRefRepository(c.conversations),
    ledger: createCosmosNotificationLedger(c.notifications),
    leases: createCosmosLeaseRepository(c.leases),
    audit: createCosmosAuditLog(c.audit),
  };
}
