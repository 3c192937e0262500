import type { AbsenceFormView, AbsenceRecordedView } from "../../../services/app/absence/absence-view";
import type { HandoverDigest } from "../../../services/app/handover/handover-view";
import type { ReassignOptionsView } from "../../../services/app/reassign/reassign-view";
import type { OfficerCasesView } from "../../../services/app/team/officer-cases-view";
import type { TeamDrilldownView } from "../../../services/app/team/team-drilldown-view";
import type { OfficerFigures, TeamFigures } from "../../../services/app/team/team-figures-view";
import type { TeamStatusView } from "../../../services/app/team/team-status-view";
import { lapsedLine, ruiLine } from "../../cards/card-samples";

/** Fixed card data, written out by hand so the oversight card tests depend on neither the rules nor the store. */
export { lapsedLine, ruiLine };

const thresholds = { staleDays: 28, redDays: 365, forensicsDays: 60, bailSoonDays: 7, spanLimit: 10 };
const inspector = { id: "di1", name: "Tom Reid", rank: "DI" };

export const troubledTeam: TeamFigures = {
  supervisorId: "ds1", supervisorName: "DS Sam Khan", supervisorAbsent: false, people: 23,
  totals: { open: 70, reviewsOverdue: 5, worstOverdueDays: 23, bailSoon: 2, bailLapsed: 1, stale: 12, red: 1, forensicsOverdue: 3 },
  openActionPlans: 1,
  capacity: { live: 101, capacity: 270, percent: 37, over: false },
  overCapacity: [{ officerId: "dc05", name: "DC Carys Lloyd", live: 10, capacity: 6 }],
  span: { reports: 23, limit: 10, over: true },
  absentNow: 1,
};

export const quietTeam: TeamFigures = {
  supervisorId: "ds3", supervisorName: "DS Ewan Price", supervisorAbsent: true, people: 4,
  totals: { open: 20, reviewsOverdue: 0, worstOverdueDays: 0, bailSoon: 0, bailLapsed: 0, stale: 0, red: 0, forensicsOverdue: 0 },
  openActionPlans: 0,
  capacity: { live: 20, capacity: 48, percent: 42, over: false },
  overCapacity: [],
  span: { reports: 4, limit: 10, over: false },
  absentNow: 0,
};

export const teamStatusSample: TeamStatusView = {
  viewer: inspector, today: "2026-03-03", thresholds,
  totals: { open: 90, reviewsOverdue: 5, worstOverdueDays: 23, bailSoon: 2, bailLapsed: 1, stale: 12, red: 1, forensicsOverdue: 3 },
  teams: [troubledTeam, quietTeam],
};

export const partTimer: OfficerFigures = {
  officerId: "dc05", name: "DC Carys Lloyd", hoursPerWeek: 20, capacity: { live: 10, capacity: 6, percent: 167, over: true },
  reviewsOverdue: 2, stale: 3, red: 0, bailSoon: 1, bailLapsed: 1, forensicsOverdue: 0, absentNow: false,
  lastOneToOneOn: "2026-02-20", openActionPlan: true,
};

export const absentOfficer: OfficerFigures = {
  officerId: "dc03", name: "DC Rhys Jenkins", hoursPerWeek: 40, capacity: { live: 9, capacity: 12, percent: 75, over: false },
  reviewsOverdue: 0, stale: 0, red: 0, bailSoon: 0, bailLapsed: 0, forensicsOverdue: 0, absentNow: true, absentUntil: "2026-03-13",
  openActionPlan: false,
};

export const drilldownSample: TeamDrilldownView = { viewer: inspector, today: "2026-03-03", thresholds, team: troubledTeam, officers: [partTimer, absentOfficer] };

export const officerCasesSample: OfficerCasesView = {
  viewer: inspector, today: "2026-03-03", officer: partTimer, teamSupervisorId: "ds1", cases: [lapsedLine, ruiLine], more: 8,
};

export const reassignOptionsSample: ReassignOptionsView = {
  today: "2026-03-03",
  case: lapsedLine,
  candidates: [
    { officerId: "dc07", name: "DC Beth Powell", capacity: { live: 5, capacity: 6, percent: 83, over: false }, absentNow: false },
    { officerId: "dc05", name: "DC Carys Lloyd", capacity: { live: 10, capacity: 6, percent: 167, over: true }, absentNow: false },
    { officerId: "dc03", name: "DC Rhys Jenkins", capacity: { live: 9, capacity: 12, percent: 75, over: false }, absentNow: true },
  ],
};

export const absenceFormSample: AbsenceFormView = {
  today: "2026-03-03",
  officers: [
    { officerId: "dc03", name: "DC Rhys Jenkins", absentNow: true },
    { officerId: "dc05", name: "DC Carys Lloyd", absentNow: false },
  ],
  officerId: "dc05",
};

export const absenceRecordedSample: AbsenceRecordedView = {
  today: "2026-03-03",
  officer: { officerId: "dc03", name: "DC Rhys Jenkins" },
  window: { from: "2026-02-28", to: "2026-03-31", openEnded: true },
  atRisk: [
    { case: lapsedLine, deadlines: [{ kind: "bail-ends", on: "2026-03-01" }] },
    { case: ruiLine, deadlines: [{ kind: "review", on: "2026-03-10" }, { kind: "rui-review", on: "2026-03-12" }] },
  ],
};

export const handoverSample: HandoverDigest = {
  today: "2026-03-03",
  supervisor: { officerId: "ds2", name: "DS Priya Shah" },
  fromName: "DS Sam Khan",
  officers: [
    { officerId: "dc05", name: "DC Carys Lloyd", capacity: { live: 10, capacity: 6, percent: 167, over: true } },
    { officerId: "dc07", name: "DC Beth Powell", capacity: { live: 5, capacity: 6, percent: 83, over: false } },
  ],
  counts: { open: 15, bail: 1, overdue: 1, stale: 1, highRisk: 1 },
  cases: [{ case: lapsedLine, reasons: ["bail", "overdue", "stale", "high-risk"] }],
  more: 0,
};
