import { z } from "zod";
import type { CardVerb } from "./card-actions";
import { compileCard, type AdaptiveCardJson } from "./expand-card";
import template from "./not-registered.json";

/** The template, parsed once when the module loads. */
const expandTemplate = compileCard(template);

/** No buttons: an unregistered person can do nothing, and learns nothing about any case. */
export const notRegisteredCardVerbs = [] as const satisfies readonly CardVerb[];

export const notRegisteredCardData = z.object({}).strict();
export type NotRegisteredCardData = z.infer<typeof notRegisteredCardData>;

export function buildNotRegisteredCard(input: NotRegisteredCardData = {}): AdaptiveCardJson {
  notRegisteredCardData.parse(input);
  return expandTemplate({
    advice: "If you should have access, ask your supervisor to have the Casewatch administrator add your Microsoft Teams account (Entra object ID) to your officer record.",
  });
}
