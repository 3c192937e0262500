import type { CaseDoc } from "../../domain/case";
import type { IsoDate, Moment } from "../../domain/dates";
import type { LedgerKey } from "../../domain/notification";
import { rankLevel, type Officer } from "../../domain/officer";
import { CasewatchError, ValidationError } from "../../platform/errors";
import type { Logger } from "../../platform/logger";
import type { Policy } from "../../domain/policy";
import type { Repositories } from "../../store/repositories";
import { chainOfCommand } from "../scope/chain-of-command";
import type { Purpose } from "../audit/view-audit";
import { keyHash } from "../workflow/workflow-claims";
import { buildHandoverDigest } from "./handover-digest";
import type { HandoverDigest } from "./handover-view";
import { NotPermittedError, OfficerOutOfScopeError } from "../scope/scope-errors";
import { replanCases } from "../absence/replan-cases";
import { nameOf } from "../team/team-figures";

/**
 * What the new supervisor is to be sent: the digest of every case that needs them, as data. The bot draws the card
 * and delivers it once per `key`; `about` is the record the delivery discloses, for its audit entry.
 */
export type HandoverNotice = {
  recipientOfficerId: string;
  /** "handover" after the command, "handover-digest" after an import that changed a supervisor. */
  reason: "handover" | "handover-digest";
  key: LedgerKey;
  view: HandoverDigest;
  about: { recordType: string; recordId: string };
};

export type HandoverOutcome = {
  /** Direct reports of the old supervisor who now report to the new one. */
  movedOfficerIds: string[];
  /** Cases brought forward for the next sweep, so pending reminders reach the new chain of command. */
  replannedRefs: string[];
  notification: HandoverNotice;
};

export interface HandoverService {
  /**
   * `handover <from> <to>` by a DI or above: everyone reporting to `from` moves under `to`. `at` is the turn's moment;
   * `idempotencyKey` names the turn's step, so a redelivered command sends the digest once.
   */
  handover(viewer: Officer, at: Moment, fromSupervisorId: string, toSupervisorId: string, step: { idempotencyKey: string; why?: Purpose }): Promise<HandoverOutcome>;
  /**
   * The digest for a new supervisor about the officers now under them (and everyone below those), as of the import's
   * day; keyed by the officers moved, so the same import sends it once. With `audit`, the disclosure to the new
   * supervisor is logged under that actor at `audit.now`; without it the caller logs the send.
   */
  handoverDigestFor(today: IsoDate, newSupervisorId: string, officerIds: readonly string[], audit?: { actorId: string; why: string; now: Date }): Promise<HandoverNotice>;
}

export interface HandoverDeps {
  repos: Pick<Repositories, "officers" | "cases" | "audit">;
  policy: Policy;
  logger: Logger;
}

export function createHandoverService({ repos, policy, logger }: HandoverDeps): HandoverService {
  /** The digest for `to`, its disclosure audited when `audit` names who sent it. */
  const digestFor = async (
    today: IsoDate,
    to: Officer,
    inherited: readonly Officer[],
    from: Officer | undefined,
    audit: { actorId: string; why: string; now: Date } | undefined,
    read?: readonly CaseDoc[],
  ): Promise<HandoverDigest> => {
    const cases = read ?? (await repos.cases.byOic(inherited.map((o) => o.id), { openOnly: true }));
    const digest = buildHandoverDigest(to, inherited, cases, policy, today, from);
    if (audit && digest.cases.length > 0) {
      await repos.audit.append(
        { actorId: audit.actorId, operation: "disclosure", action: `handover digest to ${to.id}`, recordType: "case-list", recordId: digest.cases.map((c) => c.case.ref).join(", "), why: audit.why },
        audit.now,
      );
    }
    return digest;
  };

  /** Everyone below each named officer, the officers included, once each (a supervisor cycle cannot loop). */
  const withTeams = (all: readonly Officer[], ids: readonly string[]): Officer[] => {
    const reports = new Map<string, Officer[]>();
    for (const o of all) if (o.supervisorId !== undefined) reports.set(o.supervisorId, [...(reports.get(o.supervisorId) ?? []), o]);
    const wanted = new Set(ids);
    const below = new Map<string, Officer>();
    const queue = all.filter((o) => wanted.has(o.id));
    while (queue.length > 0) {
      const o = queue.shift()!;
      if (below.has(o.id)) continue;
      below.set(o.id, o);
      queue.push(...(reports.get(o.id) ?? []));
    }
    return [...below.values()];
  };

  return {
    handoverDigestFor: async (today, newSupervisorId, officerIds, audit) => {
      const all = await repos.officers.all();
      const to = all.find((o) => o.id === newSupervisorId);
      if (!to) throw new CasewatchError("NOT_FOUND", `There is no officer ${newSupervisorId} to send a handover digest to.`);
      const view = await digestFor(today, to, withTeams(all, officerIds).filter((o) => o.id !== to.id), undefined, audit);
      return {
        recipientOfficerId: to.id,
        reason: "handover-digest",
        key: { kind: "bot-card:handover-digest", subjectId: `import#${keyHash(officerIds.join(","))}`, dueOn: today, recipientId: to.id },
        view,
        about: { recordType: "case-list", recordId: view.cases.map((c) => c.case.ref).join(", ") || `team:${newSupervisorId}` },
      };
    },

    handover: async (viewer, at, fromId, toId, { idempotencyKey, why = "command:handover" }) => {
      if (rankLevel[viewer.rank] < rankLevel.DI) throw new NotPermittedError("hand a team over", "an inspector or above");
      const today = at.today;
      const scope = chainOfCommand(viewer, await repos.officers.all(), today);
      const from = scope.officers.get(fromId);
      if (!from) throw new OfficerOutOfScopeError(fromId);
      const to = scope.officers.get(toId);
      if (!to) throw new OfficerOutOfScopeError(toId);
      if (from.id === to.id) throw new ValidationError("A handover needs two different supervisors.");
      if (rankLevel[to.rank] < rankLevel.DS) throw new ValidationError(`${nameOf(to)} cannot take a team: hand over to a sergeant or above.`);
      const inherited = scope.teamOf(from.id).filter((o) => o.id !== from.id);
      if (inherited.some((o) => o.id === to.id)) {
        throw new ValidationError(`${nameOf(to)} reports to ${nameOf(from)}, so moving the team under them would make a loop.`, [
          "Move them out from under the old supervisor first, or choose someone outside the team.",
        ]);
      }
      const reports = scope.reportsOf(from.id);
      if (reports.length === 0) throw new ValidationError(`Nobody reports to ${nameOf(from)}, so there is nothing to hand over.`);
      // One ETag replace per officer. If one fails, those already moved stay moved; repeating the command moves the rest.
      for (const r of reports) {
        await repos.officers.replace({ ...r, supervisorId: to.id });
        await repos.audit.append(
          { actorId: viewer.id, operation: "alteration", action: `change supervisor from ${from.id} to ${to.id}`, recordType: "officer", recordId: r.id, why },
          at.now,
        );
      }
      // Pending reminders move with the cases: see replanCases for why bringing the cases forward is all it takes.
      const cases = await repos.cases.byOic(inherited.map((o) => o.id), { openOnly: true });
      const replannedRefs = await replanCases(repos.cases, cases, today);
      if (replannedRefs.length > 0) {
        await repos.audit.append(
          { actorId: viewer.id, operation: "alteration", action: "re-plan reminders after handover", recordType: "case-list", recordId: replannedRefs.join(", "), why },
          at.now,
        );
      }
      const moved = inherited.map((o) => (o.supervisorId === from.id ? { ...o, supervisorId: to.id } : o));
      const view = await digestFor(today, to, moved, from, { actorId: viewer.id, why, now: at.now }, cases);
      const notification: HandoverNotice = {
        recipientOfficerId: to.id,
        reason: "handover",
        key: { kind: "bot-card:handover", subjectId: `${from.id}#${keyHash(idempotencyKey)}`, dueOn: today, recipientId: to.id },
        view,
        about: { recordType: "officer", recordId: from.id },
      };
      logger.info({ viewerId: viewer.id, fromId: from.id, toId: to.id, moved: reports.length, replanned: replannedRefs.length }, "handover");
      return { movedOfficerIds: reports.map((r) => r.id), replannedRefs, notification };
    },
  };
}
