import { z } from "zod";
import { isoInstant } from "../../domain/dates";

/** Who did a one-time card action, and when, in words a card can show ("DS Khan", "10:42"). */
export const acknowledgement = z.object({ byId: z.string(), byName: z.string(), at: isoInstant, atLabel: z.string() });
export type Acknowledgement = z.infer<typeof acknowledgement>;
