import type { CaseDoc } from "../../domain/case";
import type { IsoDate } from "../../domain/dates";
import type { Officer } from "../../domain/officer";
import type { Policy } from "../../domain/policy";
import { bailStatus } from "../../rules/bail-deadlines";
import { addDays } from "../../rules/calendar";
import { kiratStatus, reviewStatus } from "../../rules/review-cadence";
import type { DueItem } from "./due-view";

/** `due` looks this far ahead (issue 3: "what falls due in the next 7 days"). */
export const DUE_HORIZON_DAYS = 7;

/** What falls due for one case: already overdue (before today) or within [today, today + horizon]. */
export function dueItems(c: CaseDoc, oic: Officer | undefined, policy: Policy, today: IsoDate): DueItem[] {
  const until = addDays(today, DUE_HORIZON_DAYS);
  const base = { ref: c.ref, offenceCategory: c.offenceCategory, risk: c.risk, oicName: oic ? `${oic.rank} ${oic.name}` : "(unassigned)" };
  const items: DueItem[] = [];
  const review = reviewStatus(c, policy, today);
  items.push({ ...base, on: review.dueOn, kind: "review" });
  const bail = bailStatus(c, policy, today);
  if (bail?.kind === "pre-charge" && !bail.treatedAsExtended) {
    items.push({ ...base, on: bail.endsOn, kind: "bail-ends", ...(bail.nextAuthorityStep ? { authority: bail.nextAuthorityStep.authority } : {}) });
  }
  if (bail?.kind === "rui") items.push({ ...base, on: bail.nextReviewOn, kind: "rui-review" });
  const kirat = kiratStatus(c, policy, today);
  if (kirat && kirat.actedOn === undefined) items.push({ ...base, on: kirat.dueOn, kind: "first-action" });
  return items.filter((i) => i.on <= until);
}

export function soonestFirst(a: DueItem, b: DueItem): number {
  return a.on.localeCompare(b.on) || a.ref.localeCompare(b.ref) || a.kind.localeCompare(b.kind);
}
