import { z } from "zod";
import { crimeRef, risk } from "../services/domain/case";
import { isoDate } from "../services/domain/dates";
import { planStartAction } from "./action-plan";
import type { CardVerb } from "./card-actions";
import template from "./digest.json";
import { compileCard, type AdaptiveCardJson } from "./expand-card";
import { planOpenAction } from "./plan-acknowledge";
import { progressOpenAction } from "./progress";
import { reviewOpenAction } from "./review";

/** The template, parsed once when the module loads. */
const expandTemplate = compileCard(template);

/** The buttons a digest item can carry. Each is a member of the ONE card-action union (cards/card-actions). */
export const digestVerbs = ["review", "confirm-progress", "open-plan", "start-plan"] as const satisfies readonly CardVerb[];
export type DigestVerb = (typeof digestVerbs)[number];

/** The digest's buttons, made of the same schemas the bot parses them with: review, progress, plan, new plan. */
export const digestActionData = z.discriminatedUnion("verb", [reviewOpenAction, progressOpenAction, planOpenAction, planStartAction]);
export type DigestActionData = z.infer<typeof digestActionData>;

export const digestUrgency = z.enum(["urgent", "action", "info"]);
export type DigestUrgency = z.infer<typeof digestUrgency>;

/**
 * One line of the digest. Minimisation (docs/domain-rules.md §8): only a crime reference, offence category, risk, dates and
 * officer names; never a victim's or suspect's name, an address or bail conditions. `headline` and `detail` are
 * written by our own code from fixed phrases, never copied from case text.
 */
export const digestItem = z.object({
  headline: z.string().min(1).max(120),
  detail: z.string().max(160).optional(),
  ref: crimeRef.optional(),
  offenceCategory: z.string().max(80).optional(),
  risk: risk.optional(),
  dueOn: isoDate,
  officerName: z.string().max(120).optional(),
  /** Wellbeing prompts (1:1, tenure) carry no button: nothing in the bot records them yet. */
  action: digestActionData.optional(),
});
export type DigestItem = z.infer<typeof digestItem>;

export const digestCardData = z.object({
  recipientName: z.string().min(1).max(120),
  day: isoDate,
  groups: z
    .array(z.object({ urgency: digestUrgency, items: z.array(digestItem).min(1).max(100) }))
    .min(1)
    .refine((g) => new Set(g.map((x) => x.urgency)).size === g.length, "each urgency may appear once"),
});
export type DigestCardData = z.infer<typeof digestCardData>;

const groupLook: Record<DigestUrgency, { title: string; style: string; color: string; order: number }> = {
  urgent: { title: "Urgent", style: "attention", color: "attention", order: 0 },
  action: { title: "Needs your action", style: "default", color: "warning", order: 1 },
  info: { title: "For information", style: "default", color: "default", order: 2 },
};

const actionTitles: Record<DigestVerb, string> = {
  review: "Review now",
  "confirm-progress": "Confirm progress",
  "open-plan": "Open plan",
  "start-plan": "Start action plan",
};

function factsLine(item: DigestItem): string {
  return [
    item.ref,
    item.offenceCategory,
    item.risk ? `risk ${item.risk}` : undefined,
    `due ${item.dueOn}`,
    item.officerName,
    item.detail,
  ].filter((p): p is string => p !== undefined && p !== "").join(" · ");
}

/** Renders the one-per-person digest card (Adaptive Card 1.5) from zod-checked data. */
export function buildDigestCard(input: DigestCardData): AdaptiveCardJson {
  const data = digestCardData.parse(input);
  const count = data.groups.reduce((n, g) => n + g.items.length, 0);
  const groups = [...data.groups]
    .sort((a, b) => groupLook[a.urgency].order - groupLook[b.urgency].order)
    .map((g) => ({
      ...groupLook[g.urgency],
      items: g.items.map((item) => ({
        headline: item.headline,
        factsLine: factsLine(item),
        hasAction: item.action !== undefined,
        ...(item.action ? { actionTitle: actionTitles[item.action.verb], action: item.action } : {}),
      })),
    }));
  const view = {
    heading: `Casewatch digest for ${data.recipientName}`,
    summary: `${data.day}: ${count} item${count === 1 ? "" : "s"}`,
    groups,
  };
  return expandTemplate(view);
}
