import { z } from "zod";
import { isoDate } from "../../domain/dates";
import { officerFigures, oversightViewer, teamFigures, thresholds } from "./team-figures-view";

/** One team's figures and its officers, worst first. */
export const teamDrilldownView = z.object({
  viewer: oversightViewer,
  today: isoDate,
  thresholds,
  team: teamFigures,
  officers: z.array(officerFigures),
});
export type TeamDrilldownView = z.infer<typeof teamDrilldownView>;
