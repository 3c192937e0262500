import type { ActionPlanDoc } from "../../domain/action-plan";
import type { CaseDoc } from "../../domain/case";
import type { IsoDate } from "../../domain/dates";
import { rankLevel, type Officer } from "../../domain/officer";
import type { Policy } from "../../domain/policy";
import { currentAbsence } from "../../rules/absence";
import { capacity, capacityUsage, spanOfControl } from "../../rules/workload";
import { describeCase } from "../cases/case-line";
import type { CaseLine } from "../cases/case-line-view";
import type { Scope } from "../scope/chain-of-command";
import { totalsOf } from "../status/status-figures";
// The figures' schemas are in team-figures-view.ts, where the cards read them; this file computes them.
import type { CapacityFigure, OfficerFigures, TeamFigures, Thresholds } from "./team-figures-view";

export function thresholdsOf(policy: Policy): Thresholds {
  return {
    staleDays: policy.progress.alertSergeantAfterDays,
    redDays: policy.progress.redAfterDays,
    forensicsDays: policy.progress.forensicsFlagAfterDays,
    bailSoonDays: policy.status.bailSoonDays,
    spanLimit: policy.workload.spanOfControlWarnAbove,
  };
}

export const nameOf = (o: Officer): string => `${o.rank} ${o.name}`;

/** An action plan still running: proposed (awaiting acknowledgement) or active (docs/domain-rules.md §4). */
export const isOpenPlan = (p: ActionPlanDoc): boolean => p.status === "active" || p.status === "proposed";

export const percentOf = (live: number, cap: number): number => (cap > 0 ? Math.round((live / cap) * 100) : live > 0 ? 999 : 0);

function capacityOf(live: number, cap: number, over: boolean): CapacityFigure {
  return { live, capacity: Math.round(cap * 10) / 10, percent: percentOf(live, cap), over };
}

/** One officer's live cases against their pro-rata capacity, as a card shows it. */
export function capacityFigureOf(o: Officer, live: number, policy: Policy): CapacityFigure {
  const u = capacityUsage(o, live, policy);
  return capacityOf(u.live, u.capacity, u.over);
}

/** Every case described once, grouped by OIC; each figure below is counted from these lines. */
export function linesByOic(cases: readonly CaseDoc[], officers: ReadonlyMap<string, Officer>, policy: Policy, today: IsoDate): Map<string, CaseLine[]> {
  const byOic = new Map<string, CaseLine[]>();
  for (const c of cases) {
    const line = describeCase(c, officers.get(c.oicId), policy, today);
    const own = byOic.get(c.oicId);
    if (own) own.push(line);
    else byOic.set(c.oicId, [line]);
  }
  return byOic;
}

export function officerFiguresOf(
  o: Officer,
  lines: readonly CaseLine[],
  plans: readonly ActionPlanDoc[],
  policy: Policy,
  today: IsoDate,
): OfficerFigures {
  const t = totalsOf(lines, policy);
  const absence = currentAbsence(o, today);
  return {
    officerId: o.id,
    name: nameOf(o),
    hoursPerWeek: o.hoursPerWeek,
    capacity: capacityFigureOf(o, lines.length, policy),
    reviewsOverdue: t.reviewsOverdue,
    stale: t.stale,
    red: t.red,
    bailSoon: t.bailSoon,
    bailLapsed: t.bailLapsed,
    forensicsOverdue: t.forensicsOverdue,
    absentNow: absence !== undefined,
    ...(absence?.to !== undefined ? { absentUntil: absence.to } : {}),
    ...(o.lastOneToOneOn !== undefined ? { lastOneToOneOn: o.lastOneToOneOn } : {}),
    openActionPlan: plans.some((p) => p.officerId === o.id && isOpenPlan(p)),
  };
}

/**
 * The teams an inspector's card shows: every supervisor below inspector rank with people under them (the same rule
 * as the status card, so both count the same teams). The viewer's own direct detectives, if any, are not a team.
 */
export function teamLeads(scope: Scope): Officer[] {
  return [...scope.officers.values()].filter(
    (o) => o.id !== scope.viewer.id && rankLevel[o.rank] < rankLevel.DI && scope.reportsOf(o.id).length > 0,
  );
}

/**
 * One sergeant's team. Cases count every OIC in the team, the sergeant included; capacity counts the people below
 * the sergeant only, because a sergeant's contracted hours are for supervising, not for carrying a caseload.
 * Capacity uses contracted hours whether or not someone is absent today: absence is shown beside it, not netted off.
 */
export function teamFiguresOf(
  lead: Officer,
  scope: Scope,
  byOic: ReadonlyMap<string, readonly CaseLine[]>,
  plans: readonly ActionPlanDoc[],
  policy: Policy,
  today: IsoDate,
): TeamFigures {
  const everyone = scope.teamOf(lead.id);
  const members = everyone.filter((m) => m.id !== lead.id);
  const teamLines = everyone.flatMap((m) => byOic.get(m.id) ?? []);
  const memberFigures = members.map((m) => officerFiguresOf(m, byOic.get(m.id) ?? [], plans, policy, today));
  const live = memberFigures.reduce((n, f) => n + f.capacity.live, 0);
  // Summed from the unrounded pro-rata capacities, so 3 × 24h is 21.6 and not 3 × 7.2 rounded.
  const cap = members.reduce((n, m) => n + capacity(m, policy), 0);
  const span = spanOfControl(scope.reportsOf(lead.id).length, policy);
  const ids = new Set(everyone.map((m) => m.id));
  return {
    supervisorId: lead.id,
    supervisorName: nameOf(lead),
    supervisorAbsent: currentAbsence(lead, today) !== undefined,
    people: members.length,
    totals: totalsOf(teamLines, policy),
    openActionPlans: plans.filter((p) => ids.has(p.officerId) && isOpenPlan(p)).length,
    capacity: capacityOf(live, cap, live >= cap && cap > 0),
    overCapacity: memberFigures
      .filter((f) => f.capacity.over)
      .sort(worstOfficerFirst)
      .map((f) => ({ officerId: f.officerId, name: f.name, live: f.capacity.live, capacity: f.capacity.capacity })),
    span: { reports: span.reports, limit: span.limit, over: span.over },
    absentNow: memberFigures.filter((f) => f.absentNow).length,
  };
}

/** Descending, element by element: the first figure that differs decides. */
function byKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (b[i] ?? 0) - (a[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

const flag = (b: boolean): number => (b ? 1 : 0);

/**
 * Worst team first. Lapsed bail outranks everything (no power to extend, docs/domain-rules.md §3), then year-old cases (red on
 * every status, §2), bail about to end, overdue reviews and how overdue, stale cases, forensic waits, and workload.
 */
export function worstTeamFirst(a: TeamFigures, b: TeamFigures): number {
  const key = (t: TeamFigures) => [
    t.totals.bailLapsed, t.totals.red, t.totals.bailSoon, t.totals.reviewsOverdue, t.totals.worstOverdueDays, t.totals.stale,
    t.totals.forensicsOverdue, t.overCapacity.length, flag(t.span.over), t.capacity.percent,
  ];
  return byKeys(key(a), key(b)) || a.supervisorName.localeCompare(b.supervisorName);
}

/** Worst officer first, on the same order of seriousness as teams; an overloaded officer comes before mere staleness. */
export function worstOfficerFirst(a: OfficerFigures, b: OfficerFigures): number {
  const key = (o: OfficerFigures) => [
    o.bailLapsed, o.red, o.bailSoon, o.reviewsOverdue, flag(o.capacity.over), o.stale, o.forensicsOverdue, o.capacity.percent,
  ];
  return byKeys(key(a), key(b)) || a.name.localeCompare(b.name);
}
