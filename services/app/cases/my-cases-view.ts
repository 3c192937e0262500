import { z } from "zod";
import { isoDate } from "../../domain/dates";
import { caseLine } from "./case-line-view";

/** Who a case list was drawn for, as its heading names them. */
export const listViewer = z.object({ name: z.string(), rank: z.string() });

/** `my cases`: the viewer's own open cases as OIC, worst first, capped; `more` counts the rest. */
export const myCasesView = z.object({
  viewer: listViewer,
  today: isoDate,
  cases: z.array(caseLine),
  more: z.number().int().min(0),
});
export type MyCasesView = z.infer<typeof myCasesView>;
