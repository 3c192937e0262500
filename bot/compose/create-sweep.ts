import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { buildDigestCard } from "../../cards/digest";
import { LOCAL_TENANT_ID, type Config } from "../../services/platform/config/load-config";
import { createSweepExecutor, type SweepExecutor, type SweepExecutorDeps } from "../../services/app/sweep/sweep-executor";
import type { RenderDigest } from "../../services/app/sweep/digest-view";

/** The tenant whose conversation references the sweep sends to. */
export function sweepTenant(config: Config): string {
  return config.mode === "local" ? LOCAL_TENANT_ID : (config.bot.tenantId ?? config.allowedTenants[0] ?? "");
}

/** The digest card for a digest view: the renderer the sweep is given, since services never build cards. */
export const renderDigest: RenderDigest = (view) => buildDigestCard(view);

/**
 * The sweep executor over the process's one rate-limited sender (from composeDelivery / composeBot); shared by the
 * app's scheduler, `casewatch sweep` and the bench.
 */
export function composeSweep(deps: Omit<SweepExecutorDeps, "renderDigest" | "instanceId"> & { instanceId?: string }): SweepExecutor {
  return createSweepExecutor({
    ...deps,
    renderDigest,
    instanceId: deps.instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
  });
}
