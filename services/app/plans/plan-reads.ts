import type { Scope } from "../scope/chain-of-command";
import type { Purpose } from "../audit/view-audit";
import type { ActionPlanDoc } from "../../domain/action-plan";
import type { IsoDate, Moment } from "../../domain/dates";
import type { Officer } from "../../domain/officer";
import type { Policy } from "../../domain/policy";
import { addDays } from "../../rules/calendar";
import { isStale } from "../../rules/progress";
import type { Repositories } from "../../store/repositories";
import { officerLabel } from "../labels/officer-label";
import { isOpenPlan } from "./plan-schedule";
import type { ActionPlanView, PlanCardView } from "./plan-view";
import type { PlanViewData } from "./plan-view-data";
import type { DoneBy } from "../workflow/form-view";
import { NotFoundInScopeError, NotPermittedError } from "../workflow/workflow-errors";

export type PlanSuggestion = { officerId: string; officerName: string; staleCases: number };

/** Reading plans and the people they may be for; `at` is the turn's moment (its day, and the audit entry's instant). */
export interface PlanReads {
  /** Officers in scope (not the viewer) with enough stale cases for the "start action plan" button (docs/domain-rules.md §4). */
  suggestions(scope: Scope, today: IsoDate): Promise<PlanSuggestion[]>;
  /** `plan <officer>`: officers below the viewer whose id, name or "rank name" matches, best first. */
  findOfficers(scope: Scope, text: string): Officer[];
  startForm(viewer: Officer, scope: Scope, at: Moment, officerId: string, why?: Purpose): Promise<ActionPlanView>;
  /** The officer gets their plan to acknowledge; their chain gets the checkpoint card. */
  openPlan(viewer: Officer, scope: Scope, at: Moment, planId: string, why?: Purpose): Promise<PlanCardView>;
}

export interface PlanAccess {
  /** A plan the viewer may see (the officer or their chain of command, docs/domain-rules.md §4); else NotFoundInScopeError. */
  visiblePlan(scope: Scope, planId: string): Promise<ActionPlanDoc>;
  /** Someone the viewer may put on a plan: below them in the chain, never themselves. */
  supervisedOfficer(viewer: Officer, scope: Scope, officerId: string): Officer;
}

type Deps = {
  repos: Pick<Repositories, "actionPlans" | "cases" | "audit">;
  policy: Policy;
  views: PlanViewData;
  /** Who closed a closed plan, when the app recorded it. */
  closedBy(scope: Scope, at: Moment, plan: ActionPlanDoc): Promise<DoneBy | undefined>;
};

export function createPlanAccess(repos: Pick<Repositories, "actionPlans">): PlanAccess {
  return {
    visiblePlan: async (scope, planId) => {
      // Plans are partitioned by officer; reading only the scope's officers is the visibility rule itself.
      const plan = (await repos.actionPlans.forOfficers([...scope.officers.keys()])).find((p) => p.id === planId);
      if (!plan) throw new NotFoundInScopeError("action plan", planId);
      return plan;
    },
    supervisedOfficer: (viewer, scope, officerId) => {
      if (officerId === viewer.id) throw new NotPermittedError("An action plan is set by your supervisor, not by yourself.");
      const officer = scope.officers.get(officerId);
      if (!officer) throw new NotFoundInScopeError("officer", officerId);
      return officer;
    },
  };
}

export function createPlanReads(deps: Deps, access: PlanAccess): PlanReads {
  const { repos, policy, views } = deps;
  const audit = (viewer: Officer, at: Moment, action: string, recordType: string, recordId: string, why: Purpose) =>
    repos.audit.append({ actorId: viewer.id, operation: "consultation", action, recordType, recordId, why }, at.now);

  const staleCounts = async (officerIds: readonly string[], today: IsoDate) => {
    const counts = new Map<string, number>();
    for (const c of await repos.cases.byOic(officerIds, { openOnly: true })) {
      if (isStale(c, policy, today)) counts.set(c.oicId, (counts.get(c.oicId) ?? 0) + 1);
    }
    return counts;
  };

  return {
    suggestions: async (scope, today) => {
      const ids = [...scope.officers.keys()].filter((id) => id !== scope.viewer.id);
      const counts = await staleCounts(ids, today);
      const candidates = ids.filter((id) => (counts.get(id) ?? 0) >= policy.actionPlan.suggestAtStaleCases);
      const withPlan = new Set((await repos.actionPlans.forOfficers(candidates)).filter(isOpenPlan).map((p) => p.officerId));
      return candidates
        .filter((id) => !withPlan.has(id))
        .map((id) => ({ officerId: id, officerName: officerLabel(scope.officers.get(id)), staleCases: counts.get(id) ?? 0 }))
        .sort((a, b) => b.staleCases - a.staleCases || a.officerName.localeCompare(b.officerName));
    },

    findOfficers: (scope, text) => {
      const q = text.trim().toLowerCase();
      if (q === "") return [];
      const below = [...scope.officers.values()].filter((o) => o.id !== scope.viewer.id);
      const exact = below.filter((o) => [o.id, o.name, officerLabel(o)].some((s) => s.toLowerCase() === q));
      return exact.length > 0 ? exact : below.filter((o) => officerLabel(o).toLowerCase().includes(q));
    },

    startForm: async (viewer, scope, at, officerId, why = "action:start-plan") => {
      const officer = access.supervisedOfficer(viewer, scope, officerId);
      const { today } = at;
      const stale = (await staleCounts([officer.id], today)).get(officer.id) ?? 0;
      await audit(viewer, at, "open action plan form", "officer", officer.id, why);
      return {
        officerId: officer.id, officerName: officerLabel(officer), staleCases: stale, today,
        defaultEndsOn: addDays(today, policy.actionPlan.lengthDays),
        maxEndsOn: addDays(today, policy.actionPlan.maxLengthDays),
        defaultCheckpointEveryDays: policy.actionPlan.checkpointEveryDays,
      };
    },

    openPlan: async (viewer, scope, at, planId, why = "action:open-plan") => {
      const plan = await access.visiblePlan(scope, planId);
      await audit(viewer, at, "open action plan", "action-plan", plan.id, why);
      if (plan.officerId === viewer.id) {
        return { card: "plan-acknowledge", data: await views.acknowledge(scope, at, plan, plan.status === "proposed" ? "to-acknowledge" : "acknowledged") };
      }
      if (isOpenPlan(plan)) return { card: "plan-checkpoint", data: await views.checkpoint(scope, at, plan, "record") };
      const closer = await deps.closedBy(scope, at, plan);
      return { card: "plan-checkpoint", data: await views.checkpoint(scope, at, plan, "closed", closer ? { done: closer } : {}) };
    },
  };
}
