import { caseDetail, type CaseDetail } from "../services/app/cases/case-detail-view";
import type { CardVerb } from "./card-actions";
import { bailText, caseLineText, riskLabel } from "./case-line-text";
import { compileCard, type AdaptiveCardJson } from "./expand-card";
import { days, formatDay } from "./format-day";
import template from "./case.json";

/** The template, parsed once when the module loads. */
const expandTemplate = compileCard(template);

export const caseCardVerbs = ["review", "confirm-progress", "choose-reassign", "open-case", "refresh"] as const satisfies readonly CardVerb[];

export const caseCardData = caseDetail;
export type CaseCardData = CaseDetail;

const OUTCOME: Record<NonNullable<CaseDetail["lastReview"]>["outcome"], string> = {
  progressing: "progressing",
  "actions-set": "actions set",
  escalate: "escalated to inspector",
  "submit-cps": "submit to CPS",
  "close-nfa": "close (NFA)",
};

function facts(d: CaseDetail): { title: string; value: string }[] {
  const f: { title: string; value: string }[] = [
    { title: "Risk", value: riskLabel(d.risk) },
    { title: "Officer in charge", value: d.oicName },
    { title: "Status", value: d.status === "open" ? "Open" : "Closed" },
    { title: "Opened", value: formatDay(d.openedOn) },
    { title: "Last update", value: `${d.lastUpdatedOn ? formatDay(d.lastUpdatedOn) : "none since opened"} (${days(d.daysSinceUpdate)} ago)` },
    {
      title: "Last review",
      value: d.lastReview
        ? `${formatDay(d.lastReview.on)} by ${d.lastReview.reviewerName}: ${OUTCOME[d.lastReview.outcome]}, ${d.lastReview.actionCount} action(s)`
        : d.lastReviewedOn ? formatDay(d.lastReviewedOn) : "never reviewed",
    },
    {
      title: "Next review",
      value: d.review.overdueDays > 0
        ? `overdue ${days(d.review.overdueDays)} (was due ${formatDay(d.review.dueOn)})`
        : `${formatDay(d.review.dueOn)} (every ${d.cadenceDays} days at this risk)`,
    },
    { title: "Escalates to inspector", value: d.review.escalated ? `since ${formatDay(d.escalateOn)}` : formatDay(d.escalateOn) },
  ];
  const bail = bailText(d.bail);
  if (bail) f.push({ title: "Bail", value: bail.text });
  if (d.bailStartedOn) f.push({ title: "Bail started", value: `${formatDay(d.bailStartedOn)} (${d.bailRegime === "pca-2017" ? "PCA 2017 rules" : "PCSC 2022 rules"})` });
  if (d.forensicsDays !== undefined) f.push({ title: "Forensics", value: `waiting ${days(d.forensicsDays)}${d.forensicsOverdue ? " (over the flag)" : ""}` });
  if (d.awaitingCpsSince) f.push({ title: "Awaiting CPS", value: `since ${formatDay(d.awaitingCpsSince)}` });
  if (d.kirat) {
    const state = d.kirat.met ? "met" : d.kirat.overdue ? "OVERDUE" : "pending";
    f.push({ title: "KIRAT first action", value: `${riskLabel(d.kirat.grade)} grade, due ${formatDay(d.kirat.dueOn)}: ${state}` });
  }
  return f;
}

/**
 * One case in full, within docs/domain-rules.md §8: reference, category, risk, dates and officer names only. An open case offers
 * "Confirm progress" to whoever may see it (the OIC or their chain); "Review now" and "Reassign" only to a supervisor,
 * because nobody reviews or reallocates their own case.
 */
export function buildCaseCard(input: CaseCardData): AdaptiveCardJson {
  const detail = caseCardData.parse(input);
  const text = caseLineText(detail);
  const open = detail.status === "open";
  const supervisor = detail.viewerRole === "supervisor";
  return expandTemplate({
    heading: detail.ref,
    subheading: detail.offenceCategory,
    flags: text.flags,
    color: text.color,
    facts: facts(detail),
    asOf: formatDay(detail.asOf),
    ref: detail.ref,
    canReview: open && supervisor,
    canConfirm: open,
    canReassign: open && supervisor,
  });
}
