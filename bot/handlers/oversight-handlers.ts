import { absenceSubmission, buildAbsenceCard, type RecordAbsenceAction } from "../../cards/absence";
import type { AdaptiveCardJson } from "../../cards/expand-card";
import { buildHandoverCard } from "../../cards/handover";
import { buildOfficerCasesCard } from "../../cards/officer-cases";
import { buildCaseAssignedCard, buildReassignCard } from "../../cards/reassign";
import { buildTeamDrilldownCard } from "../../cards/team-drilldown";
import type { Purpose } from "../../services/app/audit/view-audit";
import type { IsoDate } from "../../services/domain/dates";
import { ValidationError } from "../../services/platform/errors";
import { OfficerOutOfScopeError } from "../../services/app/scope/scope-errors";
import { resolveOfficer } from "../../services/app/scope/resolve-officer";
import { addDays } from "../../services/rules/calendar";
import { recorded, type ActionHandlers, type ActionResult, type CommandHandlers, type Turn } from "./turn";

/** Issue 6 commands: `absent`, `back`, `reassign`, `handover`, `1:1`. Officers are named as typed and found in scope. */
export const oversightCommands: Pick<CommandHandlers, "absent" | "back" | "reassign" | "handover" | "one-to-one"> = {
  absent: async (t, c) => {
    const { scope, today } = await t.scope();
    const officerId = resolveOfficer(scope, c.officer).id;
    const input = { kind: c.absenceKind, from: dayWord(c.from, today), ...(c.to ? { to: dayWord(c.to, today) } : {}) };
    return absenceRecorded(t, { verb: "record-absence", officerId, ...input }, "command:absent");
  },
  back: async (t) => buildAbsenceCard({ mode: "ended", ended: await t.services.oversight.absence.endAbsence(t.me, (await t.scope()).scope, t.at, t.me.id, "command:back") }),
  reassign: async (t, c) => {
    const { scope } = await t.scope();
    return (await reassign(t, c.ref, resolveOfficer(scope, c.officer).id, false, "command:reassign")).card;
  },
  handover: async (t, c) => {
    const { scope } = await t.scope();
    // A name not found in scope goes to the service as typed, so its rank rule speaks first ("Only an inspector…").
    const idOf = (typed: string) => {
      try {
        return resolveOfficer(scope, typed).id;
      } catch (err) {
        if (err instanceof OfficerOutOfScopeError) return typed.trim().slice(0, 64);
        throw err;
      }
    };
    const [from, to] = [idOf(c.from), idOf(c.to)];
    const step = { idempotencyKey: t.idempotencyKey("handover", from), why: "command:handover" as const };
    const { notification: n } = await t.services.oversight.handover.handover(t.me, t.at, from, to, step);
    // The new supervisor's copy and the inspector's reply are the same card.
    const card = buildHandoverCard(n.view);
    await t.notify([{ recipientOfficerId: n.recipientOfficerId, reason: n.reason, key: n.key, card, about: n.about }], "command:handover");
    return card;
  },
  "one-to-one": async (t, c) => {
    const { scope, today } = await t.scope();
    return oneToOne(t, resolveOfficer(scope, c.officer).id, c.on ?? today, "command:1:1");
  },
};

export const oversightActions: Pick<
  ActionHandlers,
  "open-team" | "open-officer" | "record-one-to-one" | "choose-reassign" | "reassign" | "absence-form" | "record-absence" | "end-absence"
> = {
  "open-team": async (t, a) =>
    ({ card: buildTeamDrilldownCard(await t.services.oversight.teamStatus.teamDrilldown(t.me, (await t.scope()).scope, t.at, a.supervisorId, "action:open-team")) }),
  "open-officer": async (t, a) =>
    ({ card: buildOfficerCasesCard(await t.services.oversight.teamStatus.officerCases(t.me, (await t.scope()).scope, t.at, a.officerId, "action:open-officer")) }),
  "record-one-to-one": async (t, a) => recorded(await oneToOne(t, a.officerId, a.on, "action:record-one-to-one")),
  "choose-reassign": async (t, a) => ({ card: await chooser(t, a.ref, "action:choose-reassign") }),
  reassign: async (t, a) =>
    a.toOfficerId?.trim() ? reassign(t, a.ref, a.toOfficerId.trim(), a.confirmOverCapacity === true, "action:reassign") : { card: await chooser(t, a.ref, "action:reassign") },
  "absence-form": async (t, a) => ({ card: buildAbsenceCard({ mode: "form", form: t.services.oversight.absence.absenceForm(t.me, (await t.scope()).scope, t.at, a.officerId) }) }),
  "record-absence": async (t, a) => recorded(await absenceRecorded(t, a, "action:record-absence")),
  "end-absence": async (t, a) =>
    recorded(buildAbsenceCard({ mode: "ended", ended: await t.services.oversight.absence.endAbsence(t.me, (await t.scope()).scope, t.at, a.officerId, "action:end-absence") })),
};

async function chooser(t: Turn, ref: string, why: Purpose): Promise<AdaptiveCardJson> {
  const { scope } = await t.scope();
  return buildReassignCard({ mode: "choose", options: await t.services.oversight.reassign.options(t.me, scope, t.at, ref, why) });
}

/** Over capacity: the figures and a confirm button, nothing written. Done: the new OIC is sent the case with its deadlines. */
async function reassign(t: Turn, ref: string, toOfficerId: string, confirmOverCapacity: boolean, why: Purpose): Promise<ActionResult> {
  const { scope } = await t.scope();
  const step = { idempotencyKey: t.idempotencyKey("case-assigned", ref), confirmOverCapacity, why };
  const outcome = await t.services.oversight.reassign.reassign(t.me, scope, t.at, ref, toOfficerId, step);
  if (outcome.status === "needs-confirmation") return { card: buildReassignCard({ mode: "confirm", case: outcome.case, warning: outcome.warning }) };
  const n = outcome.notification;
  await t.notify([{ recipientOfficerId: n.recipientOfficerId, reason: n.reason, key: n.key, card: buildCaseAssignedCard(n.view), about: n.about }], why);
  return recorded(buildReassignCard({ mode: "done", ...n.view }));
}

/** A refused absence is drawn again as the form, with the inputs as typed and each reason; nothing is written. */
async function absenceRecorded(t: Turn, a: RecordAbsenceAction, why: Purpose): Promise<AdaptiveCardJson> {
  const { scope } = await t.scope();
  const { officerId, input } = absenceSubmission(a);
  const absence = t.services.oversight.absence;
  try {
    return buildAbsenceCard({ mode: "recorded", recorded: await absence.recordAbsence(t.me, scope, t.at, officerId, input, why) });
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    const problems = [err.message, ...(err.details ?? [])].slice(0, 10).map((p) => p.slice(0, 300));
    // Typed commands can be longer than the form's inputs allow; the form shows what fits.
    const values = Object.fromEntries((["officerId", "kind", "from", "to"] as const).flatMap((k) => (a[k] === undefined ? [] : [[k, a[k].slice(0, k === "officerId" ? 64 : k === "kind" ? 20 : 10)]])));
    return buildAbsenceCard({ mode: "form", form: absence.absenceForm(t.me, scope, t.at, officerId || undefined), values, problems });
  }
}

async function oneToOne(t: Turn, officerId: string, on: string, why: Purpose): Promise<AdaptiveCardJson> {
  await t.services.oversight.wellbeing.recordOneToOne(t.me, t.at, officerId, on, why);
  // The team as it is now the 1:1 is recorded: the turn's scope was read before the write and holds the old date.
  const { scope } = await t.services.scopedCases.scopeOf(t.me, t.at.today);
  return buildTeamDrilldownCard(await t.services.oversight.teamStatus.teamDrilldown(t.me, scope, t.at, t.me.id, why));
}

/** "today" and "tomorrow" are what people type; anything else goes to the service as typed, to be judged there. */
function dayWord(typed: string, today: IsoDate): string {
  const word = typed.toLowerCase();
  return word === "today" ? today : word === "tomorrow" ? addDays(today, 1) : typed;
}
