import type { Clock } from "../../services/platform/clock";
import type { Config } from "../../services/platform/config/load-config";
import type { Logger } from "../../services/platform/logger";
import type { Repositories } from "../../services/store/repositories";
import { CasewatchBot } from "../casewatch-bot";
import { createBotServer, storeReadiness, type BotServer } from "../create-bot-server";
import type { AppServices } from "./app-services";
import { composeAdapter, composeTeamsDelivery, type Delivery } from "./compose-parts";

export interface ComposeBotDeps {
  config: Config;
  repos: Repositories;
  services: AppServices;
  clock: Clock;
  logger: Logger;
  /** What /readyz asks; by default a cheap point read from the store. */
  readiness?: () => Promise<boolean>;
}

/** The Teams edge, and the delivery it built: the sweep of the same process sends through `delivery.sender`. */
export interface ComposedBot extends BotServer {
  delivery: Delivery;
}

/**
 * adapter → proactive sender → rate-limited sender → notifier → bot → server: the Teams edge exactly as production
 * runs it. Throws at once (CONFIG_INVALID) outside local mode without bot credentials.
 */
export function composeBot(deps: ComposeBotDeps): ComposedBot {
  const { config, repos, services, clock, logger } = deps;
  const adapter = composeAdapter(config);
  const delivery = composeTeamsDelivery({ config, adapter, repos, clock, logger });
  const bot = new CasewatchBot({ services, clock, timeZone: config.timeZone, notifier: delivery.notifier });
  const server = createBotServer({ config, adapter, bot, logger, readiness: deps.readiness ?? storeReadiness(repos, logger) });
  return {
    ...server,
    delivery,
    close: async () => {
      await server.close();
      await delivery.stop();
    },
  };
}
