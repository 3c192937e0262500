import { z } from "zod";
import type { IsoDate } from "../services/domain/dates";
import { absenceFormView, absenceRecordedView, endAbsenceOutcome, type AbsenceDeadline } from "../services/app/absence/absence-view";
import { caseLineText } from "./case-line-text";
import { compileCard, type AdaptiveCardJson } from "./expand-card";
import { formatDay } from "./format-day";
import template from "./absence.json";

/** The template, parsed once when the module loads. */
const expandTemplate = compileCard(template);

/** The form's inputs as Teams posts them: strings, possibly empty. The absence service judges their content. */
const typed = (max: number) => z.string().max(max).optional();

/**
 * The absence form's submission: Teams merges the inputs (officerId, kind, from, to) into the data. Strict, so a
 * tampered card carrying a reason or anything else is refused before anything is read or written (docs/domain-rules.md §6).
 */
export const recordAbsenceAction = z
  .object({ verb: z.literal("record-absence"), officerId: typed(64), kind: typed(20), from: typed(10), to: typed(10) })
  .strict();
export type RecordAbsenceAction = z.infer<typeof recordAbsenceAction>;

/** "End absence now", the button form of "back". */
export const endAbsenceAction = z.object({ verb: z.literal("end-absence"), officerId: z.string().min(1).max(64) }).strict();
export type EndAbsenceAction = z.infer<typeof endAbsenceAction>;

/** `choose-reassign` comes from cards/reassign. */
export const absenceVerbs = ["record-absence", "end-absence", "choose-reassign"] as const;

const filled = (v: string | undefined) => (v !== undefined && v.trim() !== "" ? v.trim() : undefined);

/**
 * What the form stands for: the officer, and the absence input for `recordAbsence`, which validates it. Empty inputs
 * are left out, so an empty "to" is an open-ended absence and an empty "from" is reported as missing.
 */
export function absenceSubmission(a: RecordAbsenceAction): { officerId: string; input: Record<string, string> } {
  const input: Record<string, string> = {};
  for (const key of ["kind", "from", "to"] as const) {
    const v = filled(a[key]);
    if (v !== undefined) input[key] = v;
  }
  return { officerId: filled(a.officerId) ?? "", input };
}

const formValues = z.object({ officerId: typed(64), kind: typed(20), from: typed(10), to: typed(10) });

export const absenceCardData = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("form"),
    form: absenceFormView,
    /** A refused submission drawn again: the inputs as typed and each reason, nothing written. */
    values: formValues.optional(),
    problems: z.array(z.string().max(300)).max(10).optional(),
  }),
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

const blank = {
  isForm: false, selectedOfficerId: "", officers: [] as unknown[], kind: "leave", from: "", to: "", problems: [] as { line: string }[],
  message: "", messageColor: "default", atRisk: [] as unknown[], endOfficerId: "",
};

function view(data: AbsenceCardData): Record<string, unknown> {
  switch (data.mode) {
    case "form":
      return {
        ...blank,
        heading: "Record an absence",
        subheading: "Their prompts and bail warnings go to their sergeant while they are away.",
        isForm: true,
        selectedOfficerId: data.values?.officerId || data.form.officerId || "",
        officers: data.form.officers.map((o) => ({ officerId: o.officerId, label: `${o.name}${o.absentNow ? " (absent now)" : ""}` })),
        kind: data.values?.kind || "leave",
        // An emptied input is drawn with a sensible value again; the reason beside it says what was wrong.
        from: data.values?.from || data.form.today,
        to: data.values?.to ?? "",
        problems: (data.problems ?? []).map((line) => ({ line })),
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
  return expandTemplate(view(absenceCardData.parse(input)));
}
