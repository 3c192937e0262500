import { z } from "zod";
import { statusCardContent, type StatusTotals, type StatusView } from "../services/app/status/status-view";
import type { CardVerb } from "./card-actions";
import { caseLineText, type TextColor } from "./case-line-text";
import { compileCard, type AdaptiveCardJson } from "./expand-card";
import { days, formatDay } from "./format-day";
import template from "./status.json";

/** The template, parsed once when the module loads. */
const expandTemplate = compileCard(template);

export const statusCardVerbs = ["refresh", "open-case", "mark-seen", "start-plan"] as const satisfies readonly CardVerb[];

export const statusCardData = statusCardContent.extend({
  /** How the seen line reads: on a fresh card, right after the click, or on a repeated click. */
  seenWording: z.enum(["seen", "marked", "already"]).default("seen"),
  /** Read-only: what everyone else in a group chat or channel sees once the action is done. */
  frozen: z.boolean().default(false),
  /**
   * Officers with enough stale cases for an action plan (docs/domain-rules.md §4), from the plan service's suggestions. Left empty
   * in group chats and channels, where others would see employment data.
   */
  planSuggestions: z.array(z.object({ officerId: z.string().min(1).max(64), staleCases: z.number().int().min(0) })).default([]),
});
export type StatusCardData = z.input<typeof statusCardData>;

const HEADINGS: Record<StatusView["role"], string> = { detective: "Your cases", sergeant: "Team status", inspector: "Teams status" };
const SEEN: Record<"seen" | "marked" | "already", string> = {
  seen: "Seen by",
  marked: "Marked as seen by",
  already: "Already marked as seen by",
};

function totalsFacts(t: StatusTotals, th: StatusView["thresholds"]): { title: string; value: string }[] {
  return [
    { title: "Open cases", value: String(t.open) },
    { title: "Reviews overdue", value: t.reviewsOverdue === 0 ? "0" : `${t.reviewsOverdue} (worst ${days(t.worstOverdueDays)})` },
    { title: `Bail ending within ${th.bailSoonDays} days`, value: String(t.bailSoon) },
    { title: "Bail lapsed", value: String(t.bailLapsed) },
    { title: `No update over ${th.staleDays} days`, value: String(t.stale) },
    { title: `No update over ${th.redDays} days`, value: String(t.red) },
    { title: `Forensics waiting over ${th.forensicsDays} days`, value: String(t.forensicsOverdue) },
  ];
}

function totalsLine(t: StatusTotals): { line: string; color: TextColor } {
  const line = [
    `${t.open} open`,
    `${t.reviewsOverdue} reviews overdue${t.reviewsOverdue > 0 ? ` (worst ${days(t.worstOverdueDays)})` : ""}`,
    `${t.bailSoon} bail ending soon`,
    `${t.bailLapsed} bail lapsed`,
    `${t.stale} stale`,
    `${t.red} stale over a year`,
    `${t.forensicsOverdue} forensics overdue`,
  ].join(" · ");
  const color: TextColor = t.bailLapsed > 0 || t.red > 0 ? "attention" : t.reviewsOverdue > 0 || t.bailSoon > 0 || t.stale > 0 ? "warning" : "good";
  return { line, color };
}

const capacityText = (c: { live: number; capacity: number; over: boolean }) => `${c.live} of ${c.capacity}${c.over ? " (at or over capacity)" : ""}`;

/** Status for a detective (own cases), a sergeant (team) or an inspector and above (one line per team). */
export function buildStatusCard(input: StatusCardData): AdaptiveCardJson {
  const { view, seen, seenWording, frozen, planSuggestions } = statusCardData.parse(input);
  const suggested = new Map(planSuggestions.map((p) => [p.officerId, p.staleCases]));
  const facts = totalsFacts(view.totals, view.thresholds);
  if (view.capacity) facts.push({ title: "Your caseload", value: capacityText(view.capacity) });
  if (view.span) facts.push({ title: "People you supervise", value: `${view.span.reports}${view.span.over ? ` (over the limit of ${view.span.limit})` : ""}` });
  const more =
    view.moreCases === 0 ? ""
      : view.role === "detective" ? `…and ${view.moreCases} more. Type "my cases" for the full list.`
        : `…and ${view.moreCases} more needing attention. Type "due" for what falls due this week.`;
  return expandTemplate({
    heading: `${HEADINGS[view.role]}: ${view.viewer.rank} ${view.viewer.name}`,
    subheading: `As of ${formatDay(view.today)}`,
    facts,
    teams: view.teams.map((t) => {
      const extras = [
        t.overCapacity.length > 0 ? `Over capacity: ${t.overCapacity.join(", ")}` : "",
        t.span.over ? `Span of control ${t.span.reports} (limit ${t.span.limit})` : "",
      ].filter(Boolean);
      return { title: `${t.leadName}'s team · ${t.people} people`, ...totalsLine(t.totals), extra: extras.join(" · ") };
    }),
    officers: view.officers.map((o) => {
      const stale = suggested.get(o.id);
      return {
        title: `${o.rank} ${o.name}${o.absent ? " (absent today)" : ""}`,
        line: `Caseload ${capacityText(o.capacity)} · ${o.reviewsOverdue} reviews overdue · ${o.stale} stale · ${o.bailSoon} bail ending soon`,
        color: (o.capacity.over || o.reviewsOverdue > 0 ? "attention" : o.stale > 0 ? "warning" : "default") satisfies TextColor,
        planText: stale === undefined ? "" : `${stale} stale cases: an action plan is suggested`,
        canPlan: stale !== undefined && !frozen,
        officerId: o.id,
      };
    }),
    casesHeading: view.role === "detective" ? "Your open cases, worst first" : "Needs attention, worst first",
    cases: view.cases.map((c) => ({ ref: c.ref, ...caseLineText(c) })),
    moreText: more,
    seenText: seen ? `${SEEN[seenWording]} ${seen.byName} at ${seen.atLabel}` : "",
    frozen,
    canMarkSeen: !frozen && !seen && view.role !== "detective",
    markSeen: { officerId: view.viewer.id, on: view.today },
  });
}
