import { z } from "zod";
import type { CardVerb } from "./card-actions";
import { compileCard, type AdaptiveCardJson } from "./expand-card";
import template from "./error.json";

/** The template, parsed once when the module loads. */
const expandTemplate = compileCard(template);

export const errorCardVerbs = ["refresh"] as const satisfies readonly CardVerb[];

export const errorCardData = z.object({
  title: z.string().min(1).max(120),
  /** Says what was wrong and what to do; written by our code, never a stack or a raw exception message. */
  message: z.string().min(1).max(600),
  nothingChanged: z.boolean().default(true),
  offerHelp: z.boolean().default(true),
});
export type ErrorCardData = z.input<typeof errorCardData>;

export function buildErrorCard(input: ErrorCardData): AdaptiveCardJson {
  return expandTemplate(errorCardData.parse(input));
}
