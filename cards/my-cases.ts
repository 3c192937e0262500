import { myCasesView, type MyCasesView } from "../services/app/cases/my-cases-view";
import type { CardVerb } from "./card-actions";
import { caseLineText } from "./case-line-text";
import { compileCard, type AdaptiveCardJson } from "./expand-card";
import { formatDay } from "./format-day";
import template from "./my-cases.json";

/** The template, parsed once when the module loads. */
const expandTemplate = compileCard(template);

export const myCasesCardVerbs = ["open-case", "confirm-progress", "refresh"] as const satisfies readonly CardVerb[];

export const myCasesCardData = myCasesView;
export type MyCasesCardData = MyCasesView;

/** The officer's own open cases as OIC, worst first, each with Open and a one-click "Confirm progress" (issue 5 §2). */
export function buildMyCasesCard(input: MyCasesCardData): AdaptiveCardJson {
  const view = myCasesCardData.parse(input);
  const total = view.cases.length + view.more;
  return expandTemplate({
    heading: `My cases: ${view.viewer.rank} ${view.viewer.name}`,
    subheading: `As of ${formatDay(view.today)} · ${total} open case${total === 1 ? "" : "s"} as officer in charge, worst first`,
    cases: view.cases.map((c) => ({ ref: c.ref, ...caseLineText(c) })),
    emptyText: total === 0 ? "You are not the officer in charge of any open case." : "",
    moreText: view.more > 0 ? `…and ${view.more} more, less urgent.` : "",
  });
}
