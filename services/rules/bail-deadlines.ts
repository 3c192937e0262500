import type { Bail, CaseDoc } from "../domain/case";
import type { IsoDate } from "../domain/dates";
import type { Policy } from "../domain/policy";
import { addDays, addMonthsClamped, daysBetween, earliestOf } from "./calendar";

export type Authority = "inspector" | "superintendent" | "court";
export type PreChargeBail = Extract<Bail, { kind: "pre-charge" }>;

export type AuthorityStep = { authority: Authority; pointOn: IsoDate; warnFrom: IsoDate };
export type PreChargeBailStatus = {
  kind: "pre-charge";
  regime: PreChargeBail["regime"];
  startedOn: IsoDate;
  endsOn: IsoDate;
  /** Calendar days from today to the last day of the period; negative once it has passed. */
  daysLeft: number;
  lapsed: boolean;
  /** PACE s.47ZJ: a court application made in time keeps the suspect on bail until the court decides. */
  treatedAsExtended: boolean;
  nextAuthorityStep?: AuthorityStep;
  /** First day of the warning window (earliest bail warning or authority warning). */
  warningFrom: IsoDate;
};
export type RuiStatus = { kind: "rui"; since: IsoDate; lastReviewDueOn?: IsoDate; nextReviewOn: IsoDate };
export type BailStatus = PreChargeBailStatus | RuiStatus;

/** PACE s.47ZB(4)(a): the bail start date is the day after the arrest. */
export function bailStartFromArrest(arrestDay: IsoDate): IsoDate {
  return addDays(arrestDay, 1);
}

type Point = { authority: Authority; pointOn: IsoDate };

/**
 * The points past which a further extension needs more authority:
 * PCSC 2022 (s.47ZD/ZDA/ZF): inspector past 3 months, superintendent past 6, court past 9.
 * PCA 2017 (arrests before 28 Oct 2022): superintendent past 28 days, court past 3 months.
 */
export function authorityPoints(b: PreChargeBail): Point[] {
  if (b.regime === "pca-2017") {
    return [
      { authority: "superintendent", pointOn: addDays(b.startedOn, 28) },
      { authority: "court", pointOn: addMonthsClamped(b.startedOn, 3) },
    ];
  }
  return [
    { authority: "inspector", pointOn: addMonthsClamped(b.startedOn, 3) },
    { authority: "superintendent", pointOn: addMonthsClamped(b.startedOn, 6) },
    { authority: "court", pointOn: addMonthsClamped(b.startedOn, 9) },
  ];
}

/**
 * The authority needed to keep the suspect on bail past the current end date. The warning is
 * anchored on the point, or on the end date when the period ends before the point, so it can
 * never fall after the bail has already lapsed.
 */
export function nextAuthorityStep(b: PreChargeBail, policy: Policy): AuthorityStep {
  const point = authorityPoints(b).find((p) => p.pointOn >= b.endsOn) ?? { authority: "court" as const, pointOn: b.endsOn };
  const anchor = point.pointOn < b.endsOn ? point.pointOn : b.endsOn;
  return { ...point, warnFrom: addDays(anchor, -policy.bail.authorityStepLeadDays[point.authority]) };
}

/** RUI reviews every `ruiReviewEveryDays` from the release date. */
export function ruiReviewDates(since: IsoDate, everyDays: number, today: IsoDate): { lastDueOn?: IsoDate; nextDueOn: IsoDate } {
  const every = Math.max(1, everyDays);
  const cycles = Math.floor(daysBetween(since, today) / every);
  const lastDueOn = cycles >= 1 ? addDays(since, cycles * every) : undefined;
  const nextDueOn = addDays(since, Math.max(1, cycles + 1) * every);
  return lastDueOn !== undefined ? { lastDueOn, nextDueOn } : { nextDueOn };
}

export function bailStatus(c: CaseDoc, policy: Policy, today: IsoDate): BailStatus | undefined {
  const b = c.bail;
  if (b === undefined) return undefined;
  if (b.kind === "rui") {
    const r = ruiReviewDates(b.since, policy.bail.ruiReviewEveryDays, today);
    return { kind: "rui", since: b.since, nextReviewOn: r.nextDueOn, ...(r.lastDueOn !== undefined ? { lastReviewDueOn: r.lastDueOn } : {}) };
  }
  const treatedAsExtended = b.courtApplicationOn !== undefined && b.courtApplicationOn <= b.endsOn;
  const step = treatedAsExtended ? undefined : nextAuthorityStep(b, policy);
  const firstWarning = addDays(b.endsOn, -Math.max(...policy.bail.reminderDaysBefore));
  return {
    kind: "pre-charge",
    regime: b.regime,
    startedOn: b.startedOn,
    endsOn: b.endsOn,
    daysLeft: daysBetween(today, b.endsOn),
    lapsed: today > b.endsOn && !treatedAsExtended,
    treatedAsExtended,
    ...(step !== undefined ? { nextAuthorityStep: step } : {}),
    warningFrom: earliestOf([firstWarning, step?.warnFrom]) ?? firstWarning,
  };
}
