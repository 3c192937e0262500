import { z } from "zod";
import { crimeRef } from "../services/domain/case";
import { isoDate } from "../services/domain/dates";
import { absenceFormAction } from "./officer-cases";
import { endAbsenceAction, recordAbsenceAction } from "./absence";
import { planProposeAction, planStartAction } from "./action-plan";
import { planAcknowledgeAction, planOpenAction } from "./plan-acknowledge";
import { planCheckpointAction, planCloseAction } from "./plan-checkpoint";
import { progressAnswerAction, progressOpenAction } from "./progress";
import { chooseReassignAction, reassignAction } from "./reassign";
import { reviewOpenAction, reviewSubmitAction } from "./review";
import { openOfficerAction, recordOneToOneAction } from "./team-drilldown";
import { openTeamAction } from "./team-status";

/** Views a "refresh" button can redraw in place. */
export const refreshableView = z.enum(["status", "my-cases", "due", "help"]);
export type RefreshableView = z.infer<typeof refreshableView>;

/**
 * Every `Action.Execute` the bot understands: ONE discriminated union on `verb`, whichever card (digest, review,
 * team status…) the button is on. Each member is strict, so a tampered or stale card is refused before anything is
 * read or written. Members are defined beside the card that draws the button; form inputs arrive as optional
 * strings and are judged by the service, so a bad date comes back as a reason beside its field.
 */
export const cardAction = z.discriminatedUnion("verb", [
  z.object({ verb: z.literal("refresh"), view: refreshableView }).strict(),
  z.object({ verb: z.literal("open-case"), ref: crimeRef }).strict(),
  /** Supervisor acknowledges a day's status card; recorded once per (officer, day). */
  z.object({ verb: z.literal("mark-seen"), officerId: z.string().min(1).max(64), on: isoDate }).strict(),
  // Issue 5: reviews, progress confirmations, action plans.
  reviewOpenAction,
  reviewSubmitAction,
  progressOpenAction,
  progressAnswerAction,
  planStartAction,
  planProposeAction,
  planOpenAction,
  planAcknowledgeAction,
  planCheckpointAction,
  planCloseAction,
  // Issue 6: team status drill-down, reallocation, absence, 1:1s.
  openTeamAction,
  openOfficerAction,
  recordOneToOneAction,
  chooseReassignAction,
  reassignAction,
  absenceFormAction,
  recordAbsenceAction,
  endAbsenceAction,
]);
export type CardAction = z.infer<typeof cardAction>;
export type CardVerb = CardAction["verb"];
export type CardActionOf<V extends CardVerb> = Extract<CardAction, { verb: V }>;

export const cardVerbs: readonly CardVerb[] = cardAction.options.map((o) => o.shape.verb.value);

export type ParsedCardAction = { ok: true; action: CardAction } | { ok: false; problem: string };

/** A full action-plan form posts about 4,400 characters; anything far beyond a real card is refused unread. */
const MAX_DATA_CHARS = 8000;

/** The `value` of an `adaptiveCard/action` invoke: `{ action: { type: "Action.Execute", verb, data } }`. */
const invokeValue = z.object({
  action: z.object({
    type: z.string(),
    verb: z.string().max(64).optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
});

/** Reads an invoke value into a card action, or says in one sentence what was wrong with it. */
export function parseCardAction(value: unknown): ParsedCardAction {
  const outer = invokeValue.safeParse(value);
  if (!outer.success) return { ok: false, problem: "The button sent no action Casewatch can read." };
  const { type, verb, data } = outer.data.action;
  if (type !== "Action.Execute") return { ok: false, problem: `Casewatch does not handle "${type.slice(0, 40)}" buttons.` };
  if (!verb) return { ok: false, problem: "The button sent no verb." };
  if (!(cardVerbs as readonly string[]).includes(verb)) {
    return { ok: false, problem: `"${verb}" is not an action Casewatch knows. The card may be out of date: type help for a new one.` };
  }
  if (JSON.stringify(data ?? {}).length > MAX_DATA_CHARS) return { ok: false, problem: "The button sent too much data." };
  const parsed = cardAction.safeParse({ ...(data ?? {}), verb });
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.map(String).join(".") || "data"}: ${i.message}`);
    return { ok: false, problem: `The "${verb}" button sent data Casewatch cannot use (${issues.join("; ").slice(0, 480)}).` };
  }
  return { ok: true, action: parsed.data };
}
