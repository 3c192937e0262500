import type { Clock } from "../clock";
import type { Logger } from "../logging/logger";
import type { Policy } from "../policy/policy";
import type { Repositories } from "../store/repositories";
import { createAbsenceService, type AbsenceService } from "./absence-service";
import { createHandoverService, type HandoverService } from "./handover-service";
import { createReassignService, type ReassignService } from "./reassign-service";
import { createTeamStatusService, type TeamStatusService } from "./team-status-service";
import { createWellbeingService, type WellbeingService } from "./wellbeing-service";

/** Issue 6's services for the composition root; each still receives only the repositories it uses. */
export interface OversightServices {
  teamStatus: TeamStatusService;
  reassign: ReassignService;
  absence: AbsenceService;
  handover: HandoverService;
  wellbeing: WellbeingService;
}

export function createOversightServices(deps: { repos: Repositories; clock: Clock; policy: Policy; logger: Logger }): OversightServices {
  const { repos, clock, policy } = deps;
  const logger = deps.logger.child({ component: "oversight" });
  const base = { clock, policy, logger };
  return {
    teamStatus: createTeamStatusService({ ...base, repos: { officers: repos.officers, cases: repos.cases, actionPlans: repos.actionPlans, audit: repos.audit } }),
    reassign: createReassignService({ ...base, repos: { cases: repos.cases, audit: repos.audit } }),
    absence: createAbsenceService({ ...base, repos: { officers: repos.officers, cases: repos.cases, audit: repos.audit } }),
    handover: createHandoverService({ ...base, repos: { officers: repos.officers, cases: repos.cases, audit: repos.audit } }),
    wellbeing: createWellbeingService({ ...base, repos: { officers: repos.officers, audit: repos.audit } }),
  };
}
