import type { BotServer } from "../../bot/create-bot-server";
import { composeBot } from "../../bot/compose/compose-bot";
import { createAppServices, type AppServices } from "../../bot/compose/app-services";
import { fixedClock, type Clock } from "../../services/platform/clock";
import { loadConfig, type Config } from "../../services/platform/config/load-config";
import { createLogger, type Logger } from "../../services/platform/logger";
import type { Repositories } from "../../services/store/repositories";
import { startFakeConnector, type ConnectorRequest } from "../bot/fake-connector";
import type { Containers } from "../../services/store/cosmos-setup";
import { NOW, seedForce, TENANT } from "../services/app/force-fixture";
import { startTestStore, type TestStore } from "../support/test-store";

export interface HttpBot {
  base: string;
  server: BotServer;
  services: AppServices;
  connector: Awaited<ReturnType<typeof startFakeConnector>>;
  /** POSTs to /api/messages; returns the HTTP answer and the requests the bot made to the connector meanwhile. */
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; text: string; replies: ConnectorRequest[] }>;
  close(): Promise<void>;
}

/** The bot exactly as production wires it (composeBot: CloudAdapter, notifier, restify), in local mode on loopback. */
export async function startHttpBot(opts: { repos: Repositories; logger?: Logger; clock?: Clock; config?: Config }): Promise<HttpBot> {
  const config = opts.config ?? loadConfig({ CASEWATCH_ALLOWED_TENANTS: TENANT, LOG_LEVEL: "silent" });
  const logger = opts.logger ?? createLogger("silent");
  const clock = opts.clock ?? fixedClock(NOW);
  const connector = await startFakeConnector();
  const services = createAppServices({ repos: opts.repos, clock, policy: config.policy, logger, config });
  const server = composeBot({ config, repos: opts.repos, services, clock, logger });
  await server.listen("127.0.0.1", 0);
  const base = `http://127.0.0.1:${server.port()}`;
  return {
    base,
    server,
    services,
    connector,
    post: async (body, headers = {}) => {
      const before = connector.requests.length;
      const res = await fetch(`${base}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, text, replies: connector.requests.slice(before) };
    },
    close: async () => {
      await server.close();
      await connector.close();
    },
  };
}

/**
 * Suite hooks for the usual HTTP setup: a fresh database seeded with the force fixture and the bot in front of it.
 * The fields are filled before the suite's first test.
 */
export function useSeededHttpBot(): { bot: HttpBot; containers: Containers } {
  const world = {} as { bot: HttpBot; containers: Containers; store: TestStore };
  before(async () => {
    world.store = await startTestStore();
    const fresh = await world.store.fresh();
    world.containers = fresh.containers;
    await seedForce(fresh.repos);
    world.bot = await startHttpBot({ repos: fresh.repos });
  });
  after(async () => {
    await world.bot?.close();
    await world.store?.close();
  });
  return world;
}
