import { z } from "zod";
import { crimeRef } from "../services/domain/case";
import { isoDate } from "../services/domain/dates";

/** Views a "refresh" button can redraw in place. */
export const refreshableView = z.enum(["status", "my-cases", "due", "help"]);
export type RefreshableView = z.infer<typeof refreshableView>;

/**
 * Every `Action.Execute` the bot understands: one discriminated union on `verb`. Workflow verbs (review,
 * confirm-progress, start-plan, acknowledge-plan, reassign) are added here as new members, each strict so a
 * tampered or stale card is refused before anything is read or written.
 */
export const cardAction = z.discriminatedUnion("verb", [
  z.object({ verb: z.literal("refresh"), view: refreshableView }).strict(),
  z.object({ verb: z.literal("open-case"), ref: crimeRef }).strict(),
  /** Supervisor acknowledges a day's status card; recorded once per (officer, day). */
  z.object({ verb: z.literal("mark-seen"), officerId: z.string().min(1).max(64), on: isoDate }).strict(),
]);
export type CardAction = z.infer<typeof cardAction>;
export type CardVerb = CardAction["verb"];
export type CardActionOf<V extends CardVerb> = Extract<CardAction, { verb: V }>;

export const cardVerbs: readonly CardVerb[] = cardAction.options.map((o) => o.shape.verb.value);

export type ParsedCardAction = { ok: true; action: CardAction } | { ok: false; problem: string };

const MAX_DATA_CHARS = 4000;

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
    const issues = parsed.error.issues.map((i) => `${i.path.map(String).join(".") || "data"}: ${i.message}`);
    return { ok: false, problem: `The "${verb}" button sent data Casewatch cannot use (${issues.join("; ")}).` };
  }
  return { ok: true, action: parsed.data };
}
