import { randomUUID } from "node:crypto";
import { TeamsActivityHandler, TurnContext, type InvokeResponse } from "botbuilder";
import { parseCardAction, type CardAction } from "../cards/card-actions";
import { buildErrorCard } from "../cards/error";
import type { AdaptiveCardJson } from "../cards/expand-card";
import { buildNotRegisteredCard } from "../cards/not-registered";
import { buildWelcomeCard } from "../cards/welcome";
import type { AppServices } from "./compose/app-services";
import type { Identity } from "../services/app/identity/identity-service";
import type { Moment } from "../services/domain/dates";
import type { Officer } from "../services/domain/officer";
import type { Clock } from "../services/platform/clock";
import { momentAt } from "../services/rules/calendar";
import { cardInvokeResponse, cardMessage, messageInvokeResponse } from "./card-message";
import { errorCardFor } from "./error-card-for";
import { coreActions, coreCommands } from "./handlers/core-handlers";
import { oversightActions, oversightCommands } from "./handlers/oversight-handlers";
import { planActions, planCommands } from "./handlers/plan-handlers";
import { reviewActions } from "./handlers/review-handlers";
import { OPENING_VERBS, type ActionHandlers, type ActionResult, type CommandHandlers, type Turn } from "./handlers/turn";
import { matchCommand, type Command } from "./match-command";
import type { Notifier } from "../services/app/delivery/notifier";
import { readTurn, type TurnInput } from "./turn-input";

export interface CasewatchBotDeps {
  services: AppServices;
  /** Read once at the start of each turn (Turn.at). */
  clock: Clock;
  timeZone: string;
  /** Proactive cards to other officers (escalations, help requests, new plans, reassigned cases). */
  notifier: Notifier;
}

/** Every command and every verb has exactly one handler; the compiler checks both maps are complete. */
const COMMANDS: CommandHandlers = { ...coreCommands, ...oversightCommands, ...planCommands };
const ACTIONS: ActionHandlers = { ...coreActions, ...reviewActions, ...planActions, ...oversightActions };

/**
 * The Teams edge. It admits the caller, reads the command or action, and hands it to one handler (bot/handlers/*),
 * which calls one application service and answers with one card; scope, audit and idempotency live in the services.
 */
export class CasewatchBot extends TeamsActivityHandler {
  private readonly services: AppServices;
  private readonly notifier: Notifier;
  private readonly clock: Clock;
  private readonly timeZone: string;

  constructor(deps: CasewatchBotDeps) {
    super();
    this.services = deps.services;
    this.notifier = deps.notifier;
    this.clock = deps.clock;
    this.timeZone = deps.timeZone;
    // Each activity reads the clock once (`this.now()`) and passes that moment to everything it calls.
    this.onMessage(async (context, next) => {
      const at = this.now();
      const me = await this.admit(context, at);
      if (me) await context.sendActivity(cardMessage(await this.answer(this.turnOf(context, me, at), matchCommand(readTurn(context).text))));
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      const at = this.now();
      const me = await this.admit(context, at);
      if (me && context.activity.action === "add") await context.sendActivity(cardMessage(buildWelcomeCard(await this.services.identity.profile(me, at.today))));
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.forget(readTurn(context), "uninstalled", this.now());
      await next();
    });
    this.onConversationUpdate(async (context, next) => {
      const at = this.now();
      const botRemoved = (context.activity.membersRemoved ?? []).some((m) => m.id === context.activity.recipient?.id);
      await (botRemoved ? this.forget(readTurn(context), "removed from conversation", at) : this.remember(context, readTurn(context), at));
      await next();
    });
  }

  /** `Action.Execute`: nothing is read or written until the action data has parsed. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== "adaptiveCard/action") return super.onInvokeActivity(context);
    const parsed = parseCardAction(context.activity.value);
    if (!parsed.ok) return cardInvokeResponse(buildErrorCard({ title: "That button did not work", message: parsed.problem }));
    const identity = await this.services.identity.identify(readTurn(context).caller);
    if (identity.kind !== "officer") return cardInvokeResponse(refusalCard(identity));
    const action = parsed.action;
    const at = this.now();
    const result = await recover<ActionResult>(() => this.act(this.turnOf(context, identity.officer, at), action), (card) => ({ card }));
    if (OPENING_VERBS.has(action.verb)) {
      await context.sendActivity(cardMessage(result.card));
      return messageInvokeResponse("Opened below.");
    }
    if (result.freeze) await this.freeze(context, result.freeze);
    return cardInvokeResponse(result.card);
  }

  private answer(t: Turn, command: Command): Promise<AdaptiveCardJson> {
    const handler = COMMANDS[command.kind] as (t: Turn, c: Command) => Promise<AdaptiveCardJson>;
    return recover(() => handler(t, command), (card) => card);
  }

  private act(t: Turn, action: CardAction): Promise<ActionResult> {
    const handler = ACTIONS[action.verb] as (t: Turn, a: CardAction) => Promise<ActionResult>;
    return handler(t, action);
  }

  /** The turn's instant and London day, read from the clock once per activity. */
  private now(): Moment {
    return momentAt(this.clock.now(), this.timeZone);
  }

  /** What the handlers get for this activity; the scope is read at most once per turn. */
  private turnOf(context: TurnContext, me: Officer, at: Moment): Turn {
    const { caller, isGroup } = readTurn(context);
    const a = context.activity;
    // An invoke names the card it came from (replyToId), so Teams redelivering it, or a second click, repeats the key.
    const base = (a.type === "invoke" ? a.replyToId : undefined) ?? a.id ?? randomUUID();
    let scoped: ReturnType<Turn["scope"]> | undefined;
    return {
      me,
      at,
      services: this.services,
      isGroup,
      scope: () => (scoped ??= this.services.scopedCases.scopeOf(me, at.today)),
      idempotencyKey: (verb, subject) => `${base}|${verb}|${subject}`,
      notify: async (outgoing, why) => {
        // The caller was admitted, so their tenant is known and allowed; recipients are in the same force.
        if (!caller.tenantId) return;
        for (const n of outgoing) await this.notifier.notify(me.id, caller.tenantId, n, why);
      },
    };
  }

  /** The caller as an officer, after remembering where to reach them; everyone else gets a card and nothing more. */
  private async admit(context: TurnContext, at: Moment): Promise<Officer | undefined> {
    const turn = readTurn(context);
    const identity = await this.services.identity.identify(turn.caller);
    await this.remember(context, turn, at);
    if (identity.kind === "officer") return identity.officer;
    await context.sendActivity(cardMessage(refusalCard(identity)));
    return undefined;
  }

  /** Stores the reference for proactive cards; never for a tenant outside the allow-list. */
  private async remember(context: TurnContext, { caller, scope }: TurnInput, at: Moment): Promise<void> {
    if (!caller.aadObjectId || !caller.tenantId || !this.services.identity.tenantAllowed(caller.tenantId)) return;
    const reference = TurnContext.getConversationReference(context.activity) as Record<string, unknown>;
    await this.services.installations.remember({ tenantId: caller.tenantId, aadObjectId: caller.aadObjectId, scope, reference }, at.now);
  }

  private async forget({ caller, scope }: TurnInput, reason: string, at: Moment): Promise<void> {
    if (!caller.aadObjectId || !caller.tenantId || !this.services.identity.tenantAllowed(caller.tenantId)) return;
    await this.services.installations.forget({ tenantId: caller.tenantId, aadObjectId: caller.aadObjectId, scope }, reason, at.now);
  }

  /** In group chats and channels everyone else sees the finished, read-only card ("Reviewed by DS Khan at 10:42"). */
  private async freeze(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
    const id = context.activity.replyToId;
    if (!readTurn(context).isGroup || !id) return;
    await context.updateActivity({ ...cardMessage(card), id });
  }
}

function refusalCard(identity: Exclude<Identity, { kind: "officer" }>): AdaptiveCardJson {
  return identity.kind === "tenant-refused"
    ? buildErrorCard({ title: "Not available", message: "Casewatch is not available to your organisation.", offerHelp: false })
    : buildNotRegisteredCard();
}

/** Errors people should hear about become an error card; anything else goes on to the one turn-error handler. */
async function recover<T>(run: () => Promise<T>, fromCard: (card: AdaptiveCardJson) => T): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const card = errorCardFor(err);
    if (!card) throw err;
    return fromCard(card);
  }
}
