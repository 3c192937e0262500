import type { z } from "zod";
import type { Scope } from "../scope/chain-of-command";
import type { Purpose } from "../audit/view-audit";
import { ACTION_PLAN_SCHEMA_VERSION, type ActionPlanDoc, type checkpoint } from "../../domain/action-plan";
import type { Moment } from "../../domain/dates";
import type { Officer } from "../../domain/officer";
import { AlreadyExistsError, ValidationError } from "../../platform/errors";
import type { Logger } from "../../platform/logger";
import type { Policy } from "../../domain/policy";
import type { Repositories } from "../../store/repositories";
import { parseForm } from "../workflow/form-problems";
import { officerLabel } from "../labels/officer-label";
import { checkPlan, checkpointInput, proposeInput } from "./plan-input";
import { createPlanAccess, createPlanReads, type PlanReads } from "./plan-reads";
import { isOpenPlan, nextCheckpointOn, planCheckpoints } from "./plan-schedule";
import { planCloseOutcome, type PlanAcknowledgeView, type PlanCheckpointView } from "./plan-view";
import { createPlanViewData } from "./plan-view-data";
import { replacePlan } from "./replace-plan";
import type { DoneBy, FieldProblem } from "../workflow/form-view";
import { completeClaim, createWorkflowClaims, keyHash, type Slot } from "../workflow/workflow-claims";
import { AlreadyDoneError, FormValidationError, NotPermittedError } from "../workflow/workflow-errors";
import { notificationKey, type WorkflowNotification } from "../workflow/workflow-notification";

type Checkpoint = z.infer<typeof checkpoint>;
type Done<T> = { kind: "already-done"; alreadyDone: DoneBy; view?: T };
export type PlanProposed = { kind: "saved"; plan: ActionPlanDoc; view: PlanAcknowledgeView; notifications: WorkflowNotification[] } | Done<PlanAcknowledgeView>;
export type PlanAcknowledged = { kind: "saved"; plan: ActionPlanDoc; view: PlanAcknowledgeView; notifications: WorkflowNotification[] } | Done<PlanAcknowledgeView>;
export type CheckpointRecorded = { kind: "saved"; plan: ActionPlanDoc; view: PlanCheckpointView } | Done<PlanCheckpointView>;
export type PlanClosed = { kind: "saved"; plan: ActionPlanDoc; view: PlanCheckpointView } | Done<PlanCheckpointView>;

/**
 * Performance action plans (docs/domain-rules.md §4), sergeant → officer. Employment data: every read goes through the viewer's
 * chain of command, and every step is audited. Each step takes the turn's moment `at` (its day and its instant).
 */
export interface ActionPlanService extends PlanReads {
  /** Only a supervisor in the officer's chain. Stores the plan as "proposed" with its checkpoints; the officer is sent it. */
  propose(viewer: Officer, scope: Scope, at: Moment, input: unknown, opts: { idempotencyKey: string; why?: Purpose }): Promise<PlanProposed>;
  /** Only the officer themselves; makes the plan active and tells the proposer. */
  acknowledge(viewer: Officer, scope: Scope, at: Moment, planId: string, opts?: { why?: Purpose }): Promise<PlanAcknowledged>;
  /** A supervisor records the earliest unrecorded checkpoint: a result (met / partly / not met) and note per objective. */
  recordCheckpoint(viewer: Officer, scope: Scope, at: Moment, planId: string, input: unknown, opts?: { why?: Purpose }): Promise<CheckpointRecorded>;
  /** A supervisor closes the plan: completed, extended (a new plan follows) or referred to the formal procedure. */
  close(viewer: Officer, scope: Scope, at: Moment, planId: string, outcome: unknown, opts: { idempotencyKey: string; why?: Purpose }): Promise<PlanClosed>;
}

export interface ActionPlanServiceDeps {
  repos: Pick<Repositories, "actionPlans" | "cases" | "officers" | "audit" | "ledger">;
  policy: Policy;
  logger: Logger;
}

/** Sequential per officer, so two supervisors proposing at once collide on create-if-absent instead of making two plans. */
export function planIdFor(officerId: string, n: number): string {
  return `plan-${Buffer.from(officerId, "utf8").toString("base64url")}-${n}`;
}
const closeSlot = (p: ActionPlanDoc): Slot => ({ kind: "plan-close", subjectId: p.id, on: p.startsOn, slot: "close" });

export function createActionPlanService(deps: ActionPlanServiceDeps): ActionPlanService {
  const { repos, policy, logger } = deps;
  const claims = createWorkflowClaims({ ledger: repos.ledger });
  const views = createPlanViewData({ officers: repos.officers, policy });
  const access = createPlanAccess(repos);
  const audit = (viewer: Officer, at: Moment, operation: "collection" | "alteration", action: string, planId: string, why: Purpose) =>
    repos.audit.append({ actorId: viewer.id, operation, action, recordType: "action-plan", recordId: planId, why }, at.now);
  const closedBy = async (scope: Scope, at: Moment, plan: ActionPlanDoc) => {
    const holder = await claims.find(closeSlot(plan), "", at.now);
    return holder ? views.done(scope, at, holder.actorId, holder.at) : undefined;
  };
  const reads = createPlanReads({ repos, policy, views, closedBy }, access);
  const assertSupervisor = (viewer: Officer, plan: ActionPlanDoc) => {
    if (plan.officerId === viewer.id) throw new NotPermittedError("Checkpoints and closing are recorded by your supervisor.");
  };
  const assertOpen = (plan: ActionPlanDoc) => {
    if (!isOpenPlan(plan)) throw new ValidationError("This action plan is closed; nothing more can be recorded on it.");
  };

  return {
    ...reads,

    propose: async (viewer, scope, at, input, { idempotencyKey, why = "action:propose-plan" }) => {
      const parsed = parseForm(proposeInput, input);
      const officer = access.supervisedOfficer(viewer, scope, parsed.officerId);
      const { now, today: day } = at;
      const existing = await repos.actionPlans.forOfficers([officer.id]);
      const open = existing.find(isOpenPlan);
      const slot: Slot = { kind: "plan-propose", subjectId: officer.id, on: day, slot: keyHash(idempotencyKey) };
      const held = await claims.find(slot, idempotencyKey, now);
      if (held) {
        return { kind: "already-done", alreadyDone: await views.done(scope, at, held.actorId, held.at), ...(open ? { view: await views.acknowledge(scope, at, open, "sent", { already: true }) } : {}) };
      }
      if (open) {
        const by = await views.done(scope, at, open.createdBy, open.createdAt);
        throw new FormValidationError([{ field: "officerId", reason: `${officerLabel(officer)} already has an open action plan, proposed by ${by.byName} on ${open.startsOn}` }]);
      }
      const checked = checkPlan(parsed, { today: day, policy });
      if (!checked.ok) throw new FormValidationError(checked.problems);
      const claim = await claims.acquire(slot, viewer.id, idempotencyKey, now);
      if (claim.status === "held") return { kind: "already-done", alreadyDone: await views.done(scope, at, claim.holder.actorId, claim.holder.at) };
      const checkpoints = planCheckpoints(day, checked.plan.checkpointEveryDays, checked.plan.endsOn).map((dueOn) => ({ dueOn }));
      const plan: ActionPlanDoc = {
        id: planIdFor(officer.id, existing.length + 1), type: "action-plan", schemaVersion: ACTION_PLAN_SCHEMA_VERSION,
        officerId: officer.id, createdBy: viewer.id, createdAt: now.toISOString(), ...checked.plan, startsOn: day, checkpoints,
        nextCheckpointOn: checkpoints[0]!.dueOn, status: "proposed",
      };
      const stored = await completeClaim(claim, async () => {
        const created = await repos.actionPlans.create(plan).catch(async (err: unknown) => {
          if (!(err instanceof AlreadyExistsError)) throw err;
          const winner = await repos.actionPlans.get(officer.id, plan.id);
          throw winner ? new AlreadyDoneError("action plan", `The plan for ${officerLabel(officer)}`, await views.done(scope, at, winner.createdBy, winner.createdAt), "proposed") : err;
        });
        await audit(viewer, at, "collection", "propose action plan", created.id, why);
        return created;
      });
      logger.info({ planId: stored.id, officerId: officer.id, by: viewer.id }, "action plan proposed");
      const forOfficer = await views.acknowledge(scope, at, stored, "to-acknowledge");
      return {
        kind: "saved", plan: stored, view: await views.acknowledge(scope, at, stored, "sent"),
        notifications: [{
          recipientOfficerId: officer.id, reason: "plan-proposed", key: notificationKey("plan-proposed", stored.id, day, officer.id),
          view: { card: "plan-acknowledge", data: forOfficer }, about: { recordType: "action-plan", recordId: stored.id },
        }],
      };
    },

    acknowledge: async (viewer, scope, at, planId, { why = "action:acknowledge-plan" } = {}) => {
      const plan = await access.visiblePlan(scope, planId);
      if (plan.officerId !== viewer.id) throw new NotPermittedError(`Only the officer the plan is for can acknowledge it.`);
      const { now } = at;
      const result = await replacePlan<ActionPlanDoc>(repos.actionPlans, plan, (p) => {
        if (p.acknowledgedAt !== undefined) return { stop: p };
        assertOpen(p);
        return { write: { ...p, status: "active", acknowledgedAt: now.toISOString() } };
      });
      if ("stopped" in result) {
        const p = result.stopped;
        return { kind: "already-done", alreadyDone: await views.done(scope, at, p.officerId, p.acknowledgedAt ?? p.createdAt), view: await views.acknowledge(scope, at, p, "acknowledged", { already: true }) };
      }
      const saved = result.written;
      await audit(viewer, at, "alteration", "acknowledge action plan", saved.id, why);
      const acknowledged = await views.acknowledge(scope, at, saved, "acknowledged");
      const notifications: WorkflowNotification[] = saved.createdBy === viewer.id ? [] : [{
        recipientOfficerId: saved.createdBy, reason: "plan-acknowledged", key: notificationKey("plan-acknowledged", saved.id, at.today, saved.createdBy),
        view: { card: "plan-acknowledge", data: acknowledged }, about: { recordType: "action-plan", recordId: saved.id },
      }];
      return { kind: "saved", plan: saved, view: acknowledged, notifications };
    },

    recordCheckpoint: async (viewer, scope, at, planId, input, { why = "action:record-checkpoint" } = {}) => {
      const parsed = parseForm(checkpointInput, input);
      const plan = await access.visiblePlan(scope, planId);
      assertSupervisor(viewer, plan);
      assertOpen(plan);
      const target = parsed.checkpointOn ?? nextCheckpointOn(plan);
      const { now } = at;
      const result = await replacePlan<Checkpoint & { recordedAt: string }>(repos.actionPlans, plan, (p) => {
        const cp = p.checkpoints.find((c) => c.dueOn === target);
        if (cp !== undefined && cp.recordedAt !== undefined) return { stop: { ...cp, recordedAt: cp.recordedAt } };
        const problems: FieldProblem[] = [];
        if (!cp) problems.push({ field: "checkpointOn", reason: "is not a checkpoint of this plan" });
        else if (target !== nextCheckpointOn(p)) problems.push({ field: "checkpointOn", reason: `record the checkpoint due ${nextCheckpointOn(p)} first` });
        if (parsed.results.length !== p.objectives.length) problems.push({ field: "results", reason: `give a result for each of the ${p.objectives.length} objectives` });
        if (problems.length > 0) throw new FormValidationError(problems);
        const checkpoints = p.checkpoints.map((c) => (c.dueOn === target ? { ...c, recordedAt: now.toISOString(), recordedBy: viewer.id, results: parsed.results } : c));
        const { nextCheckpointOn: previous, ...rest } = p;
        void previous;
        const next = nextCheckpointOn({ checkpoints });
        return { write: { ...rest, checkpoints, ...(next !== undefined ? { nextCheckpointOn: next } : {}) } };
      });
      if ("stopped" in result) {
        const cp = result.stopped;
        const by = await views.done(scope, at, cp.recordedBy ?? "", cp.recordedAt);
        return { kind: "already-done", alreadyDone: by, view: await views.checkpoint(scope, at, plan, "recorded", { checkpointOn: cp.dueOn, done: by, already: true }) };
      }
      await audit(viewer, at, "alteration", "record action plan checkpoint", result.written.id, why);
      const by = await views.done(scope, at, viewer.id, now.toISOString());
      return { kind: "saved", plan: result.written, view: await views.checkpoint(scope, at, result.written, "recorded", { checkpointOn: target!, done: by }) };
    },

    close: async (viewer, scope, at, planId, outcomeInput, { idempotencyKey, why = "action:close-plan" }) => {
      const outcome = parseForm(planCloseOutcome, outcomeInput);
      const plan = await access.visiblePlan(scope, planId);
      assertSupervisor(viewer, plan);
      const { now } = at;
      const slot = closeSlot(plan);
      const owner = `The plan for ${officerLabel(scope.officers.get(plan.officerId))}`;
      const heldBy = async (actorId: string, when: string, same: boolean): Promise<PlanClosed> => {
        const by = await views.done(scope, at, actorId, when);
        if (!same) throw new AlreadyDoneError("action plan", owner, by, "closed");
        const latest = await access.visiblePlan(scope, planId);
        return { kind: "already-done", alreadyDone: by, view: await views.checkpoint(scope, at, latest, "closed", { done: by, already: true }) };
      };
      const held = await claims.find(slot, idempotencyKey, now);
      if (held) return heldBy(held.actorId, held.at, held.sameInvoke);
      assertOpen(plan);
      const claim = await claims.acquire(slot, viewer.id, idempotencyKey, now);
      if (claim.status === "held") return heldBy(claim.holder.actorId, claim.holder.at, claim.holder.sameInvoke);
      const closed = await completeClaim(claim, async () => {
        const result = await replacePlan(repos.actionPlans, plan, (p) => {
          assertOpen(p);
          const { nextCheckpointOn: previous, ...rest } = p;
          void previous;
          return { write: { ...rest, status: outcome } };
        });
        if (!("written" in result)) throw new ValidationError("This action plan is closed.");
        await audit(viewer, at, "alteration", `close action plan: ${outcome}`, result.written.id, why);
        return result.written;
      });
      const by = await views.done(scope, at, viewer.id, now.toISOString());
      return { kind: "saved", plan: closed, view: await views.checkpoint(scope, at, closed, "closed", { done: by }) };
    },
  };
}
