import type { CaseDoc } from "../../domain/case";
import type { IsoDate } from "../../domain/dates";
import { rankLevel, type Officer } from "../../domain/officer";
import type { Policy } from "../../domain/policy";
import { isAbsentOn } from "../../rules/absence";
import { capacityUsage, spanOfControl } from "../../rules/workload";
import { describeCase, worstFirst } from "../cases/case-line";
import type { CaseLine } from "../cases/case-line-view";
import type { Scope } from "../scope/chain-of-command";
import type { StatusTotals, StatusView } from "./status-view";

const isStale = (l: CaseLine) => l.staleLevel === "sergeant" || l.staleLevel === "inspector" || l.staleLevel === "red";
/** Pre-charge bail not yet lapsed and ending within the policy's `status.bailSoonDays` (docs/domain-rules.md §3). */
const bailSoonWithin = (days: number) => (l: CaseLine) =>
  l.bail?.kind === "pre-charge" && !l.bail.lapsed && l.bail.daysLeft >= 0 && l.bail.daysLeft <= days;
const needsAttentionWithin = (days: number) => {
  const bailSoon = bailSoonWithin(days);
  return (l: CaseLine) =>
    l.review.overdueDays > 0 || isStale(l) || l.forensicsOverdue || (l.bail?.kind === "pre-charge" && (l.bail.lapsed || bailSoon(l)));
};

/** The status and team cards' counts over a set of case lines. */
export function totalsOf(lines: readonly CaseLine[], policy: Policy): StatusTotals {
  const bailSoon = bailSoonWithin(policy.status.bailSoonDays);
  const overdue = lines.filter((l) => l.review.overdueDays > 0);
  return {
    open: lines.length,
    reviewsOverdue: overdue.length,
    worstOverdueDays: Math.max(0, ...overdue.map((l) => l.review.overdueDays)),
    bailSoon: lines.filter(bailSoon).length,
    bailLapsed: lines.filter((l) => l.bail?.kind === "pre-charge" && l.bail.lapsed).length,
    stale: lines.filter(isStale).length,
    red: lines.filter((l) => l.staleLevel === "red").length,
    forensicsOverdue: lines.filter((l) => l.forensicsOverdue).length,
  };
}

const nameOf = (o: Officer) => `${o.rank} ${o.name}`;

/** Team leads for an inspector's card: supervisors below the inspector's level with people under them. */
function teamLeads(scope: Scope): Officer[] {
  return [...scope.officers.values()].filter(
    (o) => o.id !== scope.viewer.id && rankLevel[o.rank] < rankLevel.DI && scope.reportsOf(o.id).length > 0,
  );
}

/** The status card's figures for whatever the viewer's scope is, worst first (docs/domain-rules.md §1, §2, §3, §5). */
export function buildStatusView(scope: Scope, cases: readonly CaseDoc[], policy: Policy, today: IsoDate): StatusView {
  const { attentionListLimit, ownCasesListLimit, bailSoonDays } = policy.status;
  const bailSoon = bailSoonWithin(bailSoonDays);
  const byOic = new Map<string, CaseLine[]>();
  const lines: CaseLine[] = [];
  for (const c of cases) {
    const line = describeCase(c, scope.officers.get(c.oicId), policy, today);
    lines.push(line);
    const own = byOic.get(c.oicId);
    if (own) own.push(line);
    else byOic.set(c.oicId, [line]);
  }
  lines.sort(worstFirst);
  const usage = (o: Officer) => {
    const u = capacityUsage(o, (byOic.get(o.id) ?? []).length, policy);
    return { live: u.live, capacity: Math.round(u.capacity * 10) / 10, over: u.over };
  };
  const v = scope.viewer;
  const base = {
    role: scope.role,
    viewer: { id: v.id, name: v.name, rank: v.rank },
    today,
    thresholds: {
      staleDays: policy.progress.alertSergeantAfterDays,
      redDays: policy.progress.redAfterDays,
      forensicsDays: policy.progress.forensicsFlagAfterDays,
      bailSoonDays,
    },
    totals: totalsOf(lines, policy),
    officers: [] as StatusView["officers"],
    teams: [] as StatusView["teams"],
  };
  if (scope.role === "detective") {
    return { ...base, capacity: usage(v), cases: lines.slice(0, ownCasesListLimit), moreCases: Math.max(0, lines.length - ownCasesListLimit) };
  }
  const attention = lines.filter(needsAttentionWithin(bailSoonDays));
  const worst = { cases: attention.slice(0, attentionListLimit), moreCases: Math.max(0, attention.length - attentionListLimit) };
  const spanOf = (o: Officer) => {
    const s = spanOfControl(scope.reportsOf(o.id).length, policy);
    return { reports: s.reports, limit: s.limit, over: s.over };
  };
  if (scope.role === "sergeant") {
    const officers = [...scope.officers.values()].filter((o) => o.id !== v.id || byOic.has(v.id)).map((o) => {
      const own = byOic.get(o.id) ?? [];
      return {
        id: o.id,
        name: o.name,
        rank: o.rank,
        capacity: usage(o),
        reviewsOverdue: own.filter((l) => l.review.overdueDays > 0).length,
        stale: own.filter(isStale).length,
        bailSoon: own.filter(bailSoon).length,
        absent: isAbsentOn(o, today),
      };
    });
    officers.sort((a, b) => b.capacity.live / Math.max(b.capacity.capacity, 1) - a.capacity.live / Math.max(a.capacity.capacity, 1));
    return { ...base, span: spanOf(v), officers, ...worst };
  }
  const teams = teamLeads(scope).map((lead) => {
    const members = scope.teamOf(lead.id);
    const teamLines = members.flatMap((m) => byOic.get(m.id) ?? []);
    return {
      leadName: nameOf(lead),
      people: members.length - 1,
      totals: totalsOf(teamLines, policy),
      overCapacity: members.filter((m) => m.id !== lead.id && usage(m).over).map(nameOf),
      span: spanOf(lead),
    };
  });
  teams.sort((a, b) => teamSeverity(b.totals) - teamSeverity(a.totals) || a.leadName.localeCompare(b.leadName));
  return { ...base, span: spanOf(v), teams, ...worst };
}

/** Orders teams worst first: lapsed bail, then year-stale cases, then overdue reviews and the rest. */
function teamSeverity(t: StatusTotals): number {
  return t.bailLapsed * 10_000 + t.red * 1_000 + t.bailSoon * 500 + t.reviewsOverdue * 10 + t.stale * 5 + t.forensicsOverdue;
}
