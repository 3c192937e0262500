import { handoverDigest, type HandoverDigest, type HandoverReason } from "../services/app/handover/handover-view";
import { caseLineText } from "./case-line-text";
import { compileCard, type AdaptiveCardJson } from "./expand-card";
import { formatDay } from "./format-day";
import template from "./handover.json";

/** The template, parsed once when the module loads. */
const expandTemplate = compileCard(template);

/** `open-case` is the existing member of the card-action union; the digest adds no verb of its own. */
export const handoverVerbs = ["open-case"] as const;

export const handoverCardData = handoverDigest;
export type HandoverCardData = HandoverDigest;

const REASON: Record<HandoverReason, string> = { bail: "bail-critical", overdue: "review overdue", stale: "stale", "high-risk": "high risk" };

/** The new supervisor's digest (docs/domain-rules.md §6): every stale, overdue, high-risk or bail-critical case they inherit. */
export function buildHandoverCard(input: HandoverCardData): AdaptiveCardJson {
  const d = handoverCardData.parse(input);
  const c = d.counts;
  const listed = d.cases.length + d.more;
  const people = d.officers.length;
  return expandTemplate({
    heading: `Handover to ${d.supervisor.name}`,
    subheading: `${d.fromName ? `From ${d.fromName} · ` : ""}${people} officer${people === 1 ? "" : "s"} now report to you · as of ${formatDay(d.today)}`,
    countsLine: `${c.open} open cases: ${c.bail} bail-critical · ${c.overdue} reviews overdue · ${c.stale} stale · ${c.highRisk} high risk`,
    countsColor: c.bail > 0 || c.overdue > 0 ? "attention" : c.stale > 0 ? "warning" : "default",
    officers: d.officers.map((o) => ({ name: o.name, caseload: `${o.capacity.live} of ${o.capacity.capacity} cases${o.capacity.over ? " (at or over capacity)" : ""}` })),
    casesHeading: listed === 0 ? "None of the inherited cases is stale, overdue, high-risk or bail-critical." : `${listed} case${listed === 1 ? "" : "s"} to look at, worst first`,
    cases: d.cases.map((h) => ({ ref: h.case.ref, ...caseLineText(h.case), why: `Why: ${h.reasons.map((r) => REASON[r]).join(", ")}` })),
    moreText: d.more > 0 ? `…and ${d.more} more. Open an officer from "status" to see the rest.` : "",
  });
}
