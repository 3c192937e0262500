import type { CardActionOf, CardVerb } from "../../cards/card-actions";
import type { AdaptiveCardJson } from "../../cards/expand-card";
import type { AppServices } from "../compose/app-services";
import type { Scope } from "../../services/app/scope/chain-of-command";
import type { IsoDate, Moment } from "../../services/domain/dates";
import type { Officer } from "../../services/domain/officer";
import { FormValidationError } from "../../services/app/workflow/workflow-errors";
import type { FieldProblem } from "../../services/app/workflow/form-view";
import type { Command } from "../match-command";
import type { Outgoing } from "../../services/app/delivery/notifier";

/** What a handler knows about the turn: who is asking, where, and the services to ask. */
export interface Turn {
  me: Officer;
  /** The turn's instant and London day, read from the clock once when the turn starts; pass them down, never re-read. */
  at: Moment;
  services: AppServices;
  /** Group chats and channels: other people see the cards, so employment data (action plans) stays out. */
  isGroup: boolean;
  /** The viewer's chain of command (read at most once per turn) and the turn's London day (`at.today`). */
  scope(): Promise<{ scope: Scope; today: IsoDate }>;
  /**
   * `${replyToId ?? activity id}|${verb}|${subject}`: the same for Teams redelivering an invoke (or a second click on
   * the same card), different for another card or another subject, so a step is recorded once.
   */
  idempotencyKey(verb: string, subject: string): string;
  /** Sends each card proactively to its recipient's personal chat, once per ledger key, audited as a disclosure. */
  notify(outgoing: readonly Outgoing[], why: string): Promise<void>;
}

/**
 * What an action answers with: `card` replaces the clicked card for the person who clicked; `freeze`, once something
 * is recorded, is the read-only card everyone else in a group chat or channel sees.
 */
export type ActionResult = { card: AdaptiveCardJson; freeze?: AdaptiveCardJson };

/**
 * Buttons that open a workflow card from another card (a digest's "Review now", "Confirm progress", "Open plan",
 * "Start action plan"). Their card is posted as a new message and the clicked card stays as it was, so a digest keeps
 * its other items; everything else replaces the clicked card in place.
 */
export const OPENING_VERBS: ReadonlySet<CardVerb> = new Set<CardVerb>(["review", "confirm-progress", "open-plan", "start-plan"]);

export type CommandHandlers = { [K in Command["kind"]]: (t: Turn, c: Extract<Command, { kind: K }>) => Promise<AdaptiveCardJson> };
export type ActionHandlers = { [V in CardVerb]: (t: Turn, a: CardActionOf<V>) => Promise<ActionResult> };

/** A card that only shows something. */
export const shown = (card: AdaptiveCardJson): ActionResult => ({ card });

/** A recorded step: the new card for the clicker, and the same read-only card frozen for everyone else. */
export const recorded = (card: AdaptiveCardJson): ActionResult => ({ card, freeze: card });

/**
 * A form's submission: what `submit` answers or, when the service refuses what was typed, the form drawn again by
 * `redraw` with each reason beside its field. Nothing was recorded then, so nothing is frozen for anyone else.
 */
export async function submitForm(
  submit: () => Promise<ActionResult>,
  redraw: (problems: readonly FieldProblem[]) => Promise<AdaptiveCardJson>,
): Promise<ActionResult> {
  try {
    return await submit();
  } catch (err) {
    if (!(err instanceof FormValidationError)) throw err;
    return { card: await redraw(err.problems) };
  }
}
