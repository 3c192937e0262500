import type { PlanSummary } from "../../services/app/plans/plan-view";
import type { CaseDetail } from "../../services/app/cases/case-detail-view";
import type { CaseLine } from "../../services/app/cases/case-line-view";
import type { DueView } from "../../services/app/cases/due-view";
import type { MyCasesView } from "../../services/app/cases/my-cases-view";
import type { StatusTotals, StatusView } from "../../services/app/status/status-view";

/** Fixed card data, written out by hand so the card tests do not depend on the rules or the store. */
export const lapsedLine: CaseLine = {
  ref: "CF/01234/26", offenceCategory: "Indecent images of children", risk: "very-high", oicName: "DC Ben Carter",
  review: { dueOn: "2026-02-17", overdueDays: 14, escalated: true }, daysSinceUpdate: 400, staleLevel: "red",
  forensicsDays: 122, forensicsOverdue: true,
  bail: { kind: "pre-charge", endsOn: "2026-03-01", daysLeft: -2, lapsed: true, treatedAsExtended: false, band: "critical" },
  urgency: 20_000,
};
export const ruiLine: CaseLine = {
  ref: "AB/7/2026", offenceCategory: "Fraud", risk: "low", oicName: "DC Jo Evans",
  review: { dueOn: "2026-03-10", overdueDays: 0, escalated: false }, daysSinceUpdate: 3, staleLevel: "fresh",
  forensicsOverdue: false, bail: { kind: "rui", since: "2026-02-10", nextReviewOn: "2026-03-12" }, urgency: 0,
};
const totals: StatusTotals = { open: 12, reviewsOverdue: 3, worstOverdueDays: 14, bailSoon: 1, bailLapsed: 1, stale: 4, red: 1, forensicsOverdue: 2 };
const base = {
  viewer: { id: "ds1", name: "Aisha Khan", rank: "DS" },
  today: "2026-03-03",
  thresholds: { staleDays: 28, redDays: 365, forensicsDays: 60, bailSoonDays: 7 },
  totals,
  officers: [],
  teams: [],
  cases: [lapsedLine, ruiLine],
  moreCases: 3,
} satisfies Partial<StatusView>;

export const statusViews: Record<StatusView["role"], StatusView> = {
  detective: { ...base, role: "detective", viewer: { id: "dc1", name: "Ben Carter", rank: "DC" }, capacity: { live: 13, capacity: 12, over: true } },
  sergeant: {
    ...base, role: "sergeant", span: { reports: 12, limit: 10, over: true },
    officers: [{ id: "dc3", name: "Jo Evans", rank: "DC", capacity: { live: 10, capacity: 6, over: true }, reviewsOverdue: 2, stale: 1, bailSoon: 0, absent: true }],
  },
  inspector: {
    ...base, role: "inspector", viewer: { id: "di1", name: "Sam Okafor", rank: "DI" }, span: { reports: 3, limit: 10, over: false },
    teams: [{ leadName: "DS Aisha Khan", people: 22, totals, overCapacity: ["DC Jo Evans"], span: { reports: 22, limit: 10, over: true } }],
  },
};

export const caseDetailSample: CaseDetail = {
  ...lapsedLine,
  asOf: "2026-03-03", status: "open", openedOn: "2024-12-01", lastUpdatedOn: "2025-01-27", lastReviewedOn: "2026-02-10",
  cadenceDays: 7, escalateOn: "2026-02-24", awaitingCpsSince: "2026-02-01", bailStartedOn: "2025-12-02", bailRegime: "pcsc-2022",
  kirat: { grade: "high", dueOn: "2024-12-08", met: false, overdue: true },
  lastReview: { on: "2026-02-10", reviewerName: "DS Aisha Khan", outcome: "actions-set", actionCount: 3 },
  viewerRole: "supervisor",
};

export const myCasesSample: MyCasesView = { viewer: { name: "Ben Carter", rank: "DC" }, today: "2026-03-03", cases: [lapsedLine, ruiLine], more: 2 };

export const dueSample: DueView = {
  viewer: { name: "Aisha Khan", rank: "DS" }, today: "2026-03-03", until: "2026-03-10", scope: "team",
  overdue: [{ on: "2026-02-17", kind: "review", ref: "CF/01234/26", offenceCategory: "Indecent images of children", risk: "very-high", oicName: "DC Ben Carter" }],
  moreOverdue: 0,
  upcoming: [
    { on: "2026-03-05", kind: "bail-ends", ref: "CF/00002/26", offenceCategory: "Fraud", risk: "medium", oicName: "DC Jo Evans", authority: "inspector" },
    { on: "2026-03-06", kind: "first-action", ref: "CF/00009/26", offenceCategory: "Online grooming", risk: "high", oicName: "DC Jo Evans" },
  ],
  moreUpcoming: 4,
};

/** DS Khan's proposed plan for DC Smith, as the acknowledge and checkpoint cards summarise it. */
export const planSummarySample: PlanSummary = {
  planId: "plan-ZGMx-1", officerName: "DC Smith", proposerName: "DS Khan", status: "proposed",
  objectives: [
    { text: "Update every crime report fortnightly", measure: "No case over 14 days without an update", targetOn: "2026-05-05" },
    { text: "Clear the forensic backlog", measure: "Submissions chased weekly", targetOn: "2026-04-20" },
  ],
  support: "Weekly 1:1 with DS Khan", checkpointEveryDays: 14, startsOn: "2026-03-10", endsOn: "2026-05-05", nextCheckpointOn: "2026-03-24",
};
