import { z } from "zod";
import { officerCasesView, type OfficerCasesView } from "../services/app/team/officer-cases-view";
import { caseLineText } from "./case-line-text";
import { compileCard, type AdaptiveCardJson } from "./expand-card";
import { formatDay } from "./format-day";
import template from "./officer-cases.json";
import { officerExtra, officerLine, officerTitle } from "./team-drilldown";

/** The template, parsed once when the module loads. */
const expandTemplate = compileCard(template);

/** "Record absence" for this officer: opens the absence form with them chosen (cards/absence). */
export const absenceFormAction = z.object({ verb: z.literal("absence-form"), officerId: z.string().min(1).max(64).optional() }).strict();
export type AbsenceFormAction = z.infer<typeof absenceFormAction>;

/**
 * `choose-reassign` comes from cards/reassign, `open-team` from cards/team-status and `open-case` from the existing
 * card-action union.
 */
export const officerCasesVerbs = ["open-case", "choose-reassign", "absence-form", "open-team"] as const;

export const officerCasesCardData = officerCasesView;
export type OfficerCasesCardData = OfficerCasesView;

/** One officer's open cases, worst first, each with Open and Reassign. */
export function buildOfficerCasesCard(input: OfficerCasesCardData): AdaptiveCardJson {
  const view = officerCasesCardData.parse(input);
  const o = view.officer;
  const total = view.cases.length + view.more;
  return expandTemplate({
    heading: `${officerTitle(o)}: ${total} open case${total === 1 ? "" : "s"}`,
    subheading: `As of ${formatDay(view.today)} · worst first`,
    ...officerLine(o),
    extra: officerExtra(o),
    emptyText: total === 0 ? "No open cases." : "",
    cases: view.cases.map((c) => ({ ref: c.ref, ...caseLineText(c) })),
    moreText: view.more > 0 ? `…and ${view.more} more, less urgent.` : "",
    officerId: o.officerId,
    // Only a supervisor records someone's absence; nobody records their own.
    canRecordAbsence: o.officerId !== view.viewer.id,
    teamSupervisorId: view.teamSupervisorId ?? "",
  });
}
