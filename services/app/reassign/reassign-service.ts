import type { Moment } from "../../domain/dates";
import type { LedgerKey } from "../../domain/notification";
import { rankLevel, type Officer } from "../../domain/officer";
import { ValidationError } from "../../platform/errors";
import type { Logger } from "../../platform/logger";
import type { Policy } from "../../domain/policy";
import { currentAbsence } from "../../rules/absence";
import { earliestOf } from "../../rules/calendar";
import { capacityUsage } from "../../rules/workload";
import type { Repositories } from "../../store/repositories";
import { describeCase } from "../cases/case-line";
import type { CaseLine } from "../cases/case-line-view";
import type { Scope } from "../scope/chain-of-command";
import { caseInScope } from "../scope/case-in-scope";
import { createViewAudit, type Purpose } from "../audit/view-audit";
import { OfficerOutOfScopeError } from "../scope/scope-errors";
import { keyHash } from "../workflow/workflow-claims";
import type { CaseAssignedView, OverCapacityWarning, ReassignCandidate, ReassignOptionsView } from "./reassign-view";
import { capacityFigureOf, nameOf, percentOf } from "../team/team-figures";

/**
 * The new OIC is to be sent the case, bail deadlines included. The bot draws the card from `view` and delivers it
 * once per `key`; `about` is the case the delivery discloses, for its audit entry.
 */
export type CaseAssignedNotice = {
  recipientOfficerId: string;
  reason: "case-assigned";
  key: LedgerKey;
  view: CaseAssignedView;
  about: { recordType: "case"; recordId: string };
};

export type ReassignOutcome =
  | { status: "needs-confirmation"; case: CaseLine; warning: OverCapacityWarning }
  | { status: "reassigned"; case: CaseLine; fromOfficerId: string; toOfficerId: string; notification: CaseAssignedNotice };

/** Each method takes the viewer's scope and the turn's moment, so the figures, the write and the audit share one day. */
export interface ReassignService {
  /** The case and who could take it, with each person's caseload against capacity. */
  options(viewer: Officer, scope: Scope, at: Moment, ref: string, why: Purpose): Promise<ReassignOptionsView>;
  /**
   * Reallocates a case inside the viewer's scope. A case outside it is NOT_FOUND (as if it did not exist); an officer
   * outside it is OUT_OF_SCOPE. A target at or over capacity gets a warning and nothing is written until the call is
   * repeated with `confirmOverCapacity`. `idempotencyKey` names the turn's step, so a redelivered invoke notifies once.
   */
  reassign(
    viewer: Officer,
    scope: Scope,
    at: Moment,
    ref: string,
    toOfficerId: string,
    step: { idempotencyKey: string; confirmOverCapacity?: boolean; why?: Purpose },
  ): Promise<ReassignOutcome>;
}

export interface ReassignDeps {
  repos: Pick<Repositories, "cases" | "audit">;
  policy: Policy;
  logger: Logger;
}

/** Detectives and sergeants hold cases; inspectors and above supervise them. */
const canHoldCases = (o: Officer): boolean => rankLevel[o.rank] <= rankLevel.DS;

export function createReassignService({ repos, policy, logger }: ReassignDeps): ReassignService {
  const viewAudit = createViewAudit({ audit: repos.audit });

  const liveCount = async (officerId: string): Promise<number> => (await repos.cases.byOic([officerId], { openOnly: true })).length;

  return {
    options: async (viewer, scope, at, ref, why) => {
      const day = at.today;
      const found = await caseInScope(repos.cases, scope, ref);
      const people = [...scope.officers.values()].filter((o) => o.id !== found.oicId && canHoldCases(o));
      const open = await repos.cases.byOic(people.map((o) => o.id), { openOnly: true });
      const counts = new Map<string, number>();
      for (const c of open) counts.set(c.oicId, (counts.get(c.oicId) ?? 0) + 1);
      const candidates = people
        .map((o): ReassignCandidate => {
          return {
            officerId: o.id,
            name: nameOf(o),
            capacity: capacityFigureOf(o, counts.get(o.id) ?? 0, policy),
            absentNow: currentAbsence(o, day) !== undefined,
          };
        })
        .sort((a, b) => Number(a.absentNow) - Number(b.absentNow) || a.capacity.percent - b.capacity.percent || a.name.localeCompare(b.name));
      await viewAudit.recordView(viewer, { action: "view reassign options", recordType: "case", recordIds: [found.ref], why }, at.now);
      return { today: day, case: describeCase(found, scope.officers.get(found.oicId), policy, day), candidates };
    },

    reassign: async (viewer, scope, at, ref, toOfficerId, opts) => {
      const day = at.today;
      const found = await caseInScope(repos.cases, scope, ref);
      const target = scope.officers.get(toOfficerId);
      if (!target) throw new OfficerOutOfScopeError(toOfficerId);
      if (found.status !== "open") throw new ValidationError(`${found.ref} is closed. Only open cases can be reassigned.`);
      if (target.id === found.oicId) throw new ValidationError(`${nameOf(target)} is already the OIC for ${found.ref}.`);
      const usage = capacityUsage(target, await liveCount(target.id), policy);
      if (usage.over && opts.confirmOverCapacity !== true) {
        const after = usage.live + 1;
        return {
          status: "needs-confirmation",
          case: describeCase(found, scope.officers.get(found.oicId), policy, day),
          warning: {
            ref: found.ref,
            toOfficerId: target.id,
            toName: nameOf(target),
            hoursPerWeek: target.hoursPerWeek,
            live: usage.live,
            capacity: Math.round(usage.capacity * 10) / 10,
            liveAfter: after,
            percentAfter: percentOf(after, usage.capacity),
          },
        };
      }
      const fromId = found.oicId;
      // Due-now makes the next sweep re-plan this case, so reminders already pending go to the new OIC (see handover).
      const nextAttentionOn = earliestOf([found.nextAttentionOn, day]) ?? day;
      const saved = await repos.cases.replace({ ...found, oicId: target.id, nextAttentionOn, updatedAt: at.now.toISOString() });
      await repos.audit.append(
        {
          actorId: viewer.id,
          operation: "alteration",
          action: `reassign case from ${fromId} to ${target.id}${usage.over ? " (over capacity, confirmed)" : ""}`,
          recordType: "case",
          recordId: saved.ref,
          why: opts.why ?? "command:reassign",
        },
        at.now,
      );
      logger.info({ viewerId: viewer.id, fromId, toId: target.id, overCapacity: usage.over }, "case reassigned");
      const line = describeCase(saved, target, policy, day);
      const previous = scope.officers.get(fromId);
      const view: CaseAssignedView = {
        case: line,
        assignedByName: nameOf(viewer),
        previousOicName: previous ? nameOf(previous) : "(former officer)",
        assignedOn: day,
      };
      return {
        status: "reassigned",
        case: line,
        fromOfficerId: fromId,
        toOfficerId: target.id,
        notification: {
          recipientOfficerId: target.id,
          reason: "case-assigned",
          key: { kind: "bot-card:case-assigned", subjectId: `${saved.ref}#${keyHash(opts.idempotencyKey)}`, dueOn: day, recipientId: target.id },
          view,
          about: { recordType: "case", recordId: saved.ref },
        },
      };
    },
  };
}
