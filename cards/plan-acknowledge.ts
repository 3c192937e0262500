import { z } from "zod";
import type { objective, planStatus } from "../services/domain/action-plan";
import { planAcknowledgeView, planId, type PlanAcknowledgeView, type PlanSummary } from "../services/app/plans/plan-view";
import { compileCard, type AdaptiveCardJson } from "./expand-card";
import { formatDay } from "./format-day";
import template from "./plan-acknowledge.json";

/** The template, parsed once when the module loads. */
const expandTemplate = compileCard(template);

/** "open-plan" shows a plan (digest checkpoint items); "acknowledge-plan" is the officer's one click. */
export const planAcknowledgeVerbs = ["open-plan", "acknowledge-plan"] as const;

export const planOpenAction = z.object({ verb: z.literal("open-plan"), planId }).strict();
export const planAcknowledgeAction = z.object({ verb: z.literal("acknowledge-plan"), planId }).strict();

const STATUS: Record<z.infer<typeof planStatus>, string> = {
  proposed: "Proposed, awaiting acknowledgement",
  active: "Active",
  completed: "Closed: completed",
  extended: "Closed: extended",
  referred: "Closed: referred to the formal procedure",
};
export const planStatusLabel = (s: z.infer<typeof planStatus>) => STATUS[s];

export function planFacts(d: PlanSummary): { title: string; value: string }[] {
  return [
    { title: "Officer", value: d.officerName },
    { title: "Proposed by", value: d.proposerName },
    { title: "Status", value: STATUS[d.status] },
    { title: "Runs", value: `${formatDay(d.startsOn)} to ${formatDay(d.endsOn)}` },
    { title: "Checkpoints", value: `every ${d.checkpointEveryDays} days${d.nextCheckpointOn ? `; next ${formatDay(d.nextCheckpointOn)}` : ""}` },
  ];
}

export const objectiveLine = (o: z.infer<typeof objective>, i: number) => `${i + 1}. ${o.text} (measure: ${o.measure}; by ${formatDay(o.targetOn)})`;

function heading(d: z.infer<typeof planAcknowledgeView>): string {
  if (d.mode === "to-acknowledge") return `${d.proposerName} has proposed an action plan for you`;
  if (d.mode === "sent") return `Action plan sent to ${d.officerName} to acknowledge`;
  return `${d.already ? "Already acknowledged" : "Acknowledged"} by ${d.byName ?? d.officerName}${d.atLabel ? ` at ${d.atLabel}` : ""}`;
}

/** The plan for acknowledgement, or its read-only copy (Adaptive Card 1.5). */
export function buildPlanAcknowledgeCard(input: PlanAcknowledgeView): AdaptiveCardJson {
  const d = planAcknowledgeView.parse(input);
  return expandTemplate({
    heading: heading(d),
    subheading: "Management action (informal), before any formal procedure.",
    facts: planFacts(d),
    objectives: d.objectives.map((o, i) => ({ line: objectiveLine(o, i) })),
    support: d.support === "" ? "none recorded" : d.support,
    canAcknowledge: d.mode === "to-acknowledge",
    acknowledgeData: { verb: "acknowledge-plan", planId: d.planId },
  });
}
