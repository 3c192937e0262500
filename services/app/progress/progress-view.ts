import { z } from "zod";
import { crimeRef, risk } from "../../domain/case";
import { isoDate } from "../../domain/dates";

/** The OIC's one-click answers to "is this case moving?" (issue 5 §2). */
export const progressAnswer = z.enum(["updated", "awaiting-forensics", "awaiting-cps", "need-help"]);
export type ProgressAnswer = z.infer<typeof progressAnswer>;

export const PROGRESS_ANSWER_LABEL: Record<ProgressAnswer, string> = {
  updated: "Updated the crime report",
  "awaiting-forensics": "Awaiting forensics",
  "awaiting-cps": "Awaiting CPS",
  "need-help": "Need help",
};

const caseFacts = {
  ref: crimeRef,
  offenceCategory: z.string(),
  risk,
  oicName: z.string(),
  lastUpdatedOn: isoDate.optional(),
  daysSinceUpdate: z.number().int(),
  awaitingForensicsSince: isoDate.optional(),
  awaitingCpsSince: isoDate.optional(),
};

/**
 * ask: the OIC's one-click card; answered: the same card after an answer (also what everyone else sees);
 * help-request: what the sergeant receives for "need help", with the OIC's note.
 */
export const progressView = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("ask"), ...caseFacts }),
  z.object({
    mode: z.literal("answered"), ...caseFacts, answer: progressAnswer, byName: z.string(), atLabel: z.string(), already: z.boolean().default(false),
  }),
  z.object({ mode: z.literal("help-request"), ...caseFacts, fromName: z.string(), atLabel: z.string(), note: z.string().max(500).optional() }),
]);
export type ProgressView = z.input<typeof progressView>;
