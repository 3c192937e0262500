import type { Moment } from "../../domain/dates";
import { absence, type Absence, type Officer } from "../../domain/officer";
import { ValidationError } from "../../platform/errors";
import type { Logger } from "../../platform/logger";
import type { Policy } from "../../domain/policy";
import { currentAbsence } from "../../rules/absence";
import { addDays } from "../../rules/calendar";
import type { Repositories } from "../../store/repositories";
import { describeCase } from "../cases/case-line";
import type { Scope } from "../scope/chain-of-command";
import { createViewAudit, type Purpose } from "../audit/view-audit";
import { casesAtRisk, windowOf } from "./absence-deadlines";
import type { AbsenceFormView, AbsenceRecordedView, EndAbsenceOutcome } from "./absence-view";
import { NotPermittedError, OfficerOutOfScopeError } from "../scope/scope-errors";
import { replanCases } from "./replan-cases";
import { nameOf } from "../team/team-figures";

/** Each method takes the viewer's scope and the turn's moment: "absent now", the re-plan and the audit share one day. */
export interface AbsenceService {
  absenceForm(viewer: Officer, scope: Scope, at: Moment, officerId?: string): AbsenceFormView;
  /** Only the officer's supervisors; the input is `{ kind, from, to? }` and nothing else: no reason, no diagnosis. */
  recordAbsence(viewer: Officer, scope: Scope, at: Moment, officerId: string, input: unknown, why?: Purpose): Promise<AbsenceRecordedView>;
  /** "back": ends the absence in force on the turn's day, for the officer themselves or one of their supervisors. */
  endAbsence(viewer: Officer, scope: Scope, at: Moment, officerId: string, why?: Purpose): Promise<EndAbsenceOutcome>;
}

export interface AbsenceDeps {
  repos: Pick<Repositories, "officers" | "cases" | "audit">;
  policy: Policy;
  logger: Logger;
}

const overlaps = (a: Absence, b: Absence): boolean =>
  (a.to === undefined || a.to >= b.from) && (b.to === undefined || b.to >= a.from);

function parseAbsence(input: unknown): Absence {
  const parsed = absence.safeParse(input);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) =>
    i.code === "unrecognized_keys"
      ? `${i.keys.join(", ")}: not recorded. An absence is a kind and dates only; no reason or health details.`
      : `${i.path.map(String).join(".") || "absence"}: ${i.message}`,
  );
  throw new ValidationError("The absence was not recorded.", details);
}

export function createAbsenceService({ repos, policy, logger }: AbsenceDeps): AbsenceService {
  const viewAudit = createViewAudit({ audit: repos.audit });

  /** Someone the viewer supervises: inside their scope and not themselves (docs/domain-rules.md §6, §8). */
  const supervised = (viewer: Officer, scope: Scope, officerId: string): Officer => {
    if (officerId === viewer.id) throw new NotPermittedError("record your own absence", "your supervisor");
    const officer = scope.officers.get(officerId);
    if (!officer) throw new OfficerOutOfScopeError(officerId);
    return officer;
  };

  /**
   * The stored officer, read again for the write: the scope may have been built earlier in the turn (and holds the
   * viewer as passed in), so the overlap check and the ETag must come from the current document.
   */
  const current = async (officerId: string): Promise<Officer> => {
    const stored = await repos.officers.get(officerId);
    if (!stored) throw new OfficerOutOfScopeError(officerId);
    return stored;
  };

  return {
    absenceForm: (viewer, scope, at, officerId) => {
      const day = at.today;
      if (officerId !== undefined) supervised(viewer, scope, officerId);
      const officers = [...scope.officers.values()]
        .filter((o) => o.id !== viewer.id)
        .map((o) => ({ officerId: o.id, name: nameOf(o), absentNow: currentAbsence(o, day) !== undefined }))
        .sort((a, b) => a.name.localeCompare(b.name));
      return { today: day, officers, ...(officerId !== undefined ? { officerId } : {}) };
    },

    recordAbsence: async (viewer, scope, at, officerId, input, why = "command:absent") => {
      if (officerId.trim() === "") throw new ValidationError("The absence was not recorded.", ["officer: choose the officer who is absent."]);
      supervised(viewer, scope, officerId);
      const recorded = parseAbsence(input);
      const officer = await current(officerId);
      const clash = officer.absences.find((a) => overlaps(a, recorded));
      if (clash) {
        throw new ValidationError(`${nameOf(officer)} is already recorded as absent from ${clash.from}${clash.to ? ` to ${clash.to}` : " with no end date"}.`, [
          "End that absence first (\"back\"), or choose dates that do not overlap it.",
        ]);
      }
      const day = at.today;
      const absences = [...officer.absences, recorded].sort((a, b) => a.from.localeCompare(b.from));
      await repos.officers.replace({ ...officer, absences });
      await repos.audit.append(
        { actorId: viewer.id, operation: "alteration", action: "record absence", recordType: "officer", recordId: officer.id, why },
        at.now,
      );
      const cases = await repos.cases.byOic([officer.id], { openOnly: true });
      // The absent OIC's pending prompts and bail warnings now route to the sergeant; re-plan so that happens at once.
      await replanCases(repos.cases, cases, day);
      const window = windowOf(recorded, policy, day);
      const atRisk = casesAtRisk(cases.map((c) => describeCase(c, officer, policy, day)), window);
      await viewAudit.recordView(viewer, { action: "view cases at risk during absence", recordType: "case-list", recordIds: atRisk.map((r) => r.case.ref), why }, at.now);
      logger.info({ viewerId: viewer.id, officerId: officer.id, atRisk: atRisk.length }, "absence recorded");
      return { today: day, officer: { officerId: officer.id, name: nameOf(officer) }, window, atRisk };
    },

    endAbsence: async (viewer, scope, at, officerId, why = "command:back") => {
      const day = at.today;
      if (!scope.includes(officerId)) throw new OfficerOutOfScopeError(officerId);
      const officer = await current(officerId);
      const inForce = currentAbsence(officer, day);
      if (!inForce) return { status: "not-absent", officerId: officer.id, name: nameOf(officer) };
      // Back on the day it started: nothing of it happened, so it goes; otherwise it ends yesterday.
      const ended: Absence | undefined = inForce.from >= day ? undefined : { ...inForce, to: addDays(day, -1) };
      const absences = officer.absences.flatMap((a) => (a === inForce ? (ended ? [ended] : []) : [a]));
      await repos.officers.replace({ ...officer, absences });
      await repos.audit.append(
        { actorId: viewer.id, operation: "alteration", action: "end absence", recordType: "officer", recordId: officer.id, why },
        at.now,
      );
      logger.info({ viewerId: viewer.id, officerId: officer.id }, "absence ended");
      return { status: "ended", officerId: officer.id, name: nameOf(officer), from: inForce.from, ...(ended?.to ? { lastDayAbsent: ended.to } : {}) };
    },
  };
}
