import { CloudAdapter } from "botbuilder";
import type { Clock } from "../../services/platform/clock";
import type { Config } from "../../services/platform/config/load-config";
import type { Logger } from "../../services/platform/logger";
import type { Policy } from "../../services/domain/policy";
import type { Repositories } from "../../services/store/repositories";
import { openStore, type OpenStore } from "../../services/store/open-store";
import { withSharedReads } from "../../services/store/shared-reads";
import type { CardSender } from "../../services/app/delivery/card-sender";
import { createRateLimitedSender, type RateLimitedSender, type RateLimits } from "../../services/app/delivery/rate-limited-sender";
import { createNotifier, type Notifier } from "../../services/app/delivery/notifier";
import { createImportService, type ImportService } from "../../services/app/import/import-service";
import { botAuthentication } from "../bot-authentication";
import { tokenFailuresAre401 } from "../create-bot-server";
import { createProactiveSender, type ProactiveSender } from "../proactive-sender";

/*
 * The builders the composition root is made of. composeApp (npm start) uses all of them; the CLI and the bench call
 * the few they need, so every process wires the same objects the same way and nothing else constructs them.
 */

/**
 * Opens the configured store. `host` starts the embedded server in local mode (the app); the CLI attaches instead.
 * With `sharedReads` (the app), everything reads through one set of repositories that share repeated reads (officer
 * directory snapshot, coalesced team reads), so the process sees its own writes at once (shared-reads.ts).
 */
export async function composeStore(config: Config, opts: { host: boolean; clock: Clock; sharedReads?: boolean }): Promise<OpenStore> {
  const opened = await openStore(config, { host: opts.host });
  return opts.sharedReads ? { ...opened, repos: withSharedReads(opened.repos, { clock: opts.clock }) } : opened;
}

/** The process's one Bot Framework adapter: inbound turns (the server) and outbound proactive cards share it. */
export function composeAdapter(config: Config): CloudAdapter {
  return new CloudAdapter(tokenFailuresAre401(botAuthentication(config)));
}

/** Proactive cards through the adapter: the CardSender under the rate limiter. */
export function composeProactiveSender(deps: { config: Config; adapter: CloudAdapter; clock: Clock; logger: Logger }): ProactiveSender {
  return createProactiveSender({ adapter: deps.adapter, appId: deps.config.bot.appId ?? "", logger: deps.logger, clock: deps.clock });
}

/** Everything that sends proactively: the one rate-limited sender, and the workflow notifier over it. */
export interface Delivery {
  /** The process's one rate-limited sender; the sweep sends through it too. */
  sender: RateLimitedSender;
  notifier: Notifier;
  stop(): Promise<void>;
}

export interface DeliveryDeps {
  /** The proactive sender in production; a fake connector's sender in tests and the bench. */
  cardSender: CardSender;
  repos: Pick<Repositories, "ledger" | "officers" | "audit" | "conversations">;
  clock: Clock;
  logger: Logger;
  limits?: Partial<RateLimits>;
}

export function composeDelivery(deps: DeliveryDeps): Delivery {
  const { repos, clock, logger } = deps;
  const sender = createRateLimitedSender({ sender: deps.cardSender, conversations: repos.conversations, clock, logger, ...(deps.limits ? { limits: deps.limits } : {}) });
  return { sender, notifier: createNotifier({ sender, repos, clock, logger }), stop: () => sender.stop() };
}

/** adapter → proactive sender → rate-limited sender → notifier, as every process that reaches Teams builds it. */
export function composeTeamsDelivery(deps: { config: Config; adapter: CloudAdapter; repos: Repositories; clock: Clock; logger: Logger }): Delivery {
  const cardSender = composeProactiveSender(deps);
  return composeDelivery({ cardSender, repos: deps.repos, clock: deps.clock, logger: deps.logger });
}

export function composeImport(deps: { repos: Repositories; clock: Clock; logger: Logger; policy: Policy }): ImportService {
  return createImportService({ repos: deps.repos, clock: deps.clock, logger: deps.logger, policy: deps.policy });
}
