import { z } from "zod";
import type { CardVerb } from "./card-actions";
import { expandCard, type AdaptiveCardJson } from "./expand-card";
import template from "./help.json";

export const helpCardVerbs = ["refresh"] as const satisfies readonly CardVerb[];

/** The commands, as the manifest's command list also names them. */
export const COMMANDS: readonly { command: string; meaning: string }[] = [
  { command: "status", meaning: "Your cases, your team or your teams, worst first (also \"team status\", \"how is my team doing\")" },
  { command: "my cases", meaning: "The open cases where you are the officer in charge" },
  { command: "case <ref>", meaning: "One case by its crime reference, e.g. case CF/01234/26" },
  { command: "due", meaning: "Reviews, bail dates and RUI reviews due in the next 7 days" },
  { command: "help", meaning: "This list" },
];

export const helpCardData = z.object({
  /** True when the message was not a command, so the card says so before listing them. */
  unrecognised: z.boolean().default(false),
});
export type HelpCardData = z.input<typeof helpCardData>;

export function buildHelpCard(input: HelpCardData = {}): AdaptiveCardJson {
  const data = helpCardData.parse(input);
  return expandCard(template, {
    intro: data.unrecognised ? "Sorry, I did not understand that. These are the things I can do:" : "",
    commands: COMMANDS,
  });
}
