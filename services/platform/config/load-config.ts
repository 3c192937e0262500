import { readFileSync } from "node:fs";
import { z } from "zod";
import { CasewatchError } from "../errors";
import { ianaTimeZone } from "../../domain/dates";
import { policySchema, type Policy } from "../../domain/policy";

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);
const nodeEnvs = z.enum(["development", "production", "test"]);
const appTypes = z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"]);
const logLevels = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

/** Environment variables Casewatch reads, under the names Azure and Bot Framework tooling already use. */
export const envSchema = z
  .object({
    NODE_ENV: z.preprocess(emptyToUndefined, nodeEnvs.default("development")),
    COSMOS_ENDPOINT: z.preprocess(emptyToUndefined, z.string().url("must be the Cosmos DB account URL, e.g. https://myaccount.documents.azure.com:443/").optional()),
    COSMOS_KEY: optionalString,
    COSMOS_DATABASE: z.preprocess(emptyToUndefined, z.string().regex(/^[A-Za-z0-9_-]{1,255}$/, "must be a Cosmos database name").default("casewatch")),
    AZURE_CLIENT_ID: optionalString,
    LOCAL_COSMOS_PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(8081)),
    MicrosoftAppId: optionalString,
    MicrosoftAppPassword: optionalString,
    MicrosoftAppType: z.preprocess(emptyToUndefined, appTypes.default("SingleTenant")),
    MicrosoftAppTenantId: optionalString,
    PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
    HOST: optionalString,
    CASEWATCH_TIME_ZONE: z.preprocess(emptyToUndefined, ianaTimeZone.optional()),
    CASEWATCH_POLICY_FILE: optionalString,
    CASEWATCH_ALLOWED_TENANTS: optionalString,
    CASEWATCH_PLAYGROUND: z.preprocess(emptyToUndefined, z.enum(["on", "off"]).default("on")),
    CASEWATCH_PLAYGROUND_PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).default(56150)),
    CASEWATCH_SEED_DEMO: z.preprocess(emptyToUndefined, z.enum(["on", "off"]).default("on")),
    CASEWATCH_SCHEDULER: z.preprocess(emptyToUndefined, z.enum(["on", "off"]).default("on")),
    LOG_LEVEL: z.preprocess(emptyToUndefined, logLevels.default("info")),
    APPLICATIONINSIGHTS_CONNECTION_STRING: optionalString,
  })
  .superRefine((e, ctx) => {
    const local = e.COSMOS_ENDPOINT === undefined;
    if (local && e.NODE_ENV === "production") {
      ctx.addIssue({ code: "custom", path: ["COSMOS_ENDPOINT"], message: "is required when NODE_ENV=production; local mode (embedded store, bot auth off) is for development only" });
    }
    if (!local) {
      if (!e.MicrosoftAppId) ctx.addIssue({ code: "custom", path: ["MicrosoftAppId"], message: "is required outside local mode: set the Azure Bot's Microsoft App ID (bot auth is never turned off)" });
      if (e.MicrosoftAppType !== "UserAssignedMSI" && !e.MicrosoftAppPassword) {
        ctx.addIssue({ code: "custom", path: ["MicrosoftAppPassword"], message: "is required outside local mode: set the bot's client secret (from Key Vault)" });
      }
      if (e.MicrosoftAppType !== "MultiTenant" && !e.MicrosoftAppTenantId) {
        ctx.addIssue({ code: "custom", path: ["MicrosoftAppTenantId"], message: `is required for MicrosoftAppType=${e.MicrosoftAppType}` });
      }
      if (!e.CASEWATCH_ALLOWED_TENANTS && !e.MicrosoftAppTenantId) {
        ctx.addIssue({ code: "custom", path: ["CASEWATCH_ALLOWED_TENANTS"], message: "is required outside local mode: list the Entra tenant IDs allowed to use the bot" });
      }
    }
    if (local && e.HOST !== undefined && !LOOPBACK.has(e.HOST)) {
      ctx.addIssue({ code: "custom", path: ["HOST"], message: "must be a loopback address (127.0.0.1, ::1 or localhost) in local mode, where bot auth is off" });
    }
  });

export type Env = z.infer<typeof envSchema>;

const cosmosConfig = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("embedded"), port: z.number().int(), database: z.string() }),
  z.object({ kind: z.literal("key"), endpoint: z.string(), key: z.string(), database: z.string() }),
  z.object({ kind: z.literal("managed-identity"), endpoint: z.string(), clientId: z.string().optional(), database: z.string() }),
]);

/** The configuration the app runs with, derived from the parsed environment by loadConfig. */
export const configSchema = z.object({
  mode: z.enum(["local", "azure"]),
  nodeEnv: nodeEnvs,
  cosmos: cosmosConfig,
  bot: z.object({
    appId: z.string().optional(),
    appPassword: z.string().optional(),
    appType: appTypes,
    tenantId: z.string().optional(),
    authEnabled: z.boolean(),
  }),
  server: z.object({ host: z.string(), port: z.number().int() }),
  timeZone: ianaTimeZone,
  policy: policySchema,
  policyFile: z.string().optional(),
  allowedTenants: z.array(z.string()),
  playground: z.object({ enabled: z.boolean(), port: z.number().int() }),
  seedDemo: z.boolean(),
  scheduler: z.boolean(),
  logLevel: logLevels,
  appInsightsConnectionString: z.string().optional(),
});
export type Config = z.infer<typeof configSchema>;

/** The local Playground's tenant: allowed automatically in local mode only. */
export const LOCAL_TENANT_ID = "00000000-0000-0000-0000-0000000000001";

function formatIssues(prefix: string, issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((i) => `${prefix}${i.path.map(String).join(".") || "(root)"}: ${i.message}`);
}

/** The policy, and whether its file named a time zone itself (so a different CASEWATCH_TIME_ZONE is a conflict). */
export function loadPolicy(file: string | undefined): { policy: Policy; namesTimeZone: boolean } {
  if (!file) return { policy: policySchema.parse({}), namesTimeZone: false };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new CasewatchError("POLICY_INVALID", `Policy file ${file} could not be read as JSON: ${(err as Error).message}`);
  }
  const parsed = policySchema.safeParse(raw);
  if (!parsed.success) {
    const details = formatIssues("policy.", parsed.error.issues);
    throw new CasewatchError("POLICY_INVALID", `Policy file ${file} is invalid:\n  ${details.join("\n  ")}`, details);
  }
  return { policy: parsed.data, namesTimeZone: typeof raw === "object" && raw !== null && "timeZone" in raw };
}

/** Parses the environment once; throws a CONFIG_INVALID error that lists every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const details = formatIssues("", parsed.error.issues);
    throw new CasewatchError("CONFIG_INVALID", `Casewatch cannot start; fix these settings:\n  ${details.join("\n  ")}`, details);
  }
  const e = parsed.data;
  const local = e.COSMOS_ENDPOINT === undefined;
  const { policy, namesTimeZone } = loadPolicy(e.CASEWATCH_POLICY_FILE);
  if (namesTimeZone && e.CASEWATCH_TIME_ZONE !== undefined && e.CASEWATCH_TIME_ZONE !== policy.timeZone) {
    const detail = `CASEWATCH_TIME_ZONE: is ${e.CASEWATCH_TIME_ZONE} but the policy file says ${policy.timeZone}; set one of them, or the same zone in both`;
    throw new CasewatchError("CONFIG_INVALID", `Casewatch cannot start; fix these settings:\n  ${detail}`, [detail]);
  }
  const timeZone = e.CASEWATCH_TIME_ZONE ?? policy.timeZone;
  const tenants = (e.CASEWATCH_ALLOWED_TENANTS ?? e.MicrosoftAppTenantId ?? "").split(",").map((t) => t.trim()).filter(Boolean);
  return {
    mode: local ? "local" : "azure",
    nodeEnv: e.NODE_ENV,
    cosmos: local
      ? { kind: "embedded", port: e.LOCAL_COSMOS_PORT, database: e.COSMOS_DATABASE }
      : e.COSMOS_KEY
        ? { kind: "key", endpoint: e.COSMOS_ENDPOINT!, key: e.COSMOS_KEY, database: e.COSMOS_DATABASE }
        : { kind: "managed-identity", endpoint: e.COSMOS_ENDPOINT!, ...(e.AZURE_CLIENT_ID ? { clientId: e.AZURE_CLIENT_ID } : {}), database: e.COSMOS_DATABASE },
    bot: {
      ...(e.MicrosoftAppId ? { appId: e.MicrosoftAppId } : {}),
      ...(e.MicrosoftAppPassword ? { appPassword: e.MicrosoftAppPassword } : {}),
      // With auth off (local, no app id) botbuilder only accepts an empty id for MultiTenant.
      appType: local && !e.MicrosoftAppId ? "MultiTenant" : e.MicrosoftAppType,
      ...(e.MicrosoftAppTenantId ? { tenantId: e.MicrosoftAppTenantId } : {}),
      authEnabled: !local || Boolean(e.MicrosoftAppId),
    },
    server: { host: e.HOST ?? (local ? "127.0.0.1" : "0.0.0.0"), port: e.PORT },
    timeZone,
    policy: { ...policy, timeZone },
    ...(e.CASEWATCH_POLICY_FILE ? { policyFile: e.CASEWATCH_POLICY_FILE } : {}),
    allowedTenants: local ? [...new Set([...tenants, LOCAL_TENANT_ID])] : tenants,
    playground: { enabled: local && e.CASEWATCH_PLAYGROUND === "on", port: e.CASEWATCH_PLAYGROUND_PORT },
    seedDemo: local && e.CASEWATCH_SEED_DEMO === "on",
    scheduler: e.CASEWATCH_SCHEDULER === "on",
    logLevel: e.LOG_LEVEL,
    ...(e.APPLICATIONINSIGHTS_CONNECTION_STRING ? { appInsightsConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING } : {}),
  };
}

/** One-line-per-setting summary for the startup log, with secrets redacted. */
export function configSummary(c: Config): Record<string, unknown> {
  const redact = (v: string | undefined) => (v ? "***" : "(unset)");
  return {
    mode: c.mode,
    cosmos: c.cosmos.kind === "embedded" ? `embedded on port ${c.cosmos.port}` : `${c.cosmos.kind} ${c.cosmos.endpoint}`,
    cosmosKey: c.cosmos.kind === "key" ? redact(c.cosmos.key) : "(not used)",
    database: c.cosmos.database,
    botAppId: c.bot.appId ?? "(unset)",
    botAppPassword: redact(c.bot.appPassword),
    botAuth: c.bot.authEnabled ? "on" : "off (local mode only)",
    listen: `${c.server.host}:${c.server.port}`,
    timeZone: c.timeZone,
    policyFile: c.policyFile ?? "(defaults from docs/domain-rules.md)",
    allowedTenants: c.allowedTenants,
    playground: c.playground.enabled ? `http://localhost:${c.playground.port}` : "off",
    appInsights: redact(c.appInsightsConnectionString),
  };
}
