import { z } from "zod";
import { isoDate } from "../services/domain/dates";
import type { OfficerFigures } from "../services/app/team/team-figures-view";
import { teamDrilldownView, type TeamDrilldownView } from "../services/app/team/team-drilldown-view";
import type { TextColor } from "./case-line-text";
import { compileCard, type AdaptiveCardJson } from "./expand-card";
import { formatDay } from "./format-day";
import template from "./team-drilldown.json";
import { teamColor } from "./team-status";

/** The template, parsed once when the module loads. */
const expandTemplate = compileCard(template);

const officerId = z.string().min(1).max(64);

/** "Open officer": that officer's open cases (cards/officer-cases). */
export const openOfficerAction = z.object({ verb: z.literal("open-officer"), officerId }).strict();
export type OpenOfficerAction = z.infer<typeof openOfficerAction>;

/** "1:1 done today": the supervisor records the date of a 1:1 (docs/domain-rules.md §7: the date only). */
export const recordOneToOneAction = z.object({ verb: z.literal("record-one-to-one"), officerId, on: isoDate }).strict();
export type RecordOneToOneAction = z.infer<typeof recordOneToOneAction>;

/** `open-team` comes from cards/team-status, `refresh` (view "status") from the existing union. */
export const teamDrilldownVerbs = ["open-officer", "record-one-to-one", "open-team", "refresh"] as const;

export const teamDrilldownCardData = teamDrilldownView;
export type TeamDrilldownCardData = TeamDrilldownView;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Caseload against capacity first, then only the counts that are not zero. */
export function officerLine(o: OfficerFigures): { line: string; color: TextColor } {
  const c = o.capacity;
  const parts = [`Caseload ${c.live} of ${c.capacity} (${c.percent}%${c.over ? ", at or over capacity" : ""})`];
  if (o.bailLapsed > 0) parts.push(`${o.bailLapsed} bail lapsed`);
  if (o.bailSoon > 0) parts.push(`${o.bailSoon} bail ending soon`);
  if (o.reviewsOverdue > 0) parts.push(plural(o.reviewsOverdue, "review overdue", "reviews overdue"));
  if (o.red > 0) parts.push(`${o.red} with no update for a year`);
  if (o.stale > 0) parts.push(`${o.stale} stale`);
  if (o.forensicsOverdue > 0) parts.push(`${o.forensicsOverdue} forensics overdue`);
  const color: TextColor = o.bailLapsed > 0 || o.red > 0 || c.over ? "attention" : o.reviewsOverdue > 0 || o.stale > 0 || o.bailSoon > 0 ? "warning" : "default";
  return { line: parts.join(" · "), color };
}

export function officerTitle(o: OfficerFigures): string {
  const hours = o.hoursPerWeek === 40 ? "" : ` · ${o.hoursPerWeek}h a week`;
  const absent = !o.absentNow ? "" : o.absentUntil ? ` · absent until ${formatDay(o.absentUntil)}` : " · absent, no return date";
  return `${o.name}${hours}${absent}`;
}

export function officerExtra(o: OfficerFigures): string {
  return [o.lastOneToOneOn ? `Last 1:1 ${formatDay(o.lastOneToOneOn)}` : "", o.openActionPlan ? "Action plan open" : ""].filter(Boolean).join(" · ");
}

/** One team's officers, worst first, each with "Open officer" (and "1:1 done today" for their own sergeant). */
export function buildTeamDrilldownCard(input: TeamDrilldownCardData): AdaptiveCardJson {
  const view = teamDrilldownCardData.parse(input);
  const t = view.team;
  const isLead = view.viewer.id === t.supervisorId;
  const summary = [
    `${t.totals.open} open cases`,
    `capacity used ${t.capacity.percent}% (${t.capacity.live} of ${t.capacity.capacity})`,
    `span of control ${t.span.reports}${t.span.over ? ` (over the limit of ${t.span.limit})` : ""}`,
    plural(t.openActionPlans, "open action plan", "open action plans"),
  ].join(" · ");
  return expandTemplate({
    heading: `${t.supervisorName}'s team`,
    subheading: `As of ${formatDay(view.today)} · ${plural(t.people, "person", "people")}, worst first`,
    summary,
    summaryColor: teamColor(t),
    emptyText: view.officers.length === 0 ? "Nobody reports to this supervisor." : "",
    officers: view.officers.map((o) => ({
      officerId: o.officerId,
      title: officerTitle(o),
      ...officerLine(o),
      extra: officerExtra(o),
      canOneToOne: isLead && o.officerId !== view.viewer.id,
    })),
    today: view.today,
    supervisorId: t.supervisorId,
    showAllTeams: !isLead,
  });
}
