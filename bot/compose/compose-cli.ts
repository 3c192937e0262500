import { userInfo } from "node:os";
import { systemClock, type Clock } from "../../services/platform/clock";
import { loadConfig, type Config } from "../../services/platform/config/load-config";
import { createLogger, type Logger } from "../../services/platform/logger";
import type { OpenStore } from "../../services/store/open-store";
import type { AuditLog } from "../../services/store/audit-log";
import type { SweepExecutor } from "../../services/app/sweep/sweep-executor";
import type { ImportCommandDeps } from "../cli/import-command";
import { sendImportHandovers } from "../import-handovers";
import { composeAdapter, composeImport, composeStore, composeTeamsDelivery } from "./compose-parts";
import { composeSweep, sweepTenant } from "./create-sweep";
import { createOversightServices } from "./oversight-services";

/*
 * What each `casewatch` command needs, built from the same builders as the app. bot/cli/cli.ts loads this module
 * only inside a command's action, so `casewatch --help` never loads botbuilder or the Cosmos SDK.
 */

interface CliContext {
  config: Config;
  logger: Logger;
  store: OpenStore;
  clock: Clock;
  actorId: string;
}

/** Config, a quiet logger and the configured store (in local mode, the running app's embedded one). */
async function cliContext(env?: NodeJS.ProcessEnv): Promise<CliContext> {
  const config = loadConfig(env);
  const logger = createLogger(config.logLevel === "info" ? "warn" : config.logLevel);
  const clock = systemClock;
  const store = await composeStore(config, { host: false, clock });
  return { config, logger, store, clock, actorId: `cli:${userInfo().username}` };
}

/** `casewatch import`: the command fixes one moment (or `--at`), so the import and its handover digests share one day. */
export async function importCommandDeps(env?: NodeJS.ProcessEnv): Promise<ImportCommandDeps> {
  const { config, logger, store, clock, actorId } = await cliContext(env);
  const { repos } = store;
  return {
    importService: composeImport({ repos, clock, logger, policy: config.policy }),
    actorId,
    timeZone: config.timeZone,
    now: () => clock.now(),
    afterImport: async (result, by, at) => {
      const delivery = composeTeamsDelivery({ config, adapter: composeAdapter(config), repos, clock, logger });
      try {
        const outcomes = await sendImportHandovers({
          handover: createOversightServices({ repos, policy: config.policy, logger }).handover,
          notifier: delivery.notifier,
          tenantId: sweepTenant(config),
          actorId: by,
          today: at.today,
        }, result);
        return [...outcomes].map(([supervisorId, outcome]) => `  handover digest to ${supervisorId}: ${outcome}`);
      } finally {
        await delivery.stop();
      }
    },
    close: () => store.close(),
  };
}

/** `casewatch sweep`: the app's sweep over this process's own adapter, sender and limiter. */
export async function sweepCommandDeps(env?: NodeJS.ProcessEnv): Promise<{ executor: SweepExecutor; timeZone: string; close(): Promise<void> }> {
  const { config, logger, store, clock } = await cliContext(env);
  const delivery = composeTeamsDelivery({ config, adapter: composeAdapter(config), repos: store.repos, clock, logger });
  const executor = composeSweep({ repos: store.repos, sender: delivery.sender, policy: config.policy, clock, logger, tenantId: sweepTenant(config) });
  return {
    executor,
    timeZone: config.timeZone,
    close: async () => {
      await delivery.stop();
      await store.close();
    },
  };
}

/** `casewatch audit export`. */
export async function auditCommandDeps(env?: NodeJS.ProcessEnv): Promise<{ audit: AuditLog; now: () => Date; actorId: string; close(): Promise<void> }> {
  const { store, clock, actorId } = await cliContext(env);
  return { audit: store.repos.audit, now: () => clock.now(), actorId, close: () => store.close() };
}
