import { z } from "zod";
import { checkpointResult } from "../services/domain/action-plan";
import { isoDate } from "../services/domain/dates";
import {
  checkpointResultView, MAX_OBJECTIVES, planCheckpointView, planCloseOutcome, planId, type PlanCloseOutcome,
} from "../services/app/plans/plan-view";
import type { FieldProblem } from "../services/app/workflow/form-view";
import { compileCard, type AdaptiveCardJson } from "./expand-card";
import { withoutBlankInputValues } from "./review";
import { formatDay } from "./format-day";
import { formProblems } from "./label-problems";
import { objectiveLine, planFacts, planStatusLabel } from "./plan-acknowledge";
import template from "./plan-checkpoint.json";

/** The template, parsed once when the module loads. */
const expandTemplate = compileCard(template);

/** The supervisor's buttons: record this checkpoint, or close the plan with an outcome. */
export const planCheckpointVerbs = ["record-checkpoint", "close-plan"] as const;

const ROWS = [1, 2, 3, 4, 5] as const satisfies readonly number[] & { length: typeof MAX_OBJECTIVES };
type Row = (typeof ROWS)[number];
const typed = (max: number) => z.string().max(max).optional();
const rowInputs = Object.fromEntries(ROWS.flatMap((n) => [[`r${n}`, typed(10)], [`n${n}`, typed(500)]])) as Record<`${"r" | "n"}${Row}`, ReturnType<typeof typed>>;

export const planCheckpointFormValues = z.object(rowInputs);
export type PlanCheckpointFormValues = z.infer<typeof planCheckpointFormValues>;

export const planCheckpointAction = planCheckpointFormValues.extend({
  verb: z.literal("record-checkpoint"),
  planId,
  checkpointOn: isoDate,
  /** How many objectives the card showed, so a result left blank is reported rather than shifting the others. */
  objectiveCount: z.number().int().min(1).max(MAX_OBJECTIVES),
}).strict();
export type PlanCheckpointAction = z.infer<typeof planCheckpointAction>;

/** Close buttons send no inputs (`associatedInputs: none`), only the outcome. */
export const planCloseAction = z.object({ verb: z.literal("close-plan"), planId, outcome: planCloseOutcome }).strict();
export type PlanCloseAction = z.infer<typeof planCloseAction>;

const filled = (s: string | undefined) => (s !== undefined && s.trim() !== "" ? s : undefined);

/** The checkpoint service input: one result per objective shown, in order; blanks are left for the service to name. */
export function checkpointInputFromAction(a: PlanCheckpointAction): Record<string, unknown> {
  return {
    checkpointOn: a.checkpointOn,
    results: ROWS.slice(0, a.objectiveCount).map((n) => ({
      ...(filled(a[`r${n}`]) ? { result: a[`r${n}`] } : {}),
      ...(filled(a[`n${n}`]) ? { note: a[`n${n}`] } : {}),
    })),
  };
}

export const planCheckpointForm = z.object({ values: planCheckpointFormValues, problems: formProblems });
export type PlanCheckpointForm = z.infer<typeof planCheckpointForm>;

export function checkpointFormAfterRefusal(a: PlanCheckpointAction, problems: readonly FieldProblem[]): PlanCheckpointForm {
  const { verb, planId: id, checkpointOn, objectiveCount, ...values } = a;
  void verb; void id; void checkpointOn; void objectiveCount;
  return {
    values,
    problems: problems.map((p) => {
      const [head, index] = p.field.split(".");
      const label = head === "results" && index !== undefined ? `Objective ${Number(index) + 1}` : "Checkpoint";
      return { field: p.field, reason: `${label}: ${p.reason}` };
    }),
  };
}

/** The plan service's checkpoint view and, after a refusal, the form as typed with each reason. */
export const planCheckpointCardData = planCheckpointView.extend({ form: planCheckpointForm.optional() });
export type PlanCheckpointCardData = z.input<typeof planCheckpointCardData>;

const RESULT_LABEL: Record<z.infer<typeof checkpointResult>, string> = { met: "Met", partly: "Partly met", "not-met": "Not met" };
const CLOSE_LABEL: Record<PlanCloseOutcome, string> = { completed: "Close: completed", extended: "Close: extend with a new plan", referred: "Close: refer to formal procedure" };

function heading(d: z.infer<typeof planCheckpointCardData>): string {
  const who = d.byName ? ` by ${d.byName}${d.atLabel ? ` at ${d.atLabel}` : ""}` : "";
  if (d.mode === "closed") return `Action plan for ${d.officerName} ${d.already ? "was already closed" : "closed"}${who}: ${planStatusLabel(d.status)}`;
  if (d.mode === "recorded") return `Checkpoint${d.checkpointOn ? ` of ${formatDay(d.checkpointOn)}` : ""} ${d.already ? "already recorded" : "recorded"}${who}`;
  return `Action plan checkpoint for ${d.officerName}${d.checkpointOn ? `, due ${formatDay(d.checkpointOn)}` : ""}`;
}

const tally = (rs: readonly z.infer<typeof checkpointResultView>[]) =>
  (["met", "partly", "not-met"] as const).map((r) => [r, rs.filter((x) => x.result === r).length] as const).filter(([, n]) => n > 0)
    .map(([r, n]) => `${n} ${RESULT_LABEL[r].toLowerCase()}`).join(", ");

/** The checkpoint card (Adaptive Card 1.5). */
export function buildPlanCheckpointCard(input: PlanCheckpointCardData): AdaptiveCardJson {
  const d = planCheckpointCardData.parse(input);
  const v: PlanCheckpointFormValues = d.form?.values ?? {};
  const open = d.status === "proposed" || d.status === "active";
  const isInput = d.mode === "record" && d.checkpointOn !== undefined && open;
  return withoutBlankInputValues(expandTemplate({
    heading: heading(d),
    subheading: d.missedCheckpoints > 0 ? `${d.missedCheckpoints} checkpoint${d.missedCheckpoints === 1 ? "" : "s"} missed so far` : "No checkpoints missed",
    subheadingColor: d.missedCheckpoints > 0 ? "attention" : "default",
    facts: planFacts(d),
    hasProblems: (d.form?.problems.length ?? 0) > 0,
    problems: (d.form?.problems ?? []).map((p) => ({ line: `- ${p.reason}` })),
    objectives: d.objectives.map((o, i) => {
      const r = d.results?.[i];
      const n = ROWS[i] ?? 1;
      return {
        line: objectiveLine(o, i),
        hasResult: r !== undefined,
        resultLine: r ? `${RESULT_LABEL[r.result]}${r.note ? `: ${r.note}` : ""}` : "",
        isInput,
        resultId: `r${n}`, noteId: `n${n}`,
        result: v[`r${n}`] ?? "", note: v[`n${n}`] ?? "",
      };
    }),
    results: checkpointResult.options.map((r) => ({ title: RESULT_LABEL[r], value: r })),
    hasHistory: d.history.length > 0,
    history: d.history.map((h) => ({ line: `- ${formatDay(h.dueOn)} (${h.byName}): ${tally(h.results)}` })),
    canRecord: isInput,
    recordData: { verb: "record-checkpoint", planId: d.planId, checkpointOn: d.checkpointOn ?? "", objectiveCount: d.objectives.length },
    canClose: d.mode !== "closed" && open,
    closeButtons: planCloseOutcome.options.map((outcome) => ({ title: CLOSE_LABEL[outcome], data: { verb: "close-plan", planId: d.planId, outcome } })),
  }));
}
