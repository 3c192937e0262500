import { z } from "zod";
import { crimeRef, risk } from "../../domain/case";
import { isoDate } from "../../domain/dates";
import { authority } from "./case-line-view";
import { listViewer } from "./my-cases-view";

export const dueKind = z.enum(["review", "bail-ends", "rui-review", "first-action"]);
export const dueItem = z.object({
  on: isoDate,
  kind: dueKind,
  ref: crimeRef,
  offenceCategory: z.string(),
  risk,
  oicName: z.string(),
  /** For bail: the authority needed to keep the suspect on bail past the end date. */
  authority: authority.optional(),
});
export type DueItem = z.infer<typeof dueItem>;

/** `due`: what is overdue and what falls due up to `until` across the viewer's scope, each list capped. */
export const dueView = z.object({
  viewer: listViewer,
  today: isoDate,
  until: isoDate,
  scope: z.enum(["own", "team", "teams"]),
  overdue: z.array(dueItem),
  moreOverdue: z.number().int().min(0),
  upcoming: z.array(dueItem),
  moreUpcoming: z.number().int().min(0),
});
export type DueView = z.infer<typeof dueView>;
