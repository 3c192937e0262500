import type { IsoDate } from "../domain/dates";
import type { Absence, Officer } from "../domain/officer";

function covers(a: Absence, day: IsoDate): boolean {
  return a.from <= day && (a.to === undefined || day <= a.to);
}

/** The absence in force on `day` (open-ended absences last until someone records a return). */
export function currentAbsence(o: Officer, day: IsoDate): Absence | undefined {
  return o.absences.find((a) => covers(a, day));
}

export function isAbsentOn(o: Officer, day: IsoDate): boolean {
  return currentAbsence(o, day) !== undefined;
}

/** True when any day in [from, to] is inside an absence. */
export function absentDuring(o: Officer, from: IsoDate, to: IsoDate): boolean {
  return o.absences.some((a) => a.from <= to && (a.to === undefined || a.to >= from));
}
