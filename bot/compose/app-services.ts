import type { Clock } from "../../services/platform/clock";
import type { Config } from "../../services/platform/config/load-config";
import type { Logger } from "../../services/platform/logger";
import type { Policy } from "../../services/domain/policy";
import type { Repositories } from "../../services/store/repositories";
import { createAcknowledgements } from "../../services/app/status/acknowledgements";
import { createCaseQueryService, type CaseQueryService } from "../../services/app/cases/case-query-service";
import { createIdentityService, type IdentityService } from "../../services/app/identity/identity-service";
import { createInstallationService, type InstallationService } from "../../services/app/identity/installation-service";
import { createScopedCaseReader, type ScopedCaseReader } from "../../services/app/scope/scoped-cases";
import { createStatusService, type StatusService } from "../../services/app/status/status-service";
import { createViewAudit } from "../../services/app/audit/view-audit";
import { createOversightServices, type OversightServices } from "./oversight-services";
import { createWorkflowServices, type WorkflowServices } from "./workflow-services";

/** The application services the Teams edge calls. Each gets only the repositories it needs. */
export interface AppServices {
  identity: IdentityService;
  installations: InstallationService;
  /** Scope-checked case reads, for later services (reviews, reassignment) that must apply the same rule. */
  scopedCases: ScopedCaseReader;
  cases: CaseQueryService;
  status: StatusService;
  /** Issue 5: reviews, progress confirmations and action plans. */
  workflows: WorkflowServices;
  /** Issue 6: team status, reallocation, absence, handover and 1:1s. */
  oversight: OversightServices;
}

export interface AppServiceDeps {
  repos: Repositories;
  clock: Clock;
  policy: Policy;
  logger: Logger;
  config: Pick<Config, "allowedTenants">;
}

export function createAppServices({ repos, clock, policy, logger, config }: AppServiceDeps): AppServices {
  const viewAudit = createViewAudit({ audit: repos.audit });
  const scopedCases = createScopedCaseReader({ officers: repos.officers, cases: repos.cases });
  const acknowledgements = createAcknowledgements({ ledger: repos.ledger, officers: repos.officers, policy });
  logger.debug({ allowedTenants: config.allowedTenants.length }, "application services ready");
  return {
    identity: createIdentityService({ officers: repos.officers, reader: scopedCases, allowedTenants: config.allowedTenants }),
    installations: createInstallationService({ conversations: repos.conversations }),
    scopedCases,
    cases: createCaseQueryService({ reader: scopedCases, officers: repos.officers, reviews: repos.reviews, viewAudit, policy }),
    status: createStatusService({ reader: scopedCases, acknowledgements, viewAudit, audit: repos.audit, policy }),
    workflows: createWorkflowServices({ repos, policy, logger }),
    oversight: createOversightServices({ repos, policy, logger }),
  };
}
