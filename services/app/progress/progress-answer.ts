import { z } from "zod";

/** The OIC's one-click answers to "is this case moving?" (issue 5 §2). */
export const progressAnswer = z.enum(["updated", "awaiting-forensics", "awaiting-cps", "need-help"]);
export type ProgressAnswer = z.infer<typeof progressAnswer>;

export const PROGRESS_ANSWER_LABEL: Record<ProgressAnswer, string> = {
  updated: "Updated the crime report",
  "awaiting-forensics": "Awaiting forensics",
  "awaiting-cps": "Awaiting CPS",
  "need-help": "Need help",
};
