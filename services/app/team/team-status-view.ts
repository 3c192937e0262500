import { z } from "zod";
import { isoDate } from "../../domain/dates";
import { statusTotals } from "../status/status-view";
import { oversightViewer, teamFigures, thresholds } from "./team-figures-view";

/** An inspector's one card (issue 6 §1): every sergeant's team in scope, worst first, with the scope's totals. */
export const teamStatusView = z.object({
  viewer: oversightViewer,
  today: isoDate,
  thresholds,
  totals: statusTotals,
  teams: z.array(teamFigures),
});
export type TeamStatusView = z.infer<typeof teamStatusView>;
