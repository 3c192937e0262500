import type { Logger } from "../../services/platform/logger";
import type { Policy } from "../../services/domain/policy";
import type { Repositories } from "../../services/store/repositories";
import { createAbsenceService, type AbsenceService } from "../../services/app/absence/absence-service";
import { createHandoverService, type HandoverService } from "../../services/app/handover/handover-service";
import { createReassignService, type ReassignService } from "../../services/app/reassign/reassign-service";
import { createTeamStatusService, type TeamStatusService } from "../../services/app/team/team-status-service";
import { createWellbeingService, type WellbeingService } from "../../services/app/team/wellbeing-service";

/** Issue 6's services for the composition root; each still receives only the repositories it uses. */
export interface OversightServices {
  teamStatus: TeamStatusService;
  reassign: ReassignService;
  absence: AbsenceService;
  handover: HandoverService;
  wellbeing: WellbeingService;
}

export function createOversightServices(deps: { repos: Repositories; policy: Policy; logger: Logger }): OversightServices {
  const { repos, policy } = deps;
  const logger = deps.logger.child({ component: "oversight" });
  // None of them reads the clock: each method takes the moment of the turn that calls it.
  const base = { policy, logger };
  return {
    teamStatus: createTeamStatusService({ ...base, repos: { officers: repos.officers, cases: repos.cases, actionPlans: repos.actionPlans, audit: repos.audit } }),
    reassign: createReassignService({ ...base, repos: { cases: repos.cases, audit: repos.audit } }),
    absence: createAbsenceService({ ...base, repos: { officers: repos.officers, cases: repos.cases, audit: repos.audit } }),
    handover: createHandoverService({ ...base, repos: { officers: repos.officers, cases: repos.cases, audit: repos.audit } }),
    wellbeing: createWellbeingService({ ...base, repos: { officers: repos.officers, audit: repos.audit } }),
  };
}
