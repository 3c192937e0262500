import { profileView, type Profile } from "../services/app/identity/profile-view";
import type { CardVerb } from "./card-actions";
import { compileCard, type AdaptiveCardJson } from "./expand-card";
import template from "./welcome.json";

/** The template, parsed once when the module loads. */
const expandTemplate = compileCard(template);

export const welcomeCardVerbs = ["refresh"] as const satisfies readonly CardVerb[];

export const welcomeCardData = profileView;
export type WelcomeCardData = Profile;

const ABILITIES: Record<WelcomeCardData["role"], string[]> = {
  detective: [
    "status or my cases: your open cases, worst first, with review, bail and update dates",
    "due: what falls due in the next 7 days",
    "case CF/01234/26 (a crime reference): one of your cases in full",
    "Reminders before your reviews, bail dates and stale cases fall due",
  ],
  sergeant: [
    "status: your team, busiest officer first, and the cases that need attention",
    "due: what falls due across your team in the next 7 days",
    "case CF/01234/26 (a crime reference): any case your team holds",
    "Review prompts, and escalations when a case goes stale or bail is close",
  ],
  inspector: [
    "status: one line per team, worst first, with over-capacity officers named",
    "due: what falls due across your teams in the next 7 days",
    "case CF/01234/26 (a crime reference): any case held below you in the chain of command",
    "Escalations for overdue reviews, year-stale cases and bail that is about to lapse",
  ],
};

/** Sent on install: who Casewatch thinks the person is (name, rank, team) and what it can do for them. */
export function buildWelcomeCard(input: WelcomeCardData): AdaptiveCardJson {
  const d = welcomeCardData.parse(input);
  const identity = [
    { title: "Name", value: d.name },
    { title: "Rank", value: d.rank },
    { title: "Team", value: [d.unit, d.supervisorName ? `reporting to ${d.supervisorName}` : undefined].filter(Boolean).join(", ") || "not recorded" },
  ];
  if (d.supervises > 0) identity.push({ title: "You supervise", value: `${d.supervises} ${d.supervises === 1 ? "person" : "people"}` });
  return expandTemplate({ greeting: `Hello, ${d.rank} ${d.name}`, identity, abilities: ABILITIES[d.role] });
}
