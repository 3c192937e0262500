import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { envSchema, loadConfig } from "../../services/platform/config/load-config";
import { containerDefinitions } from "../../services/store/containers";
import { CasewatchError } from "../../services/platform/errors";
import { bicepVarText, parseBicepLiteral } from "./parse-bicep";

const deploymentDir = join(__dirname, "..", "..", "deployment");
const mainBicep = readFileSync(join(deploymentDir, "main.bicep"), "utf8");
const cosmosBicep = readFileSync(join(deploymentDir, "modules", "cosmos.bicep"), "utf8");

/** App setting names in main.bicep's `appSettings` (values may be expressions, so only names are read). */
function bicepAppSettings(): Map<string, string> {
  const text = bicepVarText(mainBicep, "appSettings");
  const settings = new Map<string, string>();
  for (const m of text.matchAll(/\{\s*name:\s*'([^']+)'\s*,\s*value:\s*(.+?)\s*\}\s*$/gm)) settings.set(m[1]!, m[2]!);
  return settings;
}

/**
 * A production environment as App Service would give it. If code starts requiring a new setting, loadConfig refuses
 * this env and the first test below says which: add it here and to main.bicep's appSettings.
 */
const productionEnv: NodeJS.ProcessEnv = {
  NODE_ENV: "production",
  COSMOS_ENDPOINT: "https://casewatch-anyshire-abc123.documents.azure.com:443/",
  COSMOS_DATABASE: "casewatch",
  AZURE_CLIENT_ID: "7d3e7f3c-0000-4000-8000-00000000000a",
  MicrosoftAppId: "6f1a2b3c-1111-4222-8333-944455556666",
  MicrosoftAppPassword: "@Microsoft.KeyVault(VaultName=kv;SecretName=MicrosoftAppPassword)",
  MicrosoftAppType: "SingleTenant",
  MicrosoftAppTenantId: "2b8c0000-0000-4000-8000-0000000000ff",
  CASEWATCH_ALLOWED_TENANTS: "2b8c0000-0000-4000-8000-0000000000ff",
  APPLICATIONINSIGHTS_CONNECTION_STRING: "InstrumentationKey=00000000-0000-0000-0000-000000000000",
};

function refuses(env: NodeJS.ProcessEnv): boolean {
  try {
    loadConfig(env);
    return false;
  } catch (err) {
    assert.ok(err instanceof CasewatchError && err.code === "CONFIG_INVALID", `unexpected error ${String(err)}`);
    return true;
  }
}

/** Variables whose absence makes loadConfig refuse a production environment: derived from code, not listed by hand. */
function requiredInProduction(): string[] {
  return Object.keys(productionEnv).filter((name) => {
    const { [name]: _removed, ...rest } = productionEnv;
    return refuses(rest);
  });
}

describe("deployment/main.bicep ↔ config", () => {
  it("starts from a production environment that loadConfig accepts in Azure mode", () => {
    const c = loadConfig(productionEnv);
    assert.equal(c.mode, "azure");
    assert.equal(c.nodeEnv, "production");
  });

  it("finds the settings production requires by removing each in turn", () => {
    const required = requiredInProduction();
    for (const name of ["COSMOS_ENDPOINT", "MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId"]) {
      assert.ok(required.includes(name), `${name} is required in production (found: ${required.join(", ")})`);
    }
  });

  it("sets every setting production requires in the web app's app settings", () => {
    const settings = bicepAppSettings();
    const missing = requiredInProduction().filter((name) => !settings.has(name));
    assert.deepEqual(missing, [], `add to appSettings in deployment/main.bicep: ${missing.join(", ")}`);
  });

  it("sets only settings the app or App Service understands, so a misspelt name cannot go unnoticed", () => {
    const known = new Set(Object.keys(envSchema.shape));
    const unknown = [...bicepAppSettings().keys()].filter((name) => !known.has(name) && !/^(WEBSITE|SCM)_/.test(name));
    assert.deepEqual(unknown, []);
  });

  it("runs production with Entra ID auth to Cosmos (no key), single-tenant bot auth and the secret from Key Vault", () => {
    const settings = bicepAppSettings();
    assert.equal(settings.has("COSMOS_KEY"), false, "no Cosmos key in app settings");
    // DefaultAzureCredential can only pick a user-assigned identity when told its client ID.
    assert.equal(settings.get("AZURE_CLIENT_ID"), "identity.properties.clientId");
    assert.equal(settings.get("NODE_ENV"), "'production'");
    assert.equal(settings.get("MicrosoftAppType"), "'SingleTenant'");
    assert.match(settings.get("MicrosoftAppPassword") ?? "", /^'@Microsoft\.KeyVault\(VaultName=\$\{keyVault\.outputs\.name\};SecretName=\$\{botSecretName\}\)'$/);
    const c = loadConfig({ ...productionEnv, COSMOS_KEY: undefined });
    assert.equal(c.cosmos.kind, "managed-identity");
  });
});

describe("deployment/modules/cosmos.bicep ↔ services/store/containers.ts", () => {
  type BicepContainer = { id: string; partitionKey: string };
  const bicepContainers = parseBicepLiteral(bicepVarText(cosmosBicep, "containers")) as BicepContainer[];

  it("declares exactly the containers the code creates, with the same partition keys", () => {
    const fromCode = Object.values(containerDefinitions).map((d) => ({ id: d.id, partitionKey: d.partitionKey.paths.join(",") }));
    const byId = (a: BicepContainer, b: BicepContainer) => a.id.localeCompare(b.id);
    assert.deepEqual([...bicepContainers].sort(byId), [...fromCode].sort(byId));
  });

  it("gives every container the indexing policy the code expects", () => {
    const bicepPolicy = parseBicepLiteral(bicepVarText(cosmosBicep, "indexingPolicy"));
    for (const d of Object.values(containerDefinitions)) assert.deepEqual(bicepPolicy, d.indexingPolicy, `indexing of ${d.id}`);
  });

  it("never sets a TTL, so the audit log cannot expire (docs/domain-rules.md §8)", () => {
    assert.doesNotMatch(cosmosBicep, /^\s*defaultTtl\s*:/im);
    for (const d of Object.values(containerDefinitions)) assert.equal((d as { defaultTtl?: number }).defaultTtl, undefined, `${d.id} has no TTL in code`);
  });

  it("turns off key auth and grants the data-plane Built-in Data Contributor role instead", () => {
    assert.match(cosmosBicep, /disableLocalAuth: true/);
    assert.match(cosmosBicep, /dataContributorRoleId = '00000000-0000-0000-0000-000000000002'/);
    assert.match(cosmosBicep, /sqlRoleAssignments@/);
  });
});

describe("parseBicepLiteral", () => {
  it("reads multi-line and single-line objects and arrays, with escapes", () => {
    assert.deepEqual(parseBicepLiteral("{\n  a: 'x\\'y'\n  b: [ 1, true ]\n  c: { d: '/\"_etag\"/?' }\n}"), { a: "x'y", b: [1, true], c: { d: '/"_etag"/?' } });
  });

  it("refuses an expression rather than guessing its value", () => {
    assert.throws(() => parseBicepLiteral("{ a: resourceGroup().location }"));
    assert.throws(() => parseBicepLiteral("{ a: 'x${y}' }"));
  });
});
