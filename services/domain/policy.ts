import { z } from "zod";
import { ianaTimeZone, isoDate } from "./dates";

const days = z.number().int().min(0).max(3650);
const atLeast = (min: number) => days.min(min, `may only be raised above the legal default of ${min} days`).default(min);
function riskDays(d: { "very-high": number; high: number; medium: number; low: number }) {
  return z.object({ "very-high": days.default(d["very-high"]), high: days.default(d.high), medium: days.default(d.medium), low: days.default(d.low) })
    .strict().prefault({});
}

/**
 * Every threshold from docs/domain-rules.md, each defaulting to the cited value.
 * A force overrides any of them in its policy JSON file; unknown keys are errors so typos surface.
 */
export const policySchema = z
  .object({
    timeZone: ianaTimeZone.default("Europe/London"),
    review: z.object({
      cadenceDays: riskDays({ "very-high": 7, high: 7, medium: 14, low: 14 }),
      /** Escalate to the inspector once overdue by this many full cadences (2 × cadence since last review). */
      escalateAfterCadences: z.number().int().min(1).max(10).default(2),
      /** The furthest a reviewer may set the next review, as a multiple of the cadence. */
      maxNextReviewDays: days.default(28),
      kiratInitialActionDays: riskDays({ "very-high": 1, high: 7, medium: 14, low: 30 }),
    }).strict().prefault({}),
    progress: z.object({
      promptOicAfterDays: days.default(14),
      alertSergeantAfterDays: days.default(28),
      alertInspectorAfterDays: days.default(56),
      redAfterDays: days.default(365),
      forensicsFlagAfterDays: days.default(60),
    }).strict().prefault({}),
    bail: z.object({
      reminderDaysBefore: z.array(days).min(1)
        .refine((d) => d.includes(0), "must include 0 (the day the bail period ends)")
        .default([28, 14, 7, 2, 1, 0]),
      copySergeantFromDays: days.default(7),
      copyInspectorFromDays: days.default(2),
      urgentWithinDays: days.default(2),
      // Bail periods are fixed by law: a force may only warn earlier than these defaults, never later.
      authorityStepLeadDays: z.object({ inspector: atLeast(14), superintendent: atLeast(21), court: atLeast(28) })
        .strict().prefault({}),
      victimUpdateWorkingDays: days.default(5),
      victimUpdateEnhancedWorkingDays: days.default(1),
      ruiReviewEveryDays: days.default(30),
    }).strict().prefault({}),
    actionPlan: z.object({
      checkpointEveryDays: days.default(14),
      lengthDays: days.default(56),
      maxLengthDays: days.default(91),
      suggestAtStaleCases: z.number().int().min(1).default(2),
      escalateAfterMissedCheckpoints: z.number().int().min(1).default(2),
    }).strict().prefault({}),
    status: z.object({
      /** Cases needing attention listed on a supervisor's status card, worst first; the rest are counted. */
      attentionListLimit: z.number().int().min(1).max(100).default(10),
      /** A detective's own open cases listed on their status card, worst first; the rest are counted. */
      ownCasesListLimit: z.number().int().min(1).max(100).default(25),
      /** Pre-charge bail ending within this many days counts as "bail ending soon" on status and team cards. */
      bailSoonDays: days.default(7),
    }).strict().prefault({}),
    urgency: z.object({
      /** Bail ending within this many days puts a case in the most urgent band of a worst-first list, below lapsed bail only. */
      bailCriticalWithinDays: days.default(2),
      /** Bail ending within this many days (and beyond the critical band) puts a case in the next band. */
      bailNearWithinDays: days.default(7),
    }).strict().prefault({}),
    workload: z.object({
      casesPerFte: z.number().min(1).default(12),
      fullTimeHours: z.number().min(1).default(40),
      spanOfControlWarnAbove: z.number().int().min(1).default(10),
    }).strict().prefault({}),
    wellbeing: z.object({
      oneToOneEveryDays: days.default(30),
      tenureFirstReminderYears: z.number().min(0).default(4),
      screeningAfterYears: z.number().min(0).default(5),
      screeningEveryMonths: z.number().int().min(1).default(6),
      highExposureUnits: z.array(z.string()).default(["POLIT", "OCAIT"]),
    }).strict().prefault({}),
    schedule: z.object({
      morningTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM").default("08:00"),
      /** England & Wales bank holidays (gov.uk), configurable. */
      bankHolidays: z.array(isoDate).default([
        "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
        "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28",
        "2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26",
      ]),
    }).strict().prefault({}),
  })
  .strict()
  .strict();

export type Policy = z.infer<typeof policySchema>;

/** The policy with every docs/domain-rules.md default. */
export function defaultPolicy(): Policy {
  return policySchema.parse({});
}
