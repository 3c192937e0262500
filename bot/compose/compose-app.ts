import type { Config } from "../../services/platform/config/load-config";
import { configSummary } from "../../services/platform/config/load-config";
import { systemClock, type Clock } from "../../services/platform/clock";
import { createExtensibleLogger, type Logger } from "../../services/platform/logger";
import type { OpenStore } from "../../services/store/open-store";
import { createAppServices, type AppServices } from "./app-services";
import { seedDemoForce } from "../../services/local/demo/seed-demo";
import { momentAt } from "../../services/rules/calendar";
import { startPlayground } from "../../services/local/playground";
import { composeBot } from "./compose-bot";
import { composeImport, composeStore } from "./compose-parts";
import { composeSweep, sweepTenant } from "./create-sweep";
import type { SweepExecutor } from "../../services/app/sweep/sweep-executor";
import { createSweepScheduler } from "../../services/app/sweep/sweep-scheduler";
import { setupTelemetry } from "../../services/platform/telemetry/setup-telemetry";

export interface ComposeOverrides {
  clock?: Clock;
  logger?: Logger;
  /** Start the Playground in local mode (default: config.playground.enabled). */
  playground?: boolean;
}

export interface RunningApp {
  botUrl: string;
  storeEndpoint: string;
  /** One Playground per demo role, each on its own port. */
  playgrounds: { role: PlaygroundRole; url: string }[];
}

const PLAYGROUND_ROLES = ["sergeant", "inspector", "detective"] as const;
type PlaygroundRole = (typeof PLAYGROUND_ROLES)[number];

export interface App {
  config: Config;
  clock: Clock;
  logger: Logger;
  start(): Promise<RunningApp>;
  stop(): Promise<void>;
  /** Available after start(). */
  store(): OpenStore;
  services(): AppServices;
  /** The sweep executor over this app's adapter (after start()); the scheduler and tests run it. */
  sweep(): SweepExecutor;
}

/**
 * The one composition root: config → store → repositories → services → adapter → proactive sender → rate-limited
 * sender → notifier → bot → server → sweep → scheduler (→ Playground in local mode). The CLI and the bench build from
 * the same builders (compose-parts.ts, compose-bot.ts, create-sweep.ts); nothing else constructs long-lived objects.
 */
export function composeApp(config: Config, overrides: ComposeOverrides = {}): App {
  const clock = overrides.clock ?? systemClock;
  const base = overrides.logger ? undefined : createExtensibleLogger(config.logLevel);
  const logger = overrides.logger ?? base!.logger;
  const stops: (() => Promise<void>)[] = [];
  let store: OpenStore | undefined;
  let services: AppServices | undefined;
  let sweep: SweepExecutor | undefined;

  const start = async (): Promise<RunningApp> => {
    logger.info({ config: configSummary(config) }, "starting Casewatch");
    const telemetry = await setupTelemetry(config, logger);
    stops.push(() => telemetry.shutdown());
    if (telemetry.logDestination) base?.addDestination(telemetry.logDestination);
    const opened = await composeStore(config, { host: true, clock, sharedReads: true });
    stops.push(() => opened.close());
    store = opened;
    if (config.seedDemo) {
      const importService = composeImport({ repos: store.repos, clock, logger, policy: config.policy });
      const seeded = await seedDemoForce({ importService, at: momentAt(clock.now(), config.timeZone) });
      logger.info({ officers: seeded.officers, cases: seeded.cases }, "seeded the demo force");
    }
    services = createAppServices({ repos: store.repos, clock, policy: config.policy, logger, config });
    const bot = composeBot({ config, repos: store.repos, services, clock, logger, readiness: () => opened.ping() });
    await bot.listen(config.server.host, config.server.port);
    stops.push(() => bot.close());
    // The sweep sends through the bot's own rate-limited sender: one proactive sender and one limiter per process.
    const executor = composeSweep({ repos: store.repos, sender: bot.delivery.sender, policy: config.policy, clock, logger, tenantId: sweepTenant(config) });
    sweep = executor;
    if (config.scheduler) {
      const scheduler = createSweepScheduler({
        executor, policy: config.policy, timeZone: config.timeZone, logger, onReport: (r) => telemetry.recordSweepReport(r),
      });
      scheduler.start();
      stops.push(() => scheduler.stop());
    }
    const botUrl = `http://${config.server.host === "0.0.0.0" ? "localhost" : config.server.host}:${bot.port()}`;
    const running: RunningApp = { botUrl, storeEndpoint: store.endpoint, playgrounds: [] };
    if (overrides.playground ?? config.playground.enabled) {
      const started = await Promise.all(
        PLAYGROUND_ROLES.map((role, i) =>
          startPlayground({ botEndpoint: `${botUrl}/api/messages`, port: config.playground.port + i, role, logger }).then((pg) => ({ role, pg })),
        ),
      );
      for (const { role, pg } of started) {
        stops.push(() => pg.stop());
        running.playgrounds.push({ role, url: pg.url });
      }
    }
    return running;
  };

  return {
    config,
    clock,
    logger,
    start,
    stop: async () => {
      for (const stop of stops.splice(0).reverse()) {
        try {
          await stop();
        } catch (err) {
          logger.error({ err }, "error while stopping");
        }
      }
    },
    store: () => {
      if (!store) throw new Error("composeApp: store() called before start()");
      return store;
    },
    sweep: () => {
      if (!sweep) throw new Error("composeApp: sweep() called before start()");
      return sweep;
    },
    services: () => {
      if (!services) throw new Error("composeApp: services() called before start()");
      return services;
    },
  };
}
