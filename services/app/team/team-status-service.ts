import type { ActionPlanDoc } from "../../domain/action-plan";
import type { CaseDoc } from "../../domain/case";
import type { IsoDate, Moment } from "../../domain/dates";
import { rankLevel, type Officer } from "../../domain/officer";
import type { Logger } from "../../platform/logger";
import type { Policy } from "../../domain/policy";
import type { Repositories } from "../../store/repositories";
import { worstFirst } from "../cases/case-line";
import type { Scope } from "../scope/chain-of-command";
import { totalsOf } from "../status/status-figures";
import { createViewAudit, type Purpose } from "../audit/view-audit";
import { NotPermittedError, OfficerOutOfScopeError } from "../scope/scope-errors";
import type { OfficerCasesView } from "./officer-cases-view";
import type { TeamDrilldownView } from "./team-drilldown-view";
import type { TeamStatusView } from "./team-status-view";
import { linesByOic, officerFiguresOf, teamFiguresOf, teamLeads, thresholdsOf, worstOfficerFirst, worstTeamFirst } from "./team-figures";

type TeamStatusFigures = Pick<TeamStatusView, "totals" | "teams">;

/** Same officers, object for object (the officer directory hands out one frozen object per officer per snapshot). */
function sameObjects(a: readonly Officer[], b: readonly Officer[]): boolean {
  return a.length === b.length && a.every((o, i) => o === b[i]);
}

/** An officer's case list is capped so the card stays inside Teams' size limit; the rest is counted. */
export const OFFICER_CASES_LIMIT = 25;

export interface TeamStatusService {
  /**
   * One card for a DI or above: every sergeant's team in scope, worst first (issue 6 §1). Each method takes the
   * viewer's scope and the moment of the turn that asks, so figures and audit entry are of one instant and one day.
   */
  teamStatus(viewer: Officer, scope: Scope, at: Moment, why: Purpose): Promise<TeamStatusView>;
  /** One team's officers, worst first. Anyone may open a team inside their scope, a sergeant their own. */
  teamDrilldown(viewer: Officer, scope: Scope, at: Moment, supervisorId: string, why: Purpose): Promise<TeamDrilldownView>;
  /** One officer's open cases, worst first. */
  officerCases(viewer: Officer, scope: Scope, at: Moment, officerId: string, why: Purpose): Promise<OfficerCasesView>;
}

export interface TeamStatusDeps {
  repos: Pick<Repositories, "officers" | "cases" | "actionPlans" | "audit">;
  policy: Policy;
  logger: Logger;
}

/**
 * Speed (issue 6: under a second on the demo force) comes from reading each thing once: the officer list (for the
 * chain of command), the scope's open cases in one `byOic` query, and the scope's action plans; everything else is
 * computed in memory from the pure rules.
 */
export function createTeamStatusService({ repos, policy, logger }: TeamStatusDeps): TeamStatusService {
  const viewAudit = createViewAudit({ audit: repos.audit });
  const who = (o: Officer) => ({ id: o.id, name: o.name, rank: o.rank });

  const load = async (ids: readonly string[]) => {
    const [cases, plans] = await Promise.all([repos.cases.byOic(ids, { openOnly: true }), repos.actionPlans.forOfficers(ids)]);
    return { cases, plans };
  };

  /**
   * Team figures derived from one read of cases and plans, kept only as long as that read's answer is alive. When
   * turns share a read (shared-reads.ts coalesces identical reads in flight), the first computes the figures and the
   * rest reuse them; the same read, officers and day give the same figures, so nobody sees anything older than the
   * read they got. Repositories that do not share reads return a new array each time, so this never hits for them.
   */
  const derived = new WeakMap<readonly CaseDoc[], { plans: readonly ActionPlanDoc[]; officers: readonly Officer[]; today: IsoDate; figures: TeamStatusFigures }>();
  const teamStatusFigures = (scope: Scope, cases: readonly CaseDoc[], plans: readonly ActionPlanDoc[], today: IsoDate): TeamStatusFigures => {
    const officers = [...scope.officers.values()];
    const hit = derived.get(cases);
    if (hit && hit.plans === plans && hit.today === today && sameObjects(hit.officers, officers)) return hit.figures;
    const byOic = linesByOic(cases, scope.officers, policy, today);
    const teams = teamLeads(scope).map((lead) => teamFiguresOf(lead, scope, byOic, plans, policy, today)).sort(worstTeamFirst);
    const figures = { totals: totalsOf([...byOic.values()].flat(), policy), teams };
    derived.set(cases, { plans, officers, today, figures });
    return figures;
  };

  return {
    teamStatus: async (viewer, scope, at, why) => {
      if (rankLevel[viewer.rank] < rankLevel.DI) throw new NotPermittedError("see every team's status", "an inspector or above");
      const started = performance.now();
      const today = at.today;
      const { cases, plans } = await load([...scope.officers.keys()]);
      const { totals, teams } = teamStatusFigures(scope, cases, plans, today);
      const view: TeamStatusView = { viewer: who(viewer), today, thresholds: thresholdsOf(policy), totals, teams };
      await viewAudit.recordView(viewer, { action: "view team status", recordType: "case-summary", recordIds: [`scope:${viewer.id}`], why }, at.now);
      logger.debug({ viewerId: viewer.id, teams: teams.length, cases: cases.length, ms: Math.round(performance.now() - started) }, "team status");
      return view;
    },

    teamDrilldown: async (viewer, scope, at, supervisorId, why) => {
      const today = at.today;
      const lead = scope.officers.get(supervisorId);
      if (!lead) throw new OfficerOutOfScopeError(supervisorId);
      const members = scope.teamOf(lead.id);
      const { cases, plans } = await load(members.map((m) => m.id));
      const byOic = linesByOic(cases, scope.officers, policy, today);
      // The supervisor appears as a row only when they hold cases themselves.
      const rows = members.filter((m) => m.id !== lead.id || byOic.has(lead.id));
      const view: TeamDrilldownView = {
        viewer: who(viewer),
        today,
        thresholds: thresholdsOf(policy),
        team: teamFiguresOf(lead, scope, byOic, plans, policy, today),
        officers: rows.map((m) => officerFiguresOf(m, byOic.get(m.id) ?? [], plans, policy, today)).sort(worstOfficerFirst),
      };
      await viewAudit.recordView(viewer, { action: "view team", recordType: "case-summary", recordIds: [`team:${lead.id}`], why }, at.now);
      return view;
    },

    officerCases: async (viewer, scope, at, officerId, why) => {
      const today = at.today;
      const officer = scope.officers.get(officerId);
      if (!officer) throw new OfficerOutOfScopeError(officerId);
      const { cases, plans } = await load([officer.id]);
      const lines = (linesByOic(cases, scope.officers, policy, today).get(officer.id) ?? []).sort(worstFirst);
      const shown = lines.slice(0, OFFICER_CASES_LIMIT);
      const sid = officer.supervisorId;
      const view: OfficerCasesView = {
        viewer: who(viewer),
        today,
        officer: officerFiguresOf(officer, lines, plans, policy, today),
        ...(sid !== undefined && scope.includes(sid) ? { teamSupervisorId: sid } : {}),
        cases: shown,
        more: Math.max(0, lines.length - shown.length),
      };
      await viewAudit.recordView(viewer, {
        action: "view officer's cases",
        recordType: shown.length > 0 ? "case-list" : "case-summary",
        recordIds: shown.length > 0 ? shown.map((l) => l.ref) : [`officer:${officer.id}`],
        why,
      }, at.now);
      logger.debug({ viewerId: viewer.id, officerId: officer.id, cases: lines.length }, "officer cases");
      return view;
    },
  };
}
