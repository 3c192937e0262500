import type { CaseDoc } from "../domain/case";
import type { IsoDate } from "../domain/dates";
import type { Policy } from "../domain/policy";
import { addDays, daysBetween } from "./calendar";

export type StaleLevel = "fresh" | "oic" | "sergeant" | "inspector" | "red";
export type Staleness = {
  daysSinceUpdate: number;
  level: StaleLevel;
  /** The day the case went stale (OIC prompt threshold), whether or not it has been reached. */
  staleFrom: IsoDate;
  forensicsDays?: number;
  forensicsOverdue: boolean;
};

/** The date progress is measured from: the last crime-report update, else the day the case opened. */
export function progressBase(c: CaseDoc): IsoDate {
  return c.lastUpdatedOn ?? c.openedOn;
}

/** The day a case whose progress is measured from `base` goes stale (the OIC prompt threshold). */
export function staleFromBase(base: IsoDate, policy: Policy): IsoDate {
  return addDays(base, policy.progress.promptOicAfterDays);
}

/** docs/domain-rules.md §2: 14 days → OIC, 28 → sergeant, 56 → inspector, 365 → red everywhere. */
export function staleness(c: CaseDoc, policy: Policy, today: IsoDate): Staleness {
  const p = policy.progress;
  const base = progressBase(c);
  const days = daysBetween(base, today);
  const level: StaleLevel =
    days >= p.redAfterDays ? "red"
      : days >= p.alertInspectorAfterDays ? "inspector"
        : days >= p.alertSergeantAfterDays ? "sergeant"
          : days >= p.promptOicAfterDays ? "oic"
            : "fresh";
  const forensicsDays = c.awaitingForensicsSince !== undefined ? daysBetween(c.awaitingForensicsSince, today) : undefined;
  return {
    daysSinceUpdate: days,
    level,
    staleFrom: staleFromBase(base, policy),
    ...(forensicsDays !== undefined ? { forensicsDays } : {}),
    forensicsOverdue: forensicsDays !== undefined && forensicsDays >= p.forensicsFlagAfterDays,
  };
}

/** "Stale" in the action-plan sense (docs/domain-rules.md §4): an open case past the OIC prompt threshold. */
export function isStale(c: CaseDoc, policy: Policy, today: IsoDate): boolean {
  return c.status === "open" && staleness(c, policy, today).level !== "fresh";
}
