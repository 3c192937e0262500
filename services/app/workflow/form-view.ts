import { z } from "zod";

/** One refused input, named by its path in the service input (e.g. `actions.1.targetOn`), with a reason people can act on. */
export const fieldProblem = z.object({ field: z.string(), reason: z.string() });
export type FieldProblem = z.infer<typeof fieldProblem>;

/** Who did a one-time workflow step, in words a card can show ("DS Khan", "10:42"). */
export const doneBy = z.object({ byId: z.string(), byName: z.string(), at: z.string(), atLabel: z.string() });
export type DoneBy = z.infer<typeof doneBy>;
