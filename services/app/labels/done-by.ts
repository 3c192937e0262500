import { londonTimeLabel } from "./london-time-label";
import type { Officer } from "../../domain/officer";
import { officerLabel } from "./officer-label";
import type { DoneBy } from "../workflow/form-view";

/** Who did a step and when, worded for a card: "DS Khan", "10:42" (London time; with the date if not today). */
export function doneBy(by: { id: string; officer: Officer | undefined }, at: string, now: Date, timeZone: string): DoneBy {
  return { byId: by.id, byName: officerLabel(by.officer), at, atLabel: londonTimeLabel(at, now, timeZone) };
}
