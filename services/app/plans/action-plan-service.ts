import type { z } from "zod";
import { buildPlanAcknowledgeCard, type PlanAcknowledgeData } from "../../../cards/plan-acknowledge";
import type { PlanCheckpointData } from "../../../cards/plan-checkpoint";
import type { Scope } from "../scope/chain-of-command";
import type { Purpose } from "../audit/view-audit";
import type { Clock } from "../../platform/clock";
import { ACTION_PLAN_SCHEMA_VERSION, type ActionPlanDoc, type checkpoint } from "../../domain/action-plan";
import type { Officer } from "../../domain/officer";
import { AlreadyExistsError, ValidationError } from "../../platform/errors";
import type { Logger } from "../../platform/logger";
import type { Policy } from "../../domain/policy";
import { londonDay } from "../../rules/calendar";
import type { Repositories } from "../../store/repositories";
import { parseForm } from "../workflow/form-problems";
import { officerLabel } from "../labels/officer-label";
import { createPlanCardData } from "./plan-card-data";
import { checkPlan, checkpointInput, planCloseOutcome, proposeInput } from "./plan-input";
import { isOpenPlan, nextCheckpointOn, planCheckpoints } from "./plan-schedule";
import { createPlanAccess, createPlanViews, type PlanViews } from "./plan-views";
import { replacePlan } from "./replace-plan";
import { completeClaim, createWorkflowClaims, keyHash, type Slot } from "../workflow/workflow-claims";
import { AlreadyDoneError, FormValidationError, NotPermittedError, type DoneBy, type FieldProblem } from "../workflow/workflow-errors";
import { notificationKey, type WorkflowNotification } from "../workflow/workflow-notification";

type Checkpoint = z.infer<typeof checkpoint>;
type Done<T> = { kind: "already-done"; alreadyDone: DoneBy; card?: T };
export type PlanProposed = { kind: "saved"; plan: ActionPlanDoc; card: PlanAcknowledgeData; notifications: WorkflowNotification[] } | Done<PlanAcknowledgeData>;
export type PlanAcknowledged = { kind: "saved"; plan: ActionPlanDoc; card: PlanAcknowledgeData; notifications: WorkflowNotification[] } | Done<PlanAcknowledgeData>;
export type CheckpointRecorded = { kind: "saved"; plan: ActionPlanDoc; card: PlanCheckpointData } | Done<PlanCheckpointData>;
export type PlanClosed = { kind: "saved"; plan: ActionPlanDoc; card: PlanCheckpointData } | Done<PlanCheckpointData>;

/**
 * Performance action plans (docs/domain-rules.md §4), sergeant → officer. Employment data: every read goes through the viewer's
 * chain of command, and every step is audited.
 */
export interface ActionPlanService extends PlanViews {
  /** Only a supervisor in the officer's chain. Stores the plan as "proposed" with its checkpoints; the officer is sent it. */
  propose(viewer: Officer, scope: Scope, input: unknown, opts: { idempotencyKey: string; why?: Purpose }): Promise<PlanProposed>;
  /** Only the officer themselves; makes the plan active and tells the proposer. */
  acknowledge(viewer: Officer, scope: Scope, planId: string, opts?: { why?: Purpose }): Promise<PlanAcknowledged>;
  /** A supervisor records the earliest unrecorded checkpoint: a result (met / partly / not met) and note per objective. */
  recordCheckpoint(viewer: Officer, scope: Scope, planId: string, input: unknown, opts?: { why?: Purpose }): Promise<CheckpointRecorded>;
  /** A supervisor closes the plan: completed, extended (a new plan follows) or referred to the formal procedure. */
  close(viewer: Officer, scope: Scope, planId: string, outcome: unknown, opts: { idempotencyKey: string; why?: Purpose }): Promise<PlanClosed>;
}

export interface ActionPlanServiceDeps {
  repos: Pick<Repositories, "actionPlans" | "cases" | "officers" | "audit" | "ledger">;
  clock: Clock;
  policy: Policy;
  logger: Logger;
}

/** Sequential per officer, so two supervisors proposing at once collide on create-if-absent instead of making two plans. */
export function planIdFor(officerId: string, n: number): string {
  return `plan-${Buffer.from(officerId, "utf8").toString("base64url")}-${n}`;
}
const closeSlot = (p: ActionPlanDoc): Slot => ({ kind: "plan-close", subjectId: p.id, on: p.startsOn, slot: "close" });

export function createActionPlanService(deps: ActionPlanServiceDeps): ActionPlanService {
  const { repos, clock, policy, logger } = deps;
  const claims = createWorkflowClaims({ ledger: repos.ledger, clock });
  const cards = createPlanCardData({ officers: repos.officers, clock, policy });
  const access = createPlanAccess(repos);
  const today = () => londonDay(clock.now(), policy.timeZone);
  const audit = (viewer: Officer, operation: "collection" | "alteration", action: string, planId: string, why: Purpose) =>
    repos.audit.append({ actorId: viewer.id, operation, action, recordType: "action-plan", recordId: planId, why }, clock.now());
  const closedBy = async (scope: Scope, plan: ActionPlanDoc) => {
    const holder = await claims.find(closeSlot(plan), "");
    return holder ? cards.done(scope, holder.actorId, holder.at) : undefined;
  };
  const views = createPlanViews({ repos, clock, policy, cards, closedBy }, access);
  const assertSupervisor = (viewer: Officer, plan: ActionPlanDoc) => {
    if (plan.officerId === viewer.id) throw new NotPermittedError("Checkpoints and closing are recorded by your supervisor.");
  };
  const assertOpen = (plan: ActionPlanDoc) => {
    if (!isOpenPlan(plan)) throw new ValidationError("This action plan is closed; nothing more can be recorded on it.");
  };

  return {
    ...views,

    propose: async (viewer, scope, input, { idempotencyKey, why = "action:propose-plan" }) => {
      const parsed = parseForm(proposeInput, input);
      const officer = access.supervisedOfficer(viewer, scope, parsed.officerId);
      const day = today();
      const existing = await repos.actionPlans.forOfficers([officer.id]);
      const open = existing.find(isOpenPlan);
      const slot: Slot = { kind: "plan-propose", subjectId: officer.id, on: day, slot: keyHash(idempotencyKey) };
      const held = await claims.find(slot, idempotencyKey);
      if (held) {
        return { kind: "already-done", alreadyDone: await cards.done(scope, held.actorId, held.at), ...(open ? { card: await cards.acknowledge(scope, open, "sent", { already: true }) } : {}) };
      }
      if (open) {
        const by = await cards.done(scope, open.createdBy, open.createdAt);
        throw new FormValidationError([{ field: "officerId", reason: `${officerLabel(officer)} already has an open action plan, proposed by ${by.byName} on ${open.startsOn}` }]);
      }
      const checked = checkPlan(parsed, { today: day, policy });
      if (!checked.ok) throw new FormValidationError(checked.problems);
      const claim = await claims.acquire(slot, viewer.id, idempotencyKey);
      if (claim.status === "held") return { kind: "already-done", alreadyDone: await cards.done(scope, claim.holder.actorId, claim.holder.at) };
      const now = clock.now();
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
          throw winner ? new AlreadyDoneError("action plan", `The plan for ${officerLabel(officer)}`, await cards.done(scope, winner.createdBy, winner.createdAt), "proposed") : err;
        });
        await audit(viewer, "collection", "propose action plan", created.id, why);
        return created;
      });
      logger.info({ planId: stored.id, officerId: officer.id, by: viewer.id }, "action plan proposed");
      const card = buildPlanAcknowledgeCard(await cards.acknowledge(scope, stored, "to-acknowledge"));
      return {
        kind: "saved", plan: stored, card: await cards.acknowledge(scope, stored, "sent"),
        notifications: [{ recipientOfficerId: officer.id, reason: "plan-proposed", key: notificationKey("plan-proposed", stored.id, day, officer.id), card }],
      };
    },

    acknowledge: async (viewer, scope, planId, { why = "action:acknowledge-plan" } = {}) => {
      const plan = await access.visiblePlan(scope, planId);
      if (plan.officerId !== viewer.id) throw new NotPermittedError(`Only the officer the plan is for can acknowledge it.`);
      const now = clock.now();
      const result = await replacePlan<ActionPlanDoc>(repos.actionPlans, plan, (p) => {
        if (p.acknowledgedAt !== undefined) return { stop: p };
        assertOpen(p);
        return { write: { ...p, status: "active", acknowledgedAt: now.toISOString() } };
      });
      if ("stopped" in result) {
        const p = result.stopped;
        return { kind: "already-done", alreadyDone: await cards.done(scope, p.officerId, p.acknowledgedAt ?? p.createdAt), card: await cards.acknowledge(scope, p, "acknowledged", { already: true }) };
      }
      const saved = result.written;
      await audit(viewer, "alteration", "acknowledge action plan", saved.id, why);
      const forProposer = buildPlanAcknowledgeCard(await cards.acknowledge(scope, saved, "acknowledged"));
      const notifications: WorkflowNotification[] = saved.createdBy === viewer.id ? [] : [{
        recipientOfficerId: saved.createdBy, reason: "plan-acknowledged", key: notificationKey("plan-acknowledged", saved.id, today(), saved.createdBy), card: forProposer,
      }];
      return { kind: "saved", plan: saved, card: await cards.acknowledge(scope, saved, "acknowledged"), notifications };
    },

    recordCheckpoint: async (viewer, scope, planId, input, { why = "action:record-checkpoint" } = {}) => {
      const parsed = parseForm(checkpointInput, input);
      const plan = await access.visiblePlan(scope, planId);
      assertSupervisor(viewer, plan);
      assertOpen(plan);
      const day = today();
      const target = parsed.checkpointOn ?? nextCheckpointOn(plan);
      const now = clock.now();
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
        const by = await cards.done(scope, cp.recordedBy ?? "", cp.recordedAt);
        return { kind: "already-done", alreadyDone: by, card: await cards.checkpoint(scope, plan, "recorded", day, { checkpointOn: cp.dueOn, done: by, already: true }) };
      }
      await audit(viewer, "alteration", "record action plan checkpoint", result.written.id, why);
      const by = await cards.done(scope, viewer.id, now.toISOString());
      return { kind: "saved", plan: result.written, card: await cards.checkpoint(scope, result.written, "recorded", day, { checkpointOn: target!, done: by }) };
    },

    close: async (viewer, scope, planId, outcomeInput, { idempotencyKey, why = "action:close-plan" }) => {
      const outcome = parseForm(planCloseOutcome, outcomeInput);
      const plan = await access.visiblePlan(scope, planId);
      assertSupervisor(viewer, plan);
      const day = today();
      const slot = closeSlot(plan);
      const owner = `The plan for ${officerLabel(scope.officers.get(plan.officerId))}`;
      const heldBy = async (actorId: string, at: string, same: boolean): Promise<PlanClosed> => {
        const by = await cards.done(scope, actorId, at);
        if (!same) throw new AlreadyDoneError("action plan", owner, by, "closed");
        const latest = await access.visiblePlan(scope, planId);
        return { kind: "already-done", alreadyDone: by, card: await cards.checkpoint(scope, latest, "closed", day, { done: by, already: true }) };
      };
      const held = await claims.find(slot, idempotencyKey);
      if (held) return heldBy(held.actorId, held.at, held.sameInvoke);
      assertOpen(plan);
      const claim = await claims.acquire(slot, viewer.id, idempotencyKey);
      if (claim.status === "held") return heldBy(claim.holder.actorId, claim.holder.at, claim.holder.sameInvoke);
      const closed = await completeClaim(claim, async () => {
        const result = await replacePlan(repos.actionPlans, plan, (p) => {
          assertOpen(p);
          const { nextCheckpointOn: previous, ...rest } = p;
          void previous;
          return { write: { ...rest, status: outcome } };
        });
        if (!("written" in result)) throw new ValidationError("This action plan is closed.");
        await audit(viewer, "alteration", `close action plan: ${outcome}`, result.written.id, why);
        return result.written;
      });
      const by = await cards.done(scope, viewer.id, clock.now().toISOString());
      return { kind: "saved", plan: closed, card: await cards.checkpoint(scope, closed, "closed", day, { done: by }) };
    },
  };
}
