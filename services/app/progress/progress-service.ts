import { z } from "zod";
import type { Scope } from "../scope/chain-of-command";
import type { Purpose } from "../audit/view-audit";
import { crimeRef, type CaseDoc } from "../../domain/case";
import type { IsoDate, Moment } from "../../domain/dates";
import type { Officer } from "../../domain/officer";
import { ValidationError } from "../../platform/errors";
import type { Logger } from "../../platform/logger";
import type { Policy } from "../../domain/policy";
import { daysBetween } from "../../rules/calendar";
import { nextAttentionOn } from "../../rules/plan-reminders";
import { progressBase } from "../../rules/progress";
import type { Repositories } from "../../store/repositories";
import { caseInScope } from "../scope/case-in-scope";
import { doneBy } from "../labels/done-by";
import { parseForm } from "../workflow/form-problems";
import { officerLabel } from "../labels/officer-label";
import { replaceCase } from "../workflow/replace-case";
import { completeClaim, createWorkflowClaims, keyHash } from "../workflow/workflow-claims";
import type { DoneBy } from "../workflow/form-view";
import { notificationKey, recipientFor, type WorkflowNotification } from "../workflow/workflow-notification";
import { progressAnswer, type ProgressAnswer, type ProgressView } from "./progress-view";

export const progressInput = z.object({
  ref: crimeRef,
  answer: z.enum(progressAnswer.options, { error: "choose an answer" }),
  note: z.string().trim().max(500, "keep the note under 500 characters").optional(),
});

export type ProgressConfirmed =
  | { kind: "saved"; view: ProgressView; notifications: WorkflowNotification[] }
  | { kind: "already-done"; alreadyDone: DoneBy; view: ProgressView };

/** Every method takes the turn's moment `at`: its day is the update's day, its instant stamps what is written. */
export interface ProgressService {
  /** The one-click card's view for a case; audited as a consultation. CaseNotFoundError for unknown and out-of-scope alike. */
  open(viewer: Officer, scope: Scope, at: Moment, ref: string, why?: Purpose): Promise<ProgressView>;
  /** Records the OIC's answer (the OIC or anyone above them may answer). The same invoke again records nothing. */
  confirm(viewer: Officer, scope: Scope, at: Moment, input: unknown, opts: { idempotencyKey: string; why?: Purpose }): Promise<ProgressConfirmed>;
}

export interface ProgressServiceDeps {
  repos: Pick<Repositories, "cases" | "officers" | "audit" | "ledger">;
  policy: Policy;
  logger: Logger;
}

/**
 * The case after an answer. Every answer is a crime-report update today (issue 5 §2). The waits say what the case is
 * waiting on now: "updated" means nothing from others, so both waits end; each "awaiting" answer keeps an existing
 * start date (the 60-day forensics flag counts from the first day of the wait) and ends the other wait; "need help"
 * leaves the waits as they were.
 */
export function progressedCase(doc: CaseDoc, answer: ProgressAnswer, today: IsoDate, now: Date, policy: Policy): CaseDoc {
  const { awaitingForensicsSince, awaitingCpsSince, nextAttentionOn: attention, ...rest } = doc;
  void attention;
  const waits =
    answer === "awaiting-forensics" ? { awaitingForensicsSince: awaitingForensicsSince ?? today }
      : answer === "awaiting-cps" ? { awaitingCpsSince: awaitingCpsSince ?? today }
        : answer === "need-help" ? { ...(awaitingForensicsSince ? { awaitingForensicsSince } : {}), ...(awaitingCpsSince ? { awaitingCpsSince } : {}) }
          : {};
  const next: CaseDoc = { ...rest, ...waits, lastUpdatedOn: today, updatedAt: now.toISOString() };
  const attend = nextAttentionOn(next, policy, today);
  return attend === undefined ? next : { ...next, nextAttentionOn: attend };
}

export function createProgressService(deps: ProgressServiceDeps): ProgressService {
  const { repos, policy, logger } = deps;
  const claims = createWorkflowClaims({ ledger: repos.ledger });
  const officerOf = async (scope: Scope, id: string) => scope.officers.get(id) ?? (await repos.officers.get(id));

  async function caseFacts(scope: Scope, c: CaseDoc, today: IsoDate) {
    return {
      ref: c.ref, offenceCategory: c.offenceCategory, risk: c.risk, oicName: officerLabel(await officerOf(scope, c.oicId)),
      ...(c.lastUpdatedOn ? { lastUpdatedOn: c.lastUpdatedOn } : {}),
      daysSinceUpdate: daysBetween(progressBase(c), today),
      ...(c.awaitingForensicsSince ? { awaitingForensicsSince: c.awaitingForensicsSince } : {}),
      ...(c.awaitingCpsSince ? { awaitingCpsSince: c.awaitingCpsSince } : {}),
    };
  }

  /** "Need help" goes to the OIC's sergeant; a sergeant answering for their own team asks their own supervisor. */
  async function helpNotification(viewer: Officer, scope: Scope, at: Moment, c: CaseDoc, note: string | undefined, key: string): Promise<WorkflowNotification[]> {
    const { now, today } = at;
    const oic = await officerOf(scope, c.oicId);
    const intended = oic?.supervisorId === viewer.id ? viewer.supervisorId : oic?.supervisorId;
    const officers = new Map((await repos.officers.all()).map((o) => [o.id, o]));
    const to = recipientFor(intended, officers, today, viewer.id);
    if (!to) {
      logger.warn({ ref: c.id, officerId: viewer.id }, "help request has nobody to go to");
      return [];
    }
    const data: ProgressView = {
      mode: "help-request", ...(await caseFacts(scope, c, today)), fromName: officerLabel(viewer),
      atLabel: doneBy({ id: viewer.id, officer: viewer }, now.toISOString(), now, policy.timeZone).atLabel, ...(note ? { note } : {}),
    };
    return [{
      recipientOfficerId: to, reason: "progress-help", key: notificationKey("progress-help", `${c.ref}#${keyHash(key)}`, today, to),
      view: { card: "progress", data }, about: { recordType: "case", recordId: c.ref },
    }];
  }

  return {
    open: async (viewer, scope, at, ref, why = "action:confirm-progress") => {
      const c = await caseInScope(repos.cases, scope, ref);
      const data: ProgressView = { mode: "ask", ...(await caseFacts(scope, c, at.today)) };
      await repos.audit.append({ actorId: viewer.id, operation: "consultation", action: "open progress confirmation", recordType: "case", recordId: c.ref, why }, at.now);
      return data;
    },

    confirm: async (viewer, scope, at, input, { idempotencyKey, why = "action:progress-answer" }) => {
      const { now, today } = at;
      const parsed = parseForm(progressInput, input);
      const c = await caseInScope(repos.cases, scope, parsed.ref);
      // One slot per invoke: answers never compete, but the same click delivered twice must count once.
      const slot = { kind: "progress", subjectId: c.ref, on: today, slot: keyHash(idempotencyKey) };
      const already = async (actorId: string, when: string): Promise<ProgressConfirmed> => {
        const by = doneBy({ id: actorId, officer: await officerOf(scope, actorId) }, when, now, policy.timeZone);
        return { kind: "already-done", alreadyDone: by, view: { mode: "answered", ...(await caseFacts(scope, c, today)), answer: parsed.answer, byName: by.byName, atLabel: by.atLabel, already: true } };
      };
      const held = await claims.find(slot, idempotencyKey, now);
      if (held) return already(held.actorId, held.at);
      if (c.status !== "open") throw new ValidationError(`${c.ref} is closed: there is no progress to confirm.`);
      const claim = await claims.acquire(slot, viewer.id, idempotencyKey, now);
      if (claim.status === "held") return already(claim.holder.actorId, claim.holder.at);
      const saved = await completeClaim(claim, async () => {
        const doc = await replaceCase(repos.cases, c, (d) => progressedCase(d, parsed.answer, today, now, policy));
        await repos.audit.append({
          actorId: viewer.id, operation: "alteration", action: `confirm progress: ${parsed.answer}`, recordType: "case", recordId: c.ref, why,
        }, now);
        return doc;
      });
      logger.info({ ref: c.id, officerId: viewer.id, answer: parsed.answer }, "progress confirmed");
      const by = doneBy({ id: viewer.id, officer: viewer }, now.toISOString(), now, policy.timeZone);
      return {
        kind: "saved",
        view: { mode: "answered", ...(await caseFacts(scope, saved, today)), answer: parsed.answer, byName: by.byName, atLabel: by.atLabel },
        notifications: parsed.answer === "need-help" ? await helpNotification(viewer, scope, at, saved, parsed.note, idempotencyKey) : [],
      };
    },
  };
}
