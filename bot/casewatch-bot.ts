import { TeamsActivityHandler, TurnContext, type InvokeResponse } from "botbuilder";
import { parseCardAction, type CardAction, type CardActionOf, type CardVerb, type RefreshableView } from "../cards/card-actions";
import { buildCaseCard } from "../cards/case";
import { buildDueCard } from "../cards/due";
import { buildErrorCard } from "../cards/error";
import type { AdaptiveCardJson } from "../cards/expand-card";
import { buildHelpCard } from "../cards/help";
import { buildMyCasesCard } from "../cards/my-cases";
import { buildNotRegisteredCard } from "../cards/not-registered";
import { buildStatusCard } from "../cards/status";
import { buildWelcomeCard } from "../cards/welcome";
import type { AppServices } from "../services/app/app-services";
import type { Identity } from "../services/app/identity-service";
import type { Purpose } from "../services/app/view-audit";
import type { Officer } from "../services/domain/officer";
import { cardInvokeResponse, cardMessage } from "./card-message";
import { errorCardFor } from "./error-card-for";
import { matchCommand, type Command } from "./match-command";
import { readTurn, type TurnInput } from "./turn-input";

export interface CasewatchBotDeps {
  services: AppServices;
}

/** An action's answer: the card for the person who clicked and, once something is recorded, a read-only card for everyone. */
type ActionResult = { card: AdaptiveCardJson; freeze?: AdaptiveCardJson };
type CommandHandlers = { [K in Command["kind"]]: (me: Officer, c: Extract<Command, { kind: K }>) => Promise<AdaptiveCardJson> };
type ActionHandlers = { [V in CardVerb]: (me: Officer, a: CardActionOf<V>) => Promise<ActionResult> };

/**
 * The Teams edge. Each handler reads its input, calls one application service and answers with one card; scope,
 * audit and idempotency live in the services, not here.
 */
export class CasewatchBot extends TeamsActivityHandler {
  private readonly services: AppServices;

  constructor(deps: CasewatchBotDeps) {
    super();
    this.services = deps.services;
    this.onMessage(async (context, next) => {
      const me = await this.admit(context);
      if (me) await context.sendActivity(cardMessage(await this.answer(me, matchCommand(readTurn(context).text))));
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      const me = await this.admit(context);
      if (me && context.activity.action === "add") await context.sendActivity(cardMessage(buildWelcomeCard(await this.services.identity.profile(me))));
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.forget(readTurn(context), "uninstalled");
      await next();
    });
    this.onConversationUpdate(async (context, next) => {
      const botRemoved = (context.activity.membersRemoved ?? []).some((m) => m.id === context.activity.recipient?.id);
      await (botRemoved ? this.forget(readTurn(context), "removed from conversation") : this.remember(context, readTurn(context)));
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
    const result = await recover<ActionResult>(() => this.act(identity.officer, parsed.action), (card) => ({ card }));
    if (result.freeze) await this.freeze(context, result.freeze);
    return cardInvokeResponse(result.card);
  }

  private readonly commands: CommandHandlers = {
    help: async () => buildHelpCard(),
    unknown: async () => buildHelpCard({ unrecognised: true }),
    status: (me) => this.view(me, "status", "command:status"),
    "my-cases": (me) => this.view(me, "my-cases", "command:my cases"),
    due: (me) => this.view(me, "due", "command:due"),
    case: async (me, c) => buildCaseCard(await this.services.cases.caseDetail(me, c.ref, "command:case")),
  };

  private readonly actions: ActionHandlers = {
    refresh: async (me, a) => ({ card: await this.view(me, a.view, "action:refresh") }),
    "open-case": async (me, a) => ({ card: buildCaseCard(await this.services.cases.caseDetail(me, a.ref, "action:open-case")) }),
    "mark-seen": async (me, a) => {
      const outcome = await this.services.status.markSeen(me, { officerId: a.officerId, on: a.on }, "action:mark-seen");
      if (outcome.kind === "not-owner") return { card: NOT_YOUR_CARD };
      if (outcome.kind === "already-seen") return { card: buildStatusCard({ ...outcome.content, seenWording: "already" }) };
      return { card: buildStatusCard({ ...outcome.content, seenWording: "marked" }), freeze: buildStatusCard({ ...outcome.content, frozen: true }) };
    },
  };

  private answer(me: Officer, command: Command): Promise<AdaptiveCardJson> {
    const handler = this.commands[command.kind] as (me: Officer, c: Command) => Promise<AdaptiveCardJson>;
    return recover(() => handler(me, command), (card) => card);
  }

  private act(me: Officer, action: CardAction): Promise<ActionResult> {
    const handler = this.actions[action.verb] as (me: Officer, a: CardAction) => Promise<ActionResult>;
    return handler(me, action);
  }

  private async view(me: Officer, view: RefreshableView, why: Purpose): Promise<AdaptiveCardJson> {
    if (view === "status") return buildStatusCard(await this.services.status.status(me, why));
    if (view === "my-cases") return buildMyCasesCard(await this.services.cases.myCases(me, why));
    if (view === "due") return buildDueCard(await this.services.cases.due(me, why));
    return buildHelpCard();
  }

  /** The caller as an officer, after remembering where to reach them; everyone else gets a card and nothing more. */
  private async admit(context: TurnContext): Promise<Officer | undefined> {
    const turn = readTurn(context);
    const identity = await this.services.identity.identify(turn.caller);
    await this.remember(context, turn);
    if (identity.kind === "officer") return identity.officer;
    await context.sendActivity(cardMessage(refusalCard(identity)));
    return undefined;
  }

  /** Stores the reference for proactive cards; never for a tenant outside the allow-list. */
  private async remember(context: TurnContext, { caller, scope }: TurnInput): Promise<void> {
    if (!caller.aadObjectId || !caller.tenantId || !this.services.identity.tenantAllowed(caller.tenantId)) return;
    const reference = TurnContext.getConversationReference(context.activity) as Record<string, unknown>;
    await this.services.installations.remember({ tenantId: caller.tenantId, aadObjectId: caller.aadObjectId, scope, reference });
  }

  private async forget({ caller, scope }: TurnInput, reason: string): Promise<void> {
    if (!caller.aadObjectId || !caller.tenantId || !this.services.identity.tenantAllowed(caller.tenantId)) return;
    await this.services.installations.forget({ tenantId: caller.tenantId, aadObjectId: caller.aadObjectId, scope }, reason);
  }

  /** In group chats and channels everyone else sees the finished, read-only card ("Seen by DS Khan at 10:42"). */
  private async freeze(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
    const id = context.activity.replyToId;
    if (!readTurn(context).isGroup || !id) return;
    await context.updateActivity({ ...cardMessage(card), id });
  }
}

const NOT_YOUR_CARD = buildErrorCard({ title: "Not your card", message: "This status card was made for someone else; only they can mark it as seen." });

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
