import { z } from "zod";
import { actionPlanView, MAX_OBJECTIVES } from "../services/app/plans/plan-view";
import type { FieldProblem } from "../services/app/workflow/form-view";
import { compileCard, type AdaptiveCardJson } from "./expand-card";
import { withoutBlankInputValues } from "./review";
import { formatDay } from "./format-day";
import { formProblems, labelProblems } from "./label-problems";
import template from "./action-plan.json";

/** The template, parsed once when the module loads. */
const expandTemplate = compileCard(template);

/** "start-plan" opens the form (digest suggestion, status button, `plan <officer>`); "propose-plan" sends it. */
export const actionPlanVerbs = ["start-plan", "propose-plan"] as const;

const officerId = z.string().min(1).max(64);
export const planStartAction = z.object({ verb: z.literal("start-plan"), officerId }).strict();

const ROWS = [1, 2, 3, 4, 5] as const satisfies readonly number[] & { length: typeof MAX_OBJECTIVES };
type Row = (typeof ROWS)[number];
type RowInputId = `o${Row}${"Text" | "Measure" | "Target"}`;
const typed = (max: number) => z.string().max(max).optional();
const rowInputs = Object.fromEntries(
  ROWS.flatMap((n) => [[`o${n}Text`, typed(300)], [`o${n}Measure`, typed(300)], [`o${n}Target`, typed(10)]]),
) as Record<RowInputId, ReturnType<typeof typed>>;

/** The form's inputs as Teams posts them (Input.Number may arrive as a number or a string). */
export const actionPlanFormValues = z.object({
  ...rowInputs,
  support: typed(1000),
  checkpointEveryDays: z.union([z.string().max(6), z.number()]).optional(),
  endsOn: typed(10),
});
export type ActionPlanFormValues = z.infer<typeof actionPlanFormValues>;

export const planProposeAction = actionPlanFormValues.extend({ verb: z.literal("propose-plan"), officerId }).strict();
export type PlanProposeAction = z.infer<typeof planProposeAction>;

const filled = (s: string | number | undefined) => (s !== undefined && String(s).trim() !== "" ? s : undefined);
const usedRows = (a: ActionPlanFormValues) => ROWS.filter((n) => [a[`o${n}Text`], a[`o${n}Measure`], a[`o${n}Target`]].some((v) => filled(v) !== undefined));

/** The action-plan service input these fields stand for; blanks are left out so policy defaults apply. */
export function planInputFromAction(a: PlanProposeAction): Record<string, unknown> {
  return {
    officerId: a.officerId,
    objectives: usedRows(a).map((n) => ({
      text: a[`o${n}Text`] ?? "",
      measure: a[`o${n}Measure`] ?? "",
      ...(filled(a[`o${n}Target`]) ? { targetOn: a[`o${n}Target`] } : {}),
    })),
    support: a.support ?? "",
    ...(filled(a.checkpointEveryDays) !== undefined ? { checkpointEveryDays: a.checkpointEveryDays } : {}),
    ...(filled(a.endsOn) ? { endsOn: a.endsOn } : {}),
  };
}

const FIELD_LABEL: Record<string, string> = { objectives: "Objectives", support: "Support", checkpointEveryDays: "Checkpoint every", endsOn: "Ends on" };
const ROW_FIELD: Record<string, string> = { text: "objective", measure: "measure", targetOn: "target date" };

export const actionPlanForm = z.object({ values: actionPlanFormValues, problems: formProblems });
export type ActionPlanForm = z.infer<typeof actionPlanForm>;

/** The refused form, ready to draw again with the inputs as typed and each reason labelled. */
export function actionPlanFormAfterRefusal(a: PlanProposeAction, problems: readonly FieldProblem[]): ActionPlanForm {
  const { verb, officerId: id, ...values } = a;
  void verb; void id;
  return { values, problems: labelProblems(problems, { field: "objectives", name: "Objective", used: usedRows(a), parts: ROW_FIELD }, FIELD_LABEL) };
}

/** The action-plan service's form view and, after a refusal, the form as typed with each reason. */
export const actionPlanCardData = actionPlanView.extend({ form: actionPlanForm.optional() });
export type ActionPlanCardData = z.infer<typeof actionPlanCardData>;

/** The action-plan form (Adaptive Card 1.5); with `form` it is the refused form again, as typed, with reasons. */
export function buildActionPlanCard(input: ActionPlanCardData): AdaptiveCardJson {
  const d = actionPlanCardData.parse(input);
  const v: ActionPlanFormValues = d.form?.values ?? {};
  const text = (s: string | number | undefined) => (s === undefined ? "" : String(s));
  return withoutBlankInputValues(expandTemplate({
    heading: `Action plan for ${d.officerName}`,
    subheading: d.staleCases !== undefined && d.staleCases > 0
      ? `Suggested: ${d.staleCases} stale case${d.staleCases === 1 ? "" : "s"}. Management action, before any formal procedure.`
      : "Management action, before any formal procedure.",
    hasProblems: (d.form?.problems.length ?? 0) > 0,
    problems: (d.form?.problems ?? []).map((p) => ({ line: `- ${p.reason}` })),
    objectivesHint: `Objectives (1 to ${MAX_OBJECTIVES}), each with a measure; a blank target date means the end of the plan`,
    rows: ROWS.map((n) => ({
      label: `Objective ${n}`,
      textId: `o${n}Text`, measureId: `o${n}Measure`, targetId: `o${n}Target`,
      text: text(v[`o${n}Text`]), measure: text(v[`o${n}Measure`]), target: text(v[`o${n}Target`]),
    })),
    values: { support: text(v.support), endsOn: text(v.endsOn) },
    checkpointPlaceholder: `${d.defaultCheckpointEveryDays}`,
    // Input.Number takes a number; anything else typed is dropped (the reason is listed above the form).
    checkpointValue: v.checkpointEveryDays !== undefined && String(v.checkpointEveryDays).trim() !== "" && Number.isFinite(Number(v.checkpointEveryDays)) ? Number(v.checkpointEveryDays) : "",
    defaultsHint: `Blank: a checkpoint every ${d.defaultCheckpointEveryDays} days, ending ${formatDay(d.defaultEndsOn)}. The plan may end ${formatDay(d.maxEndsOn)} at the latest.`,
    submitTitle: `Send to ${d.officerName} to acknowledge`,
    submitData: { officerId: d.officerId },
  }));
}
