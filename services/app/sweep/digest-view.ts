import { z } from "zod";
import { crimeRef, risk } from "../../domain/case";
import { isoDate } from "../../domain/dates";

/**
 * The buttons a digest item can carry: open a review, confirm progress, open a plan, start a plan. Each is a member
 * of the bot's one card-action union (cards/card-actions.ts); cards/digest.ts checks that at compile time and its
 * test at run time.
 */
export const digestAction = z.discriminatedUnion("verb", [
  z.object({ verb: z.literal("review"), ref: crimeRef }).strict(),
  z.object({ verb: z.literal("confirm-progress"), ref: crimeRef }).strict(),
  z.object({ verb: z.literal("open-plan"), planId: z.string().min(1).max(120) }).strict(),
  z.object({ verb: z.literal("start-plan"), officerId: z.string().min(1).max(64) }).strict(),
]);
export type DigestAction = z.infer<typeof digestAction>;
export type DigestVerb = DigestAction["verb"];

export const digestUrgency = z.enum(["urgent", "action", "info"]);
export type DigestUrgency = z.infer<typeof digestUrgency>;

/** Who must authorise a bail extension (docs/domain-rules.md §3). */
export const bailAuthority = z.enum(["inspector", "superintendent", "court"]);

/**
 * The figures and dates behind an item, each one known to be safe to show; the card words them. Anything else the
 * planner knew about the item is left out here, not merely hidden by the card.
 */
export const digestDetail = z
  .object({
    authority: bailAuthority.optional(),
    endsOn: isoDate.optional(),
    lapsedOn: isoDate.optional(),
    updateBy: isoDate.optional(),
    daysLeft: z.number().int().min(0).optional(),
    overdueDays: z.number().int().optional(),
    daysSinceUpdate: z.number().int().optional(),
    forensicsDays: z.number().int().optional(),
    missed: z.number().int().optional(),
  })
  .strict();
export type DigestDetail = z.infer<typeof digestDetail>;

/**
 * One line of the digest. Minimisation (docs/domain-rules.md §8): only a crime reference, offence category, risk,
 * dates, figures and officer names; never a victim's or suspect's name, an address or bail conditions. `headline` is
 * written by our own code from fixed phrases, never copied from case text.
 */
export const digestItem = z.object({
  headline: z.string().min(1).max(120),
  detail: digestDetail.optional(),
  ref: crimeRef.optional(),
  offenceCategory: z.string().max(80).optional(),
  risk: risk.optional(),
  dueOn: isoDate,
  officerName: z.string().max(120).optional(),
  /** Wellbeing prompts (1:1, tenure) carry no button: nothing in the bot records them yet. */
  action: digestAction.optional(),
});
export type DigestItem = z.infer<typeof digestItem>;

/** One recipient's digest: what the sweep produces and cards/digest.ts renders. */
export const digestView = z.object({
  recipientName: z.string().min(1).max(120),
  day: isoDate,
  groups: z
    .array(z.object({ urgency: digestUrgency, items: z.array(digestItem).min(1).max(100) }))
    .min(1)
    .refine((g) => new Set(g.map((x) => x.urgency)).size === g.length, "each urgency may appear once"),
});
export type DigestView = z.infer<typeof digestView>;

/** The sweep's renderer, injected by the composition root: services never build cards. */
export type RenderDigest = (view: DigestView) => Record<string, unknown>;
