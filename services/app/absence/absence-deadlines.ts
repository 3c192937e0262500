import type { IsoDate } from "../../domain/dates";
import type { Absence } from "../../domain/officer";
import type { Policy } from "../../domain/policy";
import { addDays, laterOf } from "../../rules/calendar";
import { worstFirst } from "../cases/case-line";
import type { CaseLine } from "../cases/case-line-view";
import type { AbsenceDeadline, AbsenceWindow, AtRiskCase } from "./absence-view";

/**
 * The days an absence puts at risk. An open-ended absence (sick, no return date) is looked at as far ahead as the
 * earliest bail warning reaches (28 days by default), counted from today if it started earlier: the sergeant needs
 * to act now on what is coming, and the list is shown again whenever the absence is looked at.
 */
export function windowOf(a: Absence, policy: Policy, today: IsoDate): AbsenceWindow {
  if (a.to !== undefined) return { from: a.from, to: a.to, openEnded: false };
  const horizon = Math.max(...policy.bail.reminderDaysBefore);
  return { from: a.from, to: addDays(laterOf(a.from, today), horizon), openEnded: true };
}

/**
 * The deadlines of one case that fall inside the window, both ends included: a bail period ending (lapsed bail
 * counts too, because it lapsed while the OIC was away, as in the seed), an RUI review, and the supervisory review.
 * A bail period the court is deciding on (PACE s.47ZJ) has no end to miss.
 */
export function deadlinesDuring(line: CaseLine, w: AbsenceWindow): AbsenceDeadline[] {
  const inside = (d: IsoDate) => d >= w.from && d <= w.to;
  const out: AbsenceDeadline[] = [];
  const bail = line.bail;
  if (bail?.kind === "pre-charge" && !bail.treatedAsExtended && inside(bail.endsOn)) out.push({ kind: "bail-ends", on: bail.endsOn });
  if (bail?.kind === "rui" && inside(bail.nextReviewOn)) out.push({ kind: "rui-review", on: bail.nextReviewOn });
  if (inside(line.review.dueOn)) out.push({ kind: "review", on: line.review.dueOn });
  return out.sort((a, b) => a.on.localeCompare(b.on) || a.kind.localeCompare(b.kind));
}

/** Cases with at least one deadline inside the window; bail first (it cannot be extended once lapsed), then soonest. */
export function casesAtRisk(lines: readonly CaseLine[], w: AbsenceWindow): AtRiskCase[] {
  const hasBail = (r: AtRiskCase) => (r.deadlines.some((d) => d.kind === "bail-ends") ? 0 : 1);
  return lines
    .map((l) => ({ case: l, deadlines: deadlinesDuring(l, w) }))
    .filter((r) => r.deadlines.length > 0)
    .sort((a, b) => hasBail(a) - hasBail(b) || a.deadlines[0]!.on.localeCompare(b.deadlines[0]!.on) || worstFirst(a.case, b.case));
}
