import type { Officer } from "../domain/officer";
import type { Policy } from "../domain/policy";

export type CapacityUsage = { capacity: number; live: number; ratio: number; over: boolean };

/** docs/domain-rules.md §5: 12 live investigations per FTE, pro rata by contracted hours (20h of 40 → 6). */
export function capacity(o: Officer, policy: Policy): number {
  const w = policy.workload;
  return (w.casesPerFte * o.hoursPerWeek) / w.fullTimeHours;
}

/**
 * At or above capacity counts, because the warning fires when one more case would be allocated. An officer with no
 * capacity (0 contracted hours) is over only once they hold a case: an empty caseload is never "over".
 */
export function capacityUsage(o: Officer, liveCases: number, policy: Policy): CapacityUsage {
  const cap = capacity(o, policy);
  return { capacity: cap, live: liveCases, ratio: cap > 0 ? liveCases / cap : liveCases > 0 ? Infinity : 0, over: cap > 0 ? liveCases >= cap : liveCases > 0 };
}

export function spanOfControl(reports: number, policy: Policy): { reports: number; limit: number; over: boolean } {
  const limit = policy.workload.spanOfControlWarnAbove;
  return { reports, limit, over: reports > limit };
}
