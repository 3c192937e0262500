import { z } from "zod";
import { isoDate } from "../../domain/dates";
import type { Officer } from "../../domain/officer";
import type { Policy } from "../../domain/policy";
import { addDays } from "../../rules/calendar";
import type { OfficerRepository } from "../../store/officer-repository";
import type { ReviewRepository } from "../../store/review-repository";
import { caseLine, describeCase, worstFirst } from "./case-line";
import { describeCaseDetail, type CaseDetail } from "./case-detail";
import { DUE_HORIZON_DAYS, dueItem, dueItems, soonestFirst } from "./due-items";
import type { ScopedCaseReader } from "../scope/scoped-cases";
import type { Purpose, ViewAudit } from "../audit/view-audit";

/** Lists are capped so a card stays well inside Teams' size limit; the rest is counted. */
export const LIST_LIMIT = 25;

const viewer = z.object({ name: z.string(), rank: z.string() });

export const myCasesView = z.object({
  viewer,
  today: isoDate,
  cases: z.array(caseLine),
  more: z.number().int().min(0),
});
export type MyCasesView = z.infer<typeof myCasesView>;

export const dueView = z.object({
  viewer,
  today: isoDate,
  until: isoDate,
  scope: z.enum(["own", "team", "teams"]),
  overdue: z.array(dueItem),
  moreOverdue: z.number().int().min(0),
  upcoming: z.array(dueItem),
  moreUpcoming: z.number().int().min(0),
});
export type DueView = z.infer<typeof dueView>;

export interface CaseQueryService {
  myCases(viewer: Officer, why: Purpose): Promise<MyCasesView>;
  /** Throws CaseNotFoundError, identically, for a missing reference and one outside the viewer's scope. */
  caseDetail(viewer: Officer, ref: string, why: Purpose): Promise<CaseDetail>;
  due(viewer: Officer, why: Purpose): Promise<DueView>;
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
    myCases: async (me, why) => {
      const { scope, today, cases } = await reader.openCases(me, { ownOnly: true });
      const lines = cases.map((c) => describeCase(c, scope.officers.get(c.oicId), policy, today)).sort(worstFirst);
      const { shown, more } = capped(lines);
      await viewAudit.recordView(me, { action: "view my cases", recordType: "case-list", recordIds: shown.map((l) => l.ref), why });
      return { viewer: who(me), today, cases: shown, more };
    },
    caseDetail: async (me, ref, why) => {
      const { scope, today, found } = await reader.byRef(me, ref);
      const [last] = await deps.reviews.forCase(found.id);
      const reviewer = last ? (scope.officers.get(last.reviewerId) ?? (await deps.officers.get(last.reviewerId))) : undefined;
      const detail = describeCaseDetail(found, { viewer: me, oic: scope.officers.get(found.oicId), reviewer }, last, policy, today);
      await viewAudit.recordView(me, { action: "view case", recordType: "case", recordIds: [found.ref], why });
      return detail;
    },
    due: async (me, why) => {
      const { scope, today, cases } = await reader.openCases(me);
      const items = cases.flatMap((c) => dueItems(c, scope.officers.get(c.oicId), policy, today)).sort(soonestFirst);
      const overdue = capped(items.filter((i) => i.on < today));
      const upcoming = capped(items.filter((i) => i.on >= today));
      const shownRefs = [...new Set([...overdue.shown, ...upcoming.shown].map((i) => i.ref))];
      await viewAudit.recordView(me, { action: "view due", recordType: "case-list", recordIds: shownRefs, why });
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
