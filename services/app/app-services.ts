import type { Clock } from "../clock";
import type { Config } from "../config/load-config";
import type { Logger } from "../logging/logger";
import type { Policy } from "../policy/policy";
import type { Repositories } from "../store/repositories";
import { createAcknowledgements } from "./acknowledgements";
import { createCaseQueryService, type CaseQueryService } from "./case-query-service";
import { createIdentityService, type IdentityService } from "./identity-service";
import { createInstallationService, type InstallationService } from "./installation-service";
import { createScopedCaseReader, type ScopedCaseReader } from "./scoped-cases";
import { createStatusService, type StatusService } from "./status-service";
import { createViewAudit } from "./view-audit";
import { createOversightServices, type OversightServices } from "../oversight/oversight-services";
import { createWorkflowServices, type WorkflowServices } from "../workflows/workflow-services";

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
  const viewAudit = createViewAudit({ audit: repos.audit, clock });
  const scopedCases = createScopedCaseReader({ officers: repos.officers, cases: repos.cases, clock, policy });
  const acknowledgements = createAcknowledgements({ ledger: repos.ledger, officers: repos.officers, clock, policy });
  logger.debug({ allowedTenants: config.allowedTenants.length }, "application services ready");
  return {
    identity: createIdentityService({ officers: repos.officers, reader: scopedCases, allowedTenants: config.allowedTenants }),
    installations: createInstallationService({ conversations: repos.conversations, clock }),
    scopedCases,
    cases: createCaseQueryService({ reader: scopedCases, officers: repos.officers, reviews: repos.reviews, viewAudit, policy }),
    status: createStatusService({ reader: scopedCases, acknowledgements, viewAudit, audit: repos.audit, clock, policy }),
    workflows: createWorkflowServices({ repos, clock, policy, logger }),
    oversight: createOversightServices({ repos, clock, policy, logger }),
  };
}
