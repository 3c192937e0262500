import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import type { CloudAdapter } from "botbuilder";
import { LOCAL_TENANT_ID, type Config } from "../../services/platform/config/load-config";
import type { Clock } from "../../services/platform/clock";
import type { Logger } from "../../services/platform/logger";
import type { Repositories } from "../../services/store/repositories";
import { createSweepExecutor, type SweepExecutor } from "../../services/app/sweep/sweep-executor";
import { createProactiveSender } from "../proactive-sender";

/** The tenant whose conversation references the sweep sends to. */
export function sweepTenant(config: Config): string {
  return config.mode === "local" ? LOCAL_TENANT_ID : (config.bot.tenantId ?? config.allowedTenants[0] ?? "");
}

/** The sweep executor over the real proactive sender; shared by the app's scheduler and `casewatch sweep`. */
export function createSweep(deps: { config: Config; repos: Repositories; adapter: CloudAdapter; clock: Clock; logger: Logger }): SweepExecutor {
  const { config, repos, adapter, clock, logger } = deps;
  return createSweepExecutor({
    repos,
    sender: createProactiveSender({ adapter, appId: config.bot.appId ?? "", repos, logger, clock }),
    policy: config.policy,
    clock,
    logger,
    instanceId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    tenantId: sweepTenant(config),
  });
}
