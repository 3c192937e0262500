import { z } from "zod";
import type { StatusTotals } from "../services/app/status/status-view";
import type { TeamFigures, Thresholds } from "../services/app/team/team-figures-view";
import { teamStatusView, type TeamStatusView } from "../services/app/team/team-status-view";
import type { TextColor } from "./case-line-text";
import { compileCard, type AdaptiveCardJson } from "./expand-card";
import { days, formatDay } from "./format-day";
import template from "./team-status.json";

/** The template, parsed once when the module loads. */
const expandTemplate = compileCard(template);

/** "Open team" on a team's block: drills into that sergeant's team (cards/team-drilldown). */
export const openTeamAction = z.object({ verb: z.literal("open-team"), supervisorId: z.string().min(1).max(64) }).strict();
export type OpenTeamAction = z.infer<typeof openTeamAction>;

/** `refresh` (view "status") is the existing member of the card-action union. */
export const teamStatusVerbs = ["open-team", "refresh"] as const;

export const teamStatusCardData = teamStatusView;
export type TeamStatusCardData = TeamStatusView;

type Fact = { title: string; value: string };
const capacityWords = (c: { live: number; capacity: number }) => `${c.live} of ${c.capacity}`;

/** Each figure issue 6 asks for, with the policy's own thresholds in the labels so a force's settings read true. */
export function teamFacts(t: TeamFigures, th: Thresholds): Fact[] {
  const s = t.totals;
  return [
    { title: "Open cases", value: String(s.open) },
    { title: "Reviews overdue", value: s.reviewsOverdue === 0 ? "0" : `${s.reviewsOverdue} (worst ${days(s.worstOverdueDays)})` },
    { title: `Bail ending within ${th.bailSoonDays} days`, value: String(s.bailSoon) },
    { title: "Bail lapsed", value: String(s.bailLapsed) },
    { title: `No update over ${th.staleDays} days`, value: String(s.stale) },
    { title: `No update over ${th.redDays} days`, value: String(s.red) },
    { title: `Forensics waiting over ${th.forensicsDays} days`, value: String(s.forensicsOverdue) },
    { title: "Open action plans", value: String(t.openActionPlans) },
    { title: "Capacity used", value: `${t.capacity.percent}% (${capacityWords(t.capacity)} cases)` },
    {
      title: "At or over capacity",
      value: t.overCapacity.length === 0 ? "nobody" : t.overCapacity.map((o) => `${o.name} (${capacityWords(o)})`).join(", "),
    },
    { title: "Span of control", value: `${t.span.reports}${t.span.over ? ` (over the limit of ${t.span.limit})` : ""}` },
  ];
}

export function teamColor(t: TeamFigures): TextColor {
  const s = t.totals;
  if (s.bailLapsed > 0 || s.red > 0) return "attention";
  if (s.reviewsOverdue > 0 || s.bailSoon > 0 || s.stale > 0 || t.overCapacity.length > 0 || t.span.over) return "warning";
  return "good";
}

/** Things an inspector must not miss, in words, above the figures. */
export function teamAlert(t: TeamFigures): string {
  return [
    t.totals.bailLapsed > 0 ? `${t.totals.bailLapsed} bail lapsed` : "",
    t.totals.red > 0 ? `${t.totals.red} with no update for a year` : "",
    t.span.over ? `span of control ${t.span.reports} (limit ${t.span.limit})` : "",
  ].filter(Boolean).join(" · ");
}

export function teamTitle(t: TeamFigures): string {
  const absent = t.supervisorAbsent ? " · sergeant absent today" : "";
  const away = t.absentNow > 0 ? ` · ${t.absentNow} absent` : "";
  return `${t.supervisorName}'s team · ${t.people} ${t.people === 1 ? "person" : "people"}${away}${absent}`;
}

function totals(s: StatusTotals): string {
  return `${s.open} open · ${s.reviewsOverdue} reviews overdue · ${s.bailSoon} bail ending soon · ${s.bailLapsed} bail lapsed · ${s.stale} stale · ${s.red} stale over a year`;
}

/** One card for a DI or above: every sergeant's team, worst first, each with an "Open team" button. */
export function buildTeamStatusCard(input: TeamStatusCardData): AdaptiveCardJson {
  const view = teamStatusCardData.parse(input);
  const n = view.teams.length;
  return expandTemplate({
    heading: `Teams status: ${view.viewer.rank} ${view.viewer.name}`,
    subheading: `As of ${formatDay(view.today)} · ${n} team${n === 1 ? "" : "s"}, worst first`,
    totalsLine: totals(view.totals),
    totalsColor: view.totals.bailLapsed > 0 || view.totals.red > 0 ? "attention" : "default",
    emptyText: n === 0 ? "Nobody in your chain of command leads a team yet." : "",
    teams: view.teams.map((t) => ({
      title: teamTitle(t),
      color: teamColor(t),
      alert: teamAlert(t),
      facts: teamFacts(t, view.thresholds),
      supervisorId: t.supervisorId,
    })),
  });
}
