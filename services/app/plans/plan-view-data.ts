import type { Scope } from "../scope/chain-of-command";
import type { ActionPlanDoc } from "../../domain/action-plan";
import type { IsoDate, Moment } from "../../domain/dates";
import type { Officer } from "../../domain/officer";
import type { Policy } from "../../domain/policy";
import type { OfficerRepository } from "../../store/officer-repository";
import { doneBy } from "../labels/done-by";
import { officerLabel } from "../labels/officer-label";
import { missedCheckpoints, nextCheckpointOn } from "./plan-schedule";
import type { DoneBy } from "../workflow/form-view";
import type { PlanAcknowledgeView, PlanCheckpointView, PlanSummary } from "./plan-view";

/**
 * Plans → the views their cards draw, with officer names looked up in the scope first and the store after. `at` is
 * the turn's moment: its day counts missed checkpoints, its instant words "at 10:42" (or with the date, another day).
 */
export interface PlanViewData {
  summary(scope: Scope, plan: ActionPlanDoc): Promise<PlanSummary>;
  acknowledge(scope: Scope, at: Moment, plan: ActionPlanDoc, mode: PlanAcknowledgeView["mode"], extra?: { already?: boolean }): Promise<PlanAcknowledgeView>;
  checkpoint(scope: Scope, at: Moment, plan: ActionPlanDoc, mode: PlanCheckpointView["mode"], extra?: { checkpointOn?: IsoDate; done?: DoneBy; already?: boolean }): Promise<PlanCheckpointView>;
  /** Who did a step at `when` (an ISO instant), worded as seen at `at`. */
  done(scope: Scope, at: Moment, byId: string, when: string): Promise<DoneBy>;
}

export function createPlanViewData(deps: { officers: Pick<OfficerRepository, "get">; policy: Policy }): PlanViewData {
  const officerOf = async (scope: Scope, id: string): Promise<Officer | undefined> => scope.officers.get(id) ?? (await deps.officers.get(id));
  const nameOf = async (scope: Scope, id: string) => officerLabel(await officerOf(scope, id));
  const done = async (scope: Scope, at: Moment, byId: string, when: string) =>
    doneBy({ id: byId, officer: await officerOf(scope, byId) }, when, at.now, deps.policy.timeZone);

  const summary = async (scope: Scope, p: ActionPlanDoc): Promise<PlanSummary> => {
    const next = nextCheckpointOn(p);
    return {
      planId: p.id, officerName: await nameOf(scope, p.officerId), proposerName: await nameOf(scope, p.createdBy), status: p.status,
      objectives: p.objectives, support: p.support, checkpointEveryDays: p.checkpointEveryDays, startsOn: p.startsOn, endsOn: p.endsOn,
      ...(next !== undefined && (p.status === "proposed" || p.status === "active") ? { nextCheckpointOn: next } : {}),
    };
  };

  return {
    summary,
    done,
    acknowledge: async (scope, at, p, mode, extra = {}) => {
      const by = p.acknowledgedAt ? await done(scope, at, p.officerId, p.acknowledgedAt) : undefined;
      return { ...(await summary(scope, p)), mode, ...(by ? { byName: by.byName, atLabel: by.atLabel } : {}), already: extra.already ?? false };
    },
    checkpoint: async (scope, at, p, mode, extra = {}) => {
      const recorded = p.checkpoints.filter((c) => c.recordedAt !== undefined && c.results !== undefined);
      const history = await Promise.all(recorded.map(async (c) => ({ dueOn: c.dueOn, byName: await nameOf(scope, c.recordedBy ?? ""), results: c.results ?? [] })));
      const checkpointOn = extra.checkpointOn ?? (mode === "record" ? nextCheckpointOn(p) : undefined);
      const shown = checkpointOn ? p.checkpoints.find((c) => c.dueOn === checkpointOn) : undefined;
      return {
        ...(await summary(scope, p)),
        mode,
        ...(checkpointOn ? { checkpointOn } : {}),
        missedCheckpoints: missedCheckpoints(p, at.today),
        ...(mode === "recorded" && shown?.results ? { results: shown.results } : {}),
        history,
        ...(extra.done ? { byName: extra.done.byName, atLabel: extra.done.atLabel } : {}),
        already: extra.already ?? false,
      };
    },
  };
}
