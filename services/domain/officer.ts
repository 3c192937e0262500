import { z } from "zod";
import { isoDate } from "./dates";

export const ranks = ["DC", "PC", "TDC", "DS", "PS", "DI", "CI", "DCI", "SUPT", "DSU", "CSUPT", "DCS", "ACC", "DCC", "CC", "STAFF"] as const;
export const rank = z.enum(ranks);
export type Rank = z.infer<typeof rank>;

/** Seniority used for authority steps (bail extensions) and scope labels. */
export const rankLevel: Record<Rank, number> = {
  STAFF: 0, PC: 1, DC: 1, TDC: 1, PS: 2, DS: 2, DI: 3, CI: 4, DCI: 4, SUPT: 5, DSU: 5, CSUPT: 6, DCS: 6, ACC: 7, DCC: 8, CC: 9,
};

export const absenceKind = z.enum(["leave", "sick", "training", "other"]);
export type AbsenceKind = z.infer<typeof absenceKind>;

/** An absence has a kind and dates; never a reason or diagnosis (docs/domain-rules.md §6). */
export const absence = z
  .object({ kind: absenceKind, from: isoDate, to: isoDate.optional() })
  .strict()
  .refine((a) => a.to === undefined || a.to >= a.from, { message: "absence ends before it starts", path: ["to"] });
export type Absence = z.infer<typeof absence>;

/** Mon=1 … Sun=7 (ISO weekday). */
export const weekday = z.number().int().min(1).max(7);

export const officerFields = {
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(120),
  rank,
  aadObjectId: z.string().min(1).max(64).optional(),
  supervisorId: z.string().min(1).max(64).optional(),
  coverId: z.string().min(1).max(64).optional(),
  hoursPerWeek: z.number().min(0).max(60).default(40),
  workingDays: z.array(weekday).max(7).optional(),
  unit: z.string().max(120).optional(),
  unitJoinedOn: isoDate.optional(),
  absences: z.array(absence).default([]),
  lastOneToOneOn: isoDate.optional(),
  lastScreeningOn: isoDate.optional(),
};

export const OFFICER_SCHEMA_VERSION = 1;
export const officerDoc = z.object({
  ...officerFields,
  type: z.literal("officer"),
  schemaVersion: z.literal(OFFICER_SCHEMA_VERSION),
  _etag: z.string().optional(),
});
export type Officer = z.infer<typeof officerDoc>;
