import type { Moment } from "../../domain/dates";
import type { Officer } from "../../domain/officer";
import type { Policy } from "../../domain/policy";
import { addDays } from "../../rules/calendar";
import type { OfficerRepository } from "../../store/officer-repository";
import type { ReviewRepository } from "../../store/review-repository";
import { describeCase, worstFirst } from "./case-line";
import { describeCaseDetail } from "./case-detail";
import type { CaseDetail } from "./case-detail-view";
import { DUE_HORIZON_DAYS, dueItems, soonestFirst } from "./due-items";
import type { DueView } from "./due-view";
import type { MyCasesView } from "./my-cases-view";
import type { ScopedCaseReader } from "../scope/scoped-cases";
import type { Purpose, ViewAudit } from "../audit/view-audit";

/** Lists are capped so a card stays well inside Teams' size limit; the rest is counted. */
export const LIST_LIMIT = 25;

/** `at` is the turn's moment: its day is the day every figure is worked out for, its instant when the view is audited. */
export interface CaseQueryService {
  myCases(viewer: Officer, at: Moment, why: Purpose): Promise<MyCasesView>;
  /** Throws CaseNotFoundError, identically, for a missing reference and one outside the viewer's scope. */
  caseDetail(viewer: Officer, ref: string, at: Moment, why: Purpose): Promise<CaseDetail>;
  due(viewer: Officer, at: Moment, why: Purpose): Promise<DueView>;
}

function capped<T>(items: readonly T[], limit = LIST_LIMIT): { shown: T[]; more: number } {
  return { shown: items.slice(0, limit), more: Math.max(0, items.length - limit) };
}

export function createCaseQueryService(deps: {
  reader: ScopedCaseReader;
  officers: OfficerRepository;
  reviews: ReviewRepository;
  viewAudit: ViewAudit;
  policy: Policy;
}): CaseQueryService {
  const { reader, viewAudit, policy } = deps;
  const who = (o: Officer) => ({ name: o.name, rank: o.rank });
  return {
    myCases: async (me, at, why) => {
      const { scope, today, cases } = await reader.openCases(me, at.today, { ownOnly: true });
      const lines = cases.map((c) => describeCase(c, scope.officers.get(c.oicId), policy, today)).sort(worstFirst);
      const { shown, more } = capped(lines);
      await viewAudit.recordView(me, { action: "view my cases", recordType: "case-list", recordIds: shown.map((l) => l.ref), why }, at.now);
      return { viewer: who(me), today, cases: shown, more };
    },
    caseDetail: async (me, ref, at, why) => {
      const { scope, today, found } = await reader.byRef(me, at.today, ref);
      const [last] = await deps.reviews.forCase(found.id);
      const reviewer = last ? (scope.officers.get(last.reviewerId) ?? (await deps.officers.get(last.reviewerId))) : undefined;
      const detail = describeCaseDetail(found, { viewer: me, oic: scope.officers.get(found.oicId), reviewer }, last, policy, today);
      await viewAudit.recordView(me, { action: "view case", recordType: "case", recordIds: [found.ref], why }, at.now);
      return detail;
    },
    due: async (me, at, why) => {
      const { scope, today, cases } = await reader.openCases(me, at.today);
      const items = cases.flatMap((c) => dueItems(c, scope.officers.get(c.oicId), policy, today)).sort(soonestFirst);
      const overdue = capped(items.filter((i) => i.on < today));
      const upcoming = capped(items.filter((i) => i.on >= today));
      const shownRefs = [...new Set([...overdue.shown, ...upcoming.shown].map((i) => i.ref))];
      await viewAudit.recordView(me, { action: "view due", recordType: "case-list", recordIds: shownRefs, why }, at.now);
      return {
        viewer: who(me),
        today,
        until: addDays(today, DUE_HORIZON_DAYS),
        scope: scope.role === "detective" ? "own" : scope.role === "sergeant" ? "team" : "teams",
        overdue: overdue.shown,
        moreOverdue: overdue.more,
        upcoming: upcoming.shown,
        moreUpcoming: upcoming.more,
      };
    },
  };
}
