import { dueView, type DueItem, type DueView } from "../services/app/cases/due-view";
import type { CardVerb } from "./card-actions";
import { riskLabel } from "./case-line-text";
import { compileCard, type AdaptiveCardJson } from "./expand-card";
import { formatDay } from "./format-day";
import template from "./due.json";

/** The template, parsed once when the module loads. */
const expandTemplate = compileCard(template);

export const dueCardVerbs = ["open-case", "refresh"] as const satisfies readonly CardVerb[];

export const dueCardData = dueView;
export type DueCardData = DueView;

const AUTHORITY = { inspector: "inspector", superintendent: "superintendent", court: "court" } as const;
const WHAT: Record<DueItem["kind"], (i: DueItem) => string> = {
  review: () => "Supervisory review",
  "bail-ends": (i) => `Pre-charge bail ends${i.authority ? ` (extension needs ${AUTHORITY[i.authority]})` : ""}`,
  "rui-review": () => "RUI review",
  "first-action": () => "KIRAT first action",
};
const SCOPE: Record<DueView["scope"], string> = { own: "your cases", team: "your team's cases", teams: "your teams' cases" };

const line = (i: DueItem) => ({
  ref: i.ref,
  what: `${formatDay(i.on)} · ${WHAT[i.kind](i)}`,
  facts: `${i.ref} · ${i.offenceCategory} · Risk ${riskLabel(i.risk)} · OIC ${i.oicName}`,
});
const more = (n: number) => (n > 0 ? `…and ${n} more.` : "");

/** What falls due in the next seven days across the viewer's scope, with anything already overdue first. */
export function buildDueCard(input: DueCardData): AdaptiveCardJson {
  const view = dueCardData.parse(input);
  const sections = [
    { title: "Overdue", color: "attention", items: view.overdue.map(line), moreText: more(view.moreOverdue) },
    { title: `Due by ${formatDay(view.until)}`, color: "default", items: view.upcoming.map(line), moreText: more(view.moreUpcoming) },
  ].filter((s) => s.items.length > 0);
  return expandTemplate({
    heading: `Due: ${view.viewer.rank} ${view.viewer.name}`,
    subheading: `${formatDay(view.today)} to ${formatDay(view.until)}, ${SCOPE[view.scope]}`,
    sections,
  });
}
