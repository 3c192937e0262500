import { actionPlanRepositoryContract } from "./action-plan-repository.contract";
import { auditLogContract } from "./audit-log.contract";
import { caseRepositoryContract } from "./case-repository.contract";
import { runContracts } from "./contract-store";
import { conversationRefRepositoryContract } from "./conversation-ref-repository.contract";
import { leaseRepositoryContract } from "./lease-repository.contract";
import { notificationLedgerContract } from "./notification-ledger.contract";
import { officerRepositoryContract } from "./officer-repository.contract";
import { reviewRepositoryContract } from "./review-repository.contract";

/**
 * Every repository's behaviour, stated once and run against both the real client on the Cosmos-protocol server and
 * the in-memory fake (services/store/memory/), so the fake the fast tier uses cannot drift from the store.
 */
runContracts([
  caseRepositoryContract,
  officerRepositoryContract,
  reviewRepositoryContract,
  actionPlanRepositoryContract,
  conversationRefRepositoryContract,
  notificationLedgerContract,
  leaseRepositoryContract,
  auditLogContract,
]);
