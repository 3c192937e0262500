import { isoDate, isoInstant, type IsoDate } from "../../services/domain/dates";
import { zonedInstant } from "../../services/rules/calendar";

/** An instant with its zone, or a wall-clock date and time meant in the force's time zone (what people type). */
export type AtOption = { kind: "instant"; instant: Date } | { kind: "local"; day: IsoDate; hhmm: string };

export const AT_PROBLEM = "--at must be an ISO instant (e.g. 2026-03-02T08:00:00Z) or a local date and time in the force's time zone (e.g. 2026-03-02T08:00)";

/** `--at` as typed, or null when it is neither form. */
export function parseAt(text: string): AtOption | null {
  const instant = isoInstant.safeParse(text);
  if (instant.success) return { kind: "instant", instant: new Date(instant.data) };
  const local = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})$/.exec(text.trim());
  const day = isoDate.safeParse(local?.[1]);
  if (!local || !day.success || !/^([01]\d|2[0-3]):[0-5]\d$/.test(local[2]!)) return null;
  return { kind: "local", day: day.data, hhmm: local[2]! };
}

/** The instant `--at` means, a local time read in the force's zone (GMT or BST as that day has it). */
export function instantOf(at: AtOption, timeZone: string): Date {
  return at.kind === "instant" ? at.instant : zonedInstant(at.day, at.hhmm, timeZone);
}
