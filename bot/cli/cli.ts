import { userInfo } from "node:os";
import { Command } from "commander";
import { loadConfig } from "../../services/platform/config/load-config";
import { CasewatchError } from "../../services/platform/errors";
import { createLogger } from "../../services/platform/logger";
import { systemClock } from "../../services/platform/clock";
import { openStore } from "../../services/store/open-store";
import { createImportService } from "../../services/app/import/import-service";
import { registerImportCommand } from "./import-command";
import { registerAuditCommand } from "./audit-command";
import { registerSweepCommand } from "./sweep-command";
import { CloudAdapter } from "botbuilder";
import { botAuthentication } from "../create-bot-server";
import { createSweep, sweepTenant } from "../compose/create-sweep";
import { createProactiveSender } from "../proactive-sender";
import { createNotifier } from "../notifier";
import { sendImportHandovers } from "../import-handovers";
import { createOversightServices } from "../compose/oversight-services";
import { londonDay } from "../../services/rules/calendar";

/** The `casewatch` command line. It talks to the configured store (in local mode, the running app's embedded one). */
export function buildCli(env?: NodeJS.ProcessEnv): Command {
  const program = new Command("casewatch").description("Casewatch operations: import, sweep, audit export").showHelpAfterError();
  const context = async () => {
    const config = loadConfig(env);
    const logger = createLogger(config.logLevel === "info" ? "warn" : config.logLevel);
    const store = await openStore(config, { host: false });
    return { config, logger, store, clock: systemClock, actorId: `cli:${userInfo().username}` };
  };
  registerImportCommand(program, async () => {
    const ctx = await context();
    const { repos } = ctx.store;
    return {
      importService: createImportService({ repos, clock: ctx.clock, logger: ctx.logger, policy: ctx.config.policy }),
      actorId: ctx.actorId,
      afterImport: async (result, actorId) => {
        const adapter = new CloudAdapter(botAuthentication(ctx.config));
        const sender = createProactiveSender({ adapter, appId: ctx.config.bot.appId ?? "", repos, logger: ctx.logger, clock: ctx.clock });
        const outcomes = await sendImportHandovers({
          handover: createOversightServices({ repos, clock: ctx.clock, policy: ctx.config.policy, logger: ctx.logger }).handover,
          notifier: createNotifier({ sender, repos, clock: ctx.clock, logger: ctx.logger }),
          tenantId: sweepTenant(ctx.config),
          actorId,
          today: londonDay(ctx.clock.now(), ctx.config.timeZone),
        }, result);
        return [...outcomes].map(([supervisorId, outcome]) => `  handover digest to ${supervisorId}: ${outcome}`);
      },
      close: () => ctx.store.close(),
    };
  });
  registerSweepCommand(program, async () => {
    const ctx = await context();
    const adapter = new CloudAdapter(botAuthentication(ctx.config));
    const executor = createSweep({ config: ctx.config, repos: ctx.store.repos, adapter, clock: ctx.clock, logger: ctx.logger });
    return { executor, timeZone: ctx.config.timeZone, close: () => ctx.store.close() };
  });
  registerAuditCommand(program, async () => {
    const ctx = await context();
    return { audit: ctx.store.repos.audit, now: () => ctx.clock.now(), actorId: ctx.actorId, close: () => ctx.store.close() };
  });
  return program;
}

/** Runs the CLI; bin/casewatch.js calls this, so it works however npm links the bin (npx, npm link, node_modules/.bin). */
export function runCli(argv: readonly string[] = process.argv): void {
  buildCli()
    .parseAsync([...argv])
    .catch((err: unknown) => {
      console.error(err instanceof CasewatchError ? err.message : err);
      process.exit(err instanceof CasewatchError ? 2 : 1);
    });
}

if (require.main === module) runCli();
