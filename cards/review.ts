import { z } from "zod";
import { crimeRef, type Risk } from "../services/domain/case";
import { reviewOutcome } from "../services/domain/review";
import { MAX_REVIEW_ACTIONS, reviewView } from "../services/app/reviews/review-view";
import type { FieldProblem } from "../services/app/workflow/form-view";
import { bailText, riskLabel } from "./case-line-text";
import { compileCard, type AdaptiveCardJson } from "./expand-card";
import { days, formatDay } from "./format-day";
import { formProblems, labelProblems } from "./label-problems";
import template from "./review.json";

/** The template, parsed once when the module loads. */
const expandTemplate = compileCard(template);

/** "review" opens this card (from a digest or a case card); "submit-review" saves it. */
export const reviewVerbs = ["review", "submit-review"] as const;

export const reviewOpenAction = z.object({ verb: z.literal("review"), ref: crimeRef }).strict();
export type ReviewOpenAction = z.infer<typeof reviewOpenAction>;

const ROWS = [1, 2, 3, 4, 5] as const satisfies readonly number[] & { length: typeof MAX_REVIEW_ACTIONS };
type Row = (typeof ROWS)[number];
type RowInputId = `a${Row}${"Text" | "Owner" | "Target"}`;
const typed = (max: number) => z.string().max(max).optional();
const rowInputs = Object.fromEntries(
  ROWS.flatMap((n) => [[`a${n}Text`, typed(300)], [`a${n}Owner`, typed(64)], [`a${n}Target`, typed(10)]]),
) as Record<RowInputId, ReturnType<typeof typed>>;

/** The card's inputs as Teams posts them: strings, possibly empty. */
export const reviewFormValues = z.object({
  outcome: typed(20),
  risk: typed(20),
  ...rowInputs,
  nextReviewOn: typed(10),
  note: typed(1000),
});
export type ReviewFormValues = z.infer<typeof reviewFormValues>;

/**
 * "Save review". Content is judged by the review service, not here, so a bad date comes back as a reason beside the
 * field rather than as a broken-button error.
 */
export const reviewSubmitAction = reviewFormValues.extend({
  verb: z.literal("submit-review"),
  ref: crimeRef,
  basisReviewId: z.string().min(1).max(120).optional(),
}).strict();
export type ReviewSubmitAction = z.infer<typeof reviewSubmitAction>;

const filled = (s: string | undefined) => (s !== undefined && s.trim() !== "" ? s : undefined);
/** Rows the sergeant wrote in: a text or a target date (the owner is always preset, so it says nothing). */
const usedRows = (a: ReviewFormValues) => ROWS.filter((n) => filled(a[`a${n}Text`]) !== undefined || filled(a[`a${n}Target`]) !== undefined);

/** The service input the card's fields stand for; empty inputs are left out so the service applies its defaults. */
export function reviewInputFromAction(a: ReviewSubmitAction): Record<string, unknown> {
  const actions = usedRows(a).map((n) => ({
    text: a[`a${n}Text`] ?? "",
    ...(filled(a[`a${n}Owner`]) ? { ownerId: a[`a${n}Owner`] } : {}),
    ...(filled(a[`a${n}Target`]) ? { targetOn: a[`a${n}Target`] } : {}),
  }));
  return {
    ...(a.basisReviewId ? { basisReviewId: a.basisReviewId } : {}),
    ...(filled(a.outcome) ? { outcome: a.outcome } : {}),
    ...(filled(a.risk) ? { risk: a.risk } : {}),
    actions,
    ...(filled(a.nextReviewOn) ? { nextReviewOn: a.nextReviewOn } : {}),
    ...(filled(a.note) ? { note: a.note } : {}),
  };
}

const FIELD_LABEL: Record<string, string> = { outcome: "Outcome", risk: "Risk", nextReviewOn: "Next review", note: "Note", actions: "Next actions" };
const ROW_FIELD: Record<string, string> = { text: "text", ownerId: "owner", targetOn: "target date" };

/** The refused form, ready to draw again: the inputs as typed and each reason labelled with the field it is about. */
export function reviewFormAfterRefusal(a: ReviewSubmitAction, problems: readonly FieldProblem[]): ReviewForm {
  const { verb, ref, basisReviewId, ...values } = a;
  void verb; void ref; void basisReviewId;
  return { values, problems: labelProblems(problems, { field: "actions", name: "Action", used: usedRows(a), parts: ROW_FIELD }, FIELD_LABEL) };
}

export const reviewForm = z.object({
  values: reviewFormValues,
  problems: formProblems,
});
export type ReviewForm = z.infer<typeof reviewForm>;

/** The review service's view and, after a refusal, the form as typed with each reason. */
export const reviewCardData = reviewView.extend({ form: reviewForm.optional() });
export type ReviewCardData = z.infer<typeof reviewCardData>;

export const OUTCOME_LABEL: Record<z.infer<typeof reviewOutcome>, string> = {
  progressing: "Progressing",
  "actions-set": "Actions set",
  escalate: "Escalate to inspector",
  "submit-cps": "Submit to CPS",
  "close-nfa": "Close (NFA)",
};

function facts(d: ReviewCardData): { title: string; value: string }[] {
  const f = [
    { title: "Risk", value: riskLabel(d.risk) },
    { title: "Officer in charge", value: d.oicName },
    { title: "Last update", value: d.lastUpdatedOn ? `${formatDay(d.lastUpdatedOn)} (${days(d.daysSinceUpdate)} ago)` : `none (${days(d.daysSinceUpdate)} since opened)` },
    { title: "Last review", value: d.lastReviewedOn ? `${formatDay(d.lastReviewedOn)} (${days(d.daysSinceReview ?? 0)} ago)` : "never reviewed" },
    { title: "Review due", value: d.reviewOverdueDays > 0 ? `overdue ${days(d.reviewOverdueDays)} (${formatDay(d.reviewDueOn)})` : formatDay(d.reviewDueOn) },
    { title: "Bail", value: bailText(d.bail)?.text ?? "not on bail" },
  ];
  if (d.forensicsDays !== undefined) f.push({ title: "Forensics", value: `waiting ${days(d.forensicsDays)}${d.forensicsOverdue ? " (over the flag)" : ""}` });
  if (d.awaitingCpsSince) f.push({ title: "Awaiting CPS", value: `since ${formatDay(d.awaitingCpsSince)}` });
  return f;
}

const RISKS: Risk[] = ["very-high", "high", "medium", "low"];

/**
 * Adaptive Cards has no blank input value, and a template cannot leave a property out, so blank values are removed
 * after expansion (the card then shows the input empty, or its placeholder).
 */
export function withoutBlankInputValues(card: AdaptiveCardJson): AdaptiveCardJson {
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (!node || typeof node !== "object") return node;
    const o = node as Record<string, unknown>;
    const blank = typeof o.type === "string" && o.type.startsWith("Input.") && o.value === "";
    return Object.fromEntries(Object.entries(o).filter(([k]) => !(blank && k === "value")).map(([k, v]) => [k, strip(v)]));
  };
  return strip(card) as AdaptiveCardJson;
}

/** The review form (Adaptive Card 1.5); with `form` it is the refused form again, inputs as typed and reasons shown. */
export function buildReviewCard(input: ReviewCardData): AdaptiveCardJson {
  const d = reviewCardData.parse(input);
  const v: ReviewFormValues = d.form?.values ?? {};
  const text = (s: string | undefined) => s ?? "";
  const last = d.lastReview;
  const cadence = RISKS.map((r) => `${riskLabel(r).toLowerCase()} ${d.cadenceDays[r]} days`).join(", ");
  return withoutBlankInputValues(expandTemplate({
    heading: `Review ${d.ref}`,
    subheading: d.offenceCategory,
    facts: facts(d),
    hasLastReview: last !== undefined,
    lastReviewHeading: last
      ? `Last review ${formatDay(last.on)} by ${last.reviewerName}: ${OUTCOME_LABEL[last.outcome]}${last.actions.length === 0 ? ", no actions set" : ""}`
      : "",
    lastActions: (last?.actions ?? []).map((a) => ({ line: `- ${a.text} (${a.ownerName}, by ${formatDay(a.targetOn)})` })),
    hasProblems: (d.form?.problems.length ?? 0) > 0,
    problems: (d.form?.problems ?? []).map((p) => ({ line: `- ${p.reason}` })),
    values: { outcome: text(v.outcome), risk: text(v.risk ?? d.risk), nextReviewOn: text(v.nextReviewOn), note: text(v.note) },
    outcomes: reviewOutcome.options.map((o) => ({ title: OUTCOME_LABEL[o], value: o })),
    risks: RISKS.map((r) => ({ title: riskLabel(r), value: r })),
    actionsHint: `Next actions (up to ${MAX_REVIEW_ACTIONS}; owner defaults to the OIC, target to the next review)`,
    rows: ROWS.map((n) => ({
      label: `Action ${n}`,
      textId: `a${n}Text`,
      ownerInputId: `a${n}Owner`,
      targetId: `a${n}Target`,
      text: text(v[`a${n}Text`]),
      owner: text(v[`a${n}Owner`] ?? d.oicId),
      target: text(v[`a${n}Target`]),
    })),
    owners: d.owners,
    nextReviewHint: `Leave blank for the policy default for the risk you choose (${cadence}); at the latest ${formatDay(d.maxNextReviewOn)}.`,
    submitData: { ref: d.ref, ...(last ? { basisReviewId: last.id } : {}) },
  }));
}
