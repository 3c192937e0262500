import { digestAction, digestView, type DigestAction, type DigestDetail, type DigestItem, type DigestUrgency, type DigestVerb, type DigestView } from "../services/app/sweep/digest-view";
import type { CardActionOf, CardVerb } from "./card-actions";
import template from "./digest.json";
import { compileCard, type AdaptiveCardJson } from "./expand-card";
import { days, formatDay } from "./format-day";

/** The template, parsed once when the module loads. */
const expandTemplate = compileCard(template);

/** The buttons a digest item can carry. Each is a member of the ONE card-action union (cards/card-actions). */
export const digestVerbs = ["review", "confirm-progress", "open-plan", "start-plan"] as const satisfies readonly CardVerb[];

/** The digest's buttons, as the view declares them (services/app/sweep/digest-view.ts). */
export const digestActionData = digestAction;
export type DigestActionData = DigestAction;
// Every digest button must be exactly an action the bot parses: this fails to compile if the two drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _digestActionsAreCardActions: Same<DigestAction, CardActionOf<DigestVerb>> = true;
void _digestActionsAreCardActions;
const _digestVerbsAreTheViewVerbs: Same<(typeof digestVerbs)[number], DigestVerb> = true;
void _digestVerbsAreTheViewVerbs;

export type { DigestItem, DigestUrgency };
export type DigestCardData = DigestView;

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

const authorityWords: Record<NonNullable<DigestDetail["authority"]>, string> = {
  inspector: "needs an inspector",
  superintendent: "needs a superintendent",
  court: "needs a court application",
};

/** The item's figures and dates as words, in a fixed order. */
function detailWords(d: DigestDetail | undefined): string | undefined {
  if (!d) return undefined;
  const parts = [
    d.authority ? authorityWords[d.authority] : undefined,
    d.endsOn ? `bail ends ${formatDay(d.endsOn)}` : undefined,
    d.lapsedOn ? `lapsed ${formatDay(d.lapsedOn)}` : undefined,
    d.updateBy ? `update victim by ${formatDay(d.updateBy)}` : undefined,
    d.daysLeft !== undefined ? (d.daysLeft === 0 ? "ends today" : `${days(d.daysLeft)} left`) : undefined,
    d.overdueDays !== undefined ? `${days(d.overdueDays)} overdue` : undefined,
    d.daysSinceUpdate !== undefined ? `${days(d.daysSinceUpdate)} since update` : undefined,
    d.forensicsDays !== undefined ? `${days(d.forensicsDays)} awaiting forensics` : undefined,
    d.missed !== undefined ? `${d.missed} checkpoints missed` : undefined,
  ].filter((p): p is string => p !== undefined);
  return parts.length > 0 ? parts.join(", ").slice(0, 160) : undefined;
}

function factsLine(item: DigestItem): string {
  return [
    item.ref,
    item.offenceCategory,
    item.risk ? `risk ${item.risk}` : undefined,
    `due ${item.dueOn}`,
    item.officerName,
    detailWords(item.detail),
  ].filter((p): p is string => p !== undefined && p !== "").join(" · ");
}

/** Renders the one-per-person digest card (Adaptive Card 1.5) from zod-checked data. */
export function buildDigestCard(input: DigestView): AdaptiveCardJson {
  const data = digestView.parse(input);
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
