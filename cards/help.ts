import { z } from "zod";
import type { CardVerb } from "./card-actions";
import { compileCard, type AdaptiveCardJson } from "./expand-card";
import template from "./help.json";

/** The template, parsed once when the module loads. */
const expandTemplate = compileCard(template);

export const helpCardVerbs = ["refresh"] as const satisfies readonly CardVerb[];

/**
 * The commands, as the manifest's command list also names them. Each is shown as a worked example, never with
 * angle-bracket placeholders: Teams and the Playground drop `<ref>` as an unknown HTML tag.
 */
export const COMMANDS: readonly { command: string; meaning: string }[] = [
  { command: "status", meaning: "Your cases, your team or your teams, worst first (also \"team status\", \"how is my team doing\")" },
  { command: "my cases", meaning: "The open cases where you are the officer in charge, each with Confirm progress" },
  { command: "case CF/01234/26", meaning: "One case by its crime reference, written as the force writes it" },
  { command: "due", meaning: "Reviews, bail dates and RUI reviews due in the next 7 days" },
  { command: "plan DC Jo Evans", meaning: "Supervisors: start an action plan for someone you supervise" },
  {
    command: "absent DC Jo Evans leave from 2026-04-06 to 2026-04-10",
    meaning: "Supervisors: record an absence (leave, sick, training or other; \"to\" is optional) and see the cases with deadlines inside it",
  },
  { command: "back", meaning: "End your own absence: you are back at work" },
  { command: "reassign CF/01234/26 to DC Jo Evans", meaning: "Supervisors: give a case a new officer in charge (you are warned if they would go over capacity)" },
  { command: "handover DS Aisha Khan to DS Tom Reid", meaning: "Inspectors and above: everyone reporting to the first supervisor moves under the second, who gets a digest of what they inherit" },
  { command: "1:1 DC Jo Evans", meaning: "Supervisors: record a 1:1 done today (add \"on 2026-03-02\" for another day)" },
  { command: "help", meaning: "This list" },
];

export const helpCardData = z.object({
  /** True when the message was not a command, so the card says so before listing them. */
  unrecognised: z.boolean().default(false),
});
export type HelpCardData = z.input<typeof helpCardData>;

export function buildHelpCard(input: HelpCardData = {}): AdaptiveCardJson {
  const data = helpCardData.parse(input);
  return expandTemplate({
    intro: data.unrecognised ? "Sorry, I did not understand that. These are the things I can do:" : "",
    commands: COMMANDS,
  });
}
