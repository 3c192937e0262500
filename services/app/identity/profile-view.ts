import { z } from "zod";
import { rank } from "../../domain/officer";

/** Who Casewatch thinks an officer is, for the welcome card: name, rank, team and how many people they supervise. */
export const profileView = z.object({
  name: z.string().min(1),
  rank,
  unit: z.string().optional(),
  supervisorName: z.string().optional(),
  /** How many people the officer supervises, directly or below. */
  supervises: z.number().int().min(0),
  role: z.enum(["detective", "sergeant", "inspector"]),
});
export type Profile = z.infer<typeof profileView>;
