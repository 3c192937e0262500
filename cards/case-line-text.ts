import type { Risk } from "../services/domain/case";
import type { BailBand, CaseLine } from "../services/app/cases/case-line-view";
import { days, formatDay } from "./format-day";

export type TextColor = "default" | "good" | "warning" | "attention";

const RISK: Record<Risk, string> = { low: "Low", medium: "Medium", high: "High", "very-high": "Very high" };
export const riskLabel = (r: Risk) => RISK[r];

/** Bail colours follow the service's urgency band, so they move with the policy's cut-offs. */
const BAND_COLOR: Record<BailBand, TextColor> = { critical: "attention", near: "warning", later: "default" };

const AUTHORITY = { inspector: "an inspector", superintendent: "a superintendent", court: "a court application" } as const;

/** The bail part of a case line, in words; never the conditions (docs/domain-rules.md §8). */
export function bailText(bail: CaseLine["bail"]): { text: string; color: TextColor } | undefined {
  if (!bail) return undefined;
  if (bail.kind === "rui") return { text: `RUI since ${formatDay(bail.since)}, next review ${formatDay(bail.nextReviewOn)}`, color: "default" };
  if (bail.treatedAsExtended) return { text: `Bail treated as extended pending court (ended ${formatDay(bail.endsOn)})`, color: "warning" };
  if (bail.lapsed) return { text: `Bail LAPSED ${formatDay(bail.endsOn)}`, color: "attention" };
  const step = bail.authority ? `; extension needs ${AUTHORITY[bail.authority]}` : "";
  const when = bail.daysLeft === 0 ? "today" : `in ${days(bail.daysLeft)}`;
  return { text: `Bail ends ${formatDay(bail.endsOn)} (${when})${step}`, color: BAND_COLOR[bail.band] };
}

/** A case as three short lines for a list card, with a colour for the worst thing about it. */
export function caseLineText(line: CaseLine): { title: string; facts: string; flags: string; color: TextColor } {
  const flags: { text: string; color: TextColor }[] = [];
  const bail = bailText(line.bail);
  if (bail) flags.push(bail);
  if (line.review.overdueDays > 0) {
    flags.push({ text: `Review overdue ${days(line.review.overdueDays)}${line.review.escalated ? " (escalated)" : ""}`, color: "attention" });
  } else {
    flags.push({ text: `Review due ${formatDay(line.review.dueOn)}`, color: "default" });
  }
  if (line.staleLevel !== "fresh") {
    flags.push({ text: `No update for ${days(line.daysSinceUpdate)}`, color: line.staleLevel === "oic" ? "warning" : "attention" });
  }
  if (line.forensicsDays !== undefined) {
    flags.push({ text: `Forensics waiting ${days(line.forensicsDays)}`, color: line.forensicsOverdue ? "warning" : "default" });
  }
  const color: TextColor = flags.some((f) => f.color === "attention") ? "attention" : flags.some((f) => f.color === "warning") ? "warning" : "default";
  return {
    title: `${line.ref} · ${line.offenceCategory}`,
    facts: `Risk ${riskLabel(line.risk)} · OIC ${line.oicName}`,
    flags: flags.map((f) => f.text).join(" · "),
    color,
  };
}
