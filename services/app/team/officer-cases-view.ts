import { z } from "zod";
import { isoDate } from "../../domain/dates";
import { caseLine } from "../cases/case-line-view";
import { officerFigures, oversightViewer } from "./team-figures-view";

/** One officer's open cases, worst first, capped; the rest is counted. */
export const officerCasesView = z.object({
  viewer: oversightViewer,
  today: isoDate,
  officer: officerFigures,
  /** The officer's supervisor when the viewer may open that team, for a "back to team" button. */
  teamSupervisorId: z.string().optional(),
  cases: z.array(caseLine),
  more: z.number().int().min(0),
});
export type OfficerCasesView = z.infer<typeof officerCasesView>;
