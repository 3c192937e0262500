import type { CaseDoc } from "../../../services/domain/case";
import type { Officer } from "../../../services/domain/officer";
import type { Repositories } from "../../../services/store/repositories";
import { makeCase, makeOfficer } from "../../support/fixtures";

/** 10:42 on Tue 3 Mar 2026 in London (GMT, so the same in UTC). */
export const NOW = "2026-03-03T10:42:00.000Z";
export const TODAY = "2026-03-03";
export const TENANT = "tenant-allowed";
export const OTHER_TENANT = "tenant-elsewhere";

/**
 * A small force with every rank the scope rules care about:
 * DCI → DI1 → (DS1 → DC1, DC2 part-time) and (DS2 → DC3); DCI → DI2 → DS3 → DC4. DS1 is DS2's named cover.
 */
export const officers: Officer[] = [
  makeOfficer({ id: "dci", name: "Morgan Price", rank: "DCI", aadObjectId: "aad-dci" }),
  makeOfficer({ id: "di1", name: "Sam Okafor", rank: "DI", aadObjectId: "aad-di1", supervisorId: "dci" }),
  makeOfficer({ id: "di2", name: "Lee Walsh", rank: "DI", aadObjectId: "aad-di2", supervisorId: "dci" }),
  makeOfficer({ id: "ds1", name: "Aisha Khan", rank: "DS", aadObjectId: "aad-ds1", supervisorId: "di1", unit: "POLIT" }),
  makeOfficer({ id: "ds2", name: "Tom Reid", rank: "DS", aadObjectId: "aad-ds2", supervisorId: "di1", coverId: "ds1" }),
  makeOfficer({ id: "ds3", name: "Priya Shah", rank: "DS", aadObjectId: "aad-ds3", supervisorId: "di2" }),
  makeOfficer({ id: "dc1", name: "Ben Carter", rank: "DC", aadObjectId: "aad-dc1", supervisorId: "ds1", unit: "POLIT" }),
  makeOfficer({ id: "dc2", name: "Jo Evans", rank: "DC", aadObjectId: "aad-dc2", supervisorId: "ds1", hoursPerWeek: 8 }),
  makeOfficer({ id: "dc3", name: "Kit Moss", rank: "DC", aadObjectId: "aad-dc3", supervisorId: "ds2" }),
  makeOfficer({ id: "dc4", name: "Ravi Patel", rank: "DC", aadObjectId: "aad-dc4", supervisorId: "ds3" }),
];

export const REF = {
  overdueReview: "CF/00001/26",
  bailSoon: "CF/00002/26",
  yearStale: "CF/00003/26",
  rui: "CF/00004/26",
  closed: "CF/00005/25",
} as const;

export const cases: CaseDoc[] = [
  // High risk reviewed 10 Feb: due 17 Feb, 14 days overdue, escalated (2 × 7-day cadence).
  makeCase({ ref: REF.overdueReview, oicId: "dc1", risk: "high", openedOn: "2026-01-05", lastReviewedOn: "2026-02-10", lastUpdatedOn: "2026-02-28" }),
  // Pre-charge bail ending in 2 days; review due 10 Mar (inside the 7-day window).
  makeCase({
    ref: REF.bailSoon, oicId: "dc2", risk: "medium", openedOn: "2026-01-10", lastReviewedOn: "2026-02-24", lastUpdatedOn: "2026-02-20",
    bail: { kind: "pre-charge", startedOn: "2025-12-05", endsOn: "2026-03-05", regime: "pcsc-2022" },
  }),
  // No update for over a year, forensics waiting 122 days.
  makeCase({
    ref: REF.yearStale, oicId: "dc3", risk: "low", openedOn: "2024-12-01", lastUpdatedOn: "2025-01-20", lastReviewedOn: "2026-02-20",
    awaitingForensicsSince: "2025-11-01",
  }),
  makeCase({ ref: REF.rui, oicId: "dc4", risk: "very-high", openedOn: "2026-02-20", lastReviewedOn: "2026-02-27", lastUpdatedOn: "2026-03-02", bail: { kind: "rui", since: "2026-02-10" } }),
  makeCase({ ref: REF.closed, oicId: "dc1", status: "closed", openedOn: "2025-01-01", lastUpdatedOn: "2025-02-01" }),
];

export const byId = (id: string): Officer => {
  const o = officers.find((x) => x.id === id);
  if (!o) throw new Error(`no fixture officer ${id}`);
  return o;
};

export async function seedForce(repos: Repositories, extra: { officers?: Officer[]; cases?: CaseDoc[] } = {}): Promise<void> {
  const people = new Map([...officers, ...(extra.officers ?? [])].map((o) => [o.id, o]));
  await Promise.all([...people.values()].map((o) => repos.officers.upsert(o)));
  await Promise.all([...cases, ...(extra.cases ?? [])].map((c) => repos.cases.upsert(c)));
}
