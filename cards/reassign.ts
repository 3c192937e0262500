import { z } from "zod";
import { caseLine, type CaseLine } from "../services/app/cases/case-line-view";
import { crimeRef } from "../services/domain/case";
import { isoDate } from "../services/domain/dates";
import {
  caseAssignedView, overCapacityWarning, reassignOptionsView, type CaseAssignedView, type ReassignCandidate,
} from "../services/app/reassign/reassign-view";
import { bailText, caseLineText, riskLabel, type TextColor } from "./case-line-text";
import { compileCard, type AdaptiveCardJson } from "./expand-card";
import { days, formatDay } from "./format-day";
import template from "./reassign.json";

/** The template, parsed once when the module loads. */
const expandTemplate = compileCard(template);

/** "Reassign" on a case line: opens this card to choose the new officer in charge. */
export const chooseReassignAction = z.object({ verb: z.literal("choose-reassign"), ref: crimeRef }).strict();
export type ChooseReassignAction = z.infer<typeof chooseReassignAction>;

/**
 * The reallocation itself. `toOfficerId` comes from the card's choice input (Teams merges inputs into the data), so it
 * is optional here like every form input: a submission without it gets the chooser again rather than an error card.
 * `confirmOverCapacity` is true only on the "Reassign anyway" button of the over-capacity warning.
 */
export const reassignAction = z
  .object({ verb: z.literal("reassign"), ref: crimeRef, toOfficerId: z.string().max(64).optional(), confirmOverCapacity: z.boolean().optional() })
  .strict();
export type ReassignAction = z.infer<typeof reassignAction>;

/** `open-case` is the existing member of the card-action union. */
export const reassignVerbs = ["reassign", "choose-reassign", "open-case"] as const;

export const reassignCardData = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("choose"), options: reassignOptionsView }),
  z.object({ mode: z.literal("confirm"), case: caseLine, warning: overCapacityWarning }),
  z.object({ mode: z.literal("done"), case: caseLine, previousOicName: z.string(), assignedByName: z.string(), assignedOn: isoDate }),
  z.object({ mode: z.literal("assigned") }).extend(caseAssignedView.shape),
]);
export type ReassignCardData = z.infer<typeof reassignCardData>;

type Fact = { title: string; value: string };

export function candidateLabel(c: ReassignCandidate): string {
  const cap = c.capacity;
  return `${c.name} · ${cap.live} of ${cap.capacity} (${cap.percent}%)${cap.over ? " · at or over capacity" : ""}${c.absentNow ? " · absent today" : ""}`;
}

const AUTHORITY = { inspector: "an inspector", superintendent: "a superintendent", court: "a court application" } as const;

/** The case's deadlines as the new OIC needs them: review, bail end, and the authority any extension needs. */
export function deadlineFacts(l: CaseLine): Fact[] {
  const facts: Fact[] = [
    { title: "Review", value: l.review.overdueDays > 0 ? `overdue ${days(l.review.overdueDays)} (due ${formatDay(l.review.dueOn)})` : `due ${formatDay(l.review.dueOn)}` },
  ];
  const bail = bailText(l.bail);
  if (bail) facts.push({ title: "Bail", value: bail.text });
  if (l.bail?.kind === "pre-charge" && l.bail.authority && l.bail.authorityWarnFrom && !l.bail.lapsed) {
    facts.push({ title: "Extension", value: `needs ${AUTHORITY[l.bail.authority]}; act from ${formatDay(l.bail.authorityWarnFrom)}` });
  }
  facts.push({ title: "Last update", value: `${days(l.daysSinceUpdate)} ago` });
  return facts;
}

function caseBlock(l: CaseLine): { caseTitle: string; caseFacts: string; caseFlags: string; caseColor: TextColor } {
  const t = caseLineText(l);
  return { caseTitle: t.title, caseFacts: t.facts, caseFlags: t.flags, caseColor: t.color };
}

function view(data: ReassignCardData): Record<string, unknown> {
  const none = { facts: [] as Fact[], message: "", messageColor: "default", candidates: [] as unknown[], confirmTo: "" };
  switch (data.mode) {
    case "choose": {
      const o = data.options;
      return {
        ...none,
        heading: `Reassign ${o.case.ref}`,
        subheading: `As of ${formatDay(o.today)} · least loaded first`,
        ...caseBlock(o.case),
        ref: o.case.ref,
        message: o.candidates.length === 0 ? "Nobody else in your chain of command can take this case." : "",
        candidates: o.candidates.map((c) => ({ officerId: c.officerId, label: candidateLabel(c) })),
      };
    }
    case "confirm": {
      const w = data.warning;
      return {
        ...none,
        heading: `Reassign ${w.ref}: over capacity`,
        subheading: `${w.toName} is already at or over capacity`,
        ...caseBlock(data.case),
        ref: w.ref,
        facts: [
          { title: "Contracted hours", value: `${w.hoursPerWeek} a week` },
          { title: "Capacity", value: `${w.capacity} live cases` },
          { title: "Open cases now", value: String(w.live) },
          { title: "After this case", value: `${w.liveAfter} (${w.percentAfter}% of capacity)` },
        ],
        message: "Nothing has changed yet. Reassign anyway, or choose someone else.",
        messageColor: "warning",
        confirmTo: w.toOfficerId,
      };
    }
    case "done":
      return {
        ...none,
        heading: `${data.case.ref} reassigned`,
        subheading: `To ${data.case.oicName} from ${data.previousOicName} by ${data.assignedByName} on ${formatDay(data.assignedOn)}`,
        ...caseBlock(data.case),
        ref: data.case.ref,
        message: `${data.case.oicName} has been sent the case with its deadlines.`,
        messageColor: "good",
      };
    case "assigned":
      return {
        ...none,
        heading: `You are now the officer in charge of ${data.case.ref}`,
        subheading: `${data.case.offenceCategory} · risk ${riskLabel(data.case.risk)} · from ${data.previousOicName}, assigned by ${data.assignedByName} on ${formatDay(data.assignedOn)}`,
        ...caseBlock(data.case),
        ref: data.case.ref,
        facts: deadlineFacts(data.case),
      };
  }
}

/** Reassignment in its four states: choose the officer, confirm over capacity, done, and the new OIC's copy. */
export function buildReassignCard(input: ReassignCardData): AdaptiveCardJson {
  return expandTemplate(view(reassignCardData.parse(input)));
}

/** The card the new OIC receives (issue 6 §2): the case and its bail deadlines. */
export function buildCaseAssignedCard(input: CaseAssignedView): AdaptiveCardJson {
  return buildReassignCard({ mode: "assigned", ...caseAssignedView.parse(input) });
}
