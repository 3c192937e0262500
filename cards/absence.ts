import { z } from "zod";
import { isoDate, type IsoDate } from "../services/domain/dates";
import { absenceKind, type Absence } from "../services/domain/officer";
import type { AbsenceDeadline } from "../services/oversight/absence-deadlines";
import { absenceFormView, absenceRecordedView, endAbsenceOutcome } from "../services/oversight/oversight-views";
import { caseLineText } from "./case-line-text";
import { expandCard, type AdaptiveCardJson } from "./expand-card";
import { formatDay } from "./format-day";
import template from "./absence.json";

const officerId = z.string().min(1).max(64);

/**
 * The absence form's submission: Teams merges the inputs (officerId, kind, from, to) into the data. Strict, so a
 * tampered card carrying a reason or anything else is refused before anything is written (RULES.md §6). An empty
 * "to" input arrives as "".
 */
export const recordAbsenceAction = z
  .object({ verb: z.literal("record-absence"), officerId, kind: absenceKind, from: isoDate, to: z.union([isoDate, z.literal("")]).optional() })
  .strict();
export type RecordAbsenceAction = z.infer<typeof recordAbsenceAction>;

/** "End absence now", the button form of "back". */
export const endAbsenceAction = z.object({ verb: z.literal("end-absence"), officerId }).strict();
export type EndAbsenceAction = z.infer<typeof endAbsenceAction>;

/** `choose-reassign` comes from cards/reassign. */
export const absenceVerbs = ["record-absence", "end-absence", "choose-reassign"] as const;

/** The service's input from a form submission: the empty "to" of an open-ended absence becomes no end date. */
export function absenceInput(a: RecordAbsenceAction): Absence {
  return { kind: a.kind, from: a.from, ...(a.to ? { to: a.to } : {}) };
}

export const absenceCardData = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("form"), form: absenceFormView }),
  z.object({ mode: z.literal("recorded"), recorded: absenceRecordedView }),
  z.object({ mode: z.literal("ended"), ended: endAbsenceOutcome }),
]);
export type AbsenceCardData = z.infer<typeof absenceCardData>;

const DEADLINE: Record<AbsenceDeadline["kind"], string> = { "bail-ends": "Bail ends", "rui-review": "RUI review due", review: "Review due" };

export function deadlinesText(ds: readonly AbsenceDeadline[]): string {
  return ds.map((d) => `${DEADLINE[d.kind]} ${formatDay(d.on)}`).join(" · ");
}

function windowText(w: { from: IsoDate; to: IsoDate; openEnded: boolean }): string {
  return w.openEnded
    ? `Absent from ${formatDay(w.from)}, no return date. Deadlines checked up to ${formatDay(w.to)}.`
    : `Absent from ${formatDay(w.from)} to ${formatDay(w.to)}.`;
}

const blank = { isForm: false, selectedOfficerId: "", officers: [] as unknown[], today: "", message: "", messageColor: "default", atRisk: [] as unknown[], endOfficerId: "" };

function view(data: AbsenceCardData): Record<string, unknown> {
  switch (data.mode) {
    case "form":
      return {
        ...blank,
        heading: "Record an absence",
        subheading: "Their prompts and bail warnings go to their sergeant while they are away.",
        isForm: true,
        selectedOfficerId: data.form.officerId ?? "",
        officers: data.form.officers.map((o) => ({ officerId: o.officerId, label: `${o.name}${o.absentNow ? " (absent now)" : ""}` })),
        today: data.form.today,
      };
    case "recorded": {
      const r = data.recorded;
      const n = r.atRisk.length;
      return {
        ...blank,
        heading: `Absence recorded: ${r.officer.name}`,
        subheading: windowText(r.window),
        message: n === 0 ? "No bail or review deadline falls inside the absence." : `${n} case${n === 1 ? " has" : "s have"} a deadline inside the absence:`,
        messageColor: n === 0 ? "good" : "warning",
        atRisk: r.atRisk.map((a) => {
          const t = caseLineText(a.case);
          const bail = a.deadlines.some((d) => d.kind === "bail-ends");
          return { ref: a.case.ref, title: t.title, facts: t.facts, deadlines: deadlinesText(a.deadlines), color: bail ? "attention" : "warning" };
        }),
        endOfficerId: r.officer.officerId,
      };
    }
    case "ended": {
      const e = data.ended;
      if (e.status === "not-absent") return { ...blank, heading: `${e.name} was not recorded as absent today`, subheading: "Nothing was changed." };
      return {
        ...blank,
        heading: `${e.name} is back`,
        subheading: `Absence from ${formatDay(e.from)} ${e.lastDayAbsent ? `ended; last day absent ${formatDay(e.lastDayAbsent)}` : "removed, as it started today"}.`,
      };
    }
  }
}

/** The absence form, the cases at risk once it is recorded (each with Reassign), and the "back" confirmation. */
export function buildAbsenceCard(input: AbsenceCardData): AdaptiveCardJson {
  return expandCard(template, view(absenceCardData.parse(input)));
}
