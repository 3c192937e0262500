import { z } from "zod";
import { crimeRef } from "../services/domain/case";
import { PROGRESS_ANSWER_LABEL, progressAnswer, progressView, type ProgressView } from "../services/app/progress/progress-view";
import { riskLabel } from "./case-line-text";
import { compileCard, type AdaptiveCardJson } from "./expand-card";
import { days, formatDay } from "./format-day";
import template from "./progress.json";

/** The template, parsed once when the module loads. */
const expandTemplate = compileCard(template);

/** "confirm-progress" opens the card (digest, my cases); each answer button posts "progress-answer". */
export const progressVerbs = ["confirm-progress", "progress-answer", "review"] as const;

export const progressOpenAction = z.object({ verb: z.literal("confirm-progress"), ref: crimeRef }).strict();
export const progressAnswerAction = z.object({
  verb: z.literal("progress-answer"),
  ref: crimeRef,
  answer: progressAnswer,
  /** The optional note input; Teams posts it with whichever answer was clicked. */
  note: z.string().max(500).optional(),
}).strict();
export type ProgressAnswerAction = z.infer<typeof progressAnswerAction>;

function facts(d: z.infer<typeof progressView>): { title: string; value: string }[] {
  const f = [
    { title: "Risk", value: riskLabel(d.risk) },
    { title: "Officer in charge", value: d.oicName },
    { title: "Last update", value: d.lastUpdatedOn ? `${formatDay(d.lastUpdatedOn)} (${d.daysSinceUpdate === 0 ? "today" : `${days(d.daysSinceUpdate)} ago`})` : "none since opened" },
  ];
  if (d.awaitingForensicsSince) f.push({ title: "Awaiting forensics", value: `since ${formatDay(d.awaitingForensicsSince)}` });
  if (d.awaitingCpsSince) f.push({ title: "Awaiting CPS", value: `since ${formatDay(d.awaitingCpsSince)}` });
  return f;
}

function heading(d: z.infer<typeof progressView>): string {
  if (d.mode === "ask") return `Is ${d.ref} moving?`;
  if (d.mode === "help-request") return `${d.fromName} asks for help on ${d.ref} (${d.atLabel})`;
  return `${d.already ? "Already confirmed" : "Progress confirmed"} by ${d.byName} at ${d.atLabel}: ${PROGRESS_ANSWER_LABEL[d.answer]}`;
}

/** The progress confirmation card (Adaptive Card 1.5). */
export function buildProgressCard(input: ProgressView): AdaptiveCardJson {
  const d = progressView.parse(input);
  const note = d.mode === "help-request" ? d.note : undefined;
  return expandTemplate({
    heading: heading(d),
    subheading: `${d.ref} · ${d.offenceCategory}`,
    facts: facts(d),
    hasNote: note !== undefined,
    noteHeading: "Their note",
    note: note ?? "",
    isAsk: d.mode === "ask",
    hint: "One click records today's update. \"Updated\" means nothing is awaited from others (it clears a forensics or CPS wait); \"Need help\" sends your note to your sergeant.",
    answers: progressAnswer.options.map((answer) => ({ title: PROGRESS_ANSWER_LABEL[answer], data: { verb: "progress-answer", ref: d.ref, answer } })),
    isHelpRequest: d.mode === "help-request",
    reviewData: { verb: "review", ref: d.ref },
  });
}
