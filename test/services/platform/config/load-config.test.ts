import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { configSummary, loadConfig, LOCAL_TENANT_ID } from "../../../../services/platform/config/load-config";
import { CasewatchError } from "../../../../services/platform/errors";

const azureEnv = {
  COSMOS_ENDPOINT: "https://acct.documents.azure.com:443/",
  MicrosoftAppId: "11111111-1111-1111-1111-111111111111",
  MicrosoftAppPassword: "s3cret-value",
  MicrosoftAppTenantId: "22222222-2222-2222-2222-222222222222",
};

function problems(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(env);
  } catch (err) {
    assert.ok(err instanceof CasewatchError);
    return err.details ?? [];
  }
  assert.fail("expected loadConfig to refuse this environment");
}

describe("loadConfig", () => {
  it("defaults to local mode with the embedded store, auth off, loopback and the Playground tenant", () => {
    const c = loadConfig({});
    assert.equal(c.mode, "local");
    assert.deepEqual(c.cosmos, { kind: "embedded", port: 8081, database: "casewatch" });
    assert.equal(c.bot.authEnabled, false);
    assert.equal(c.server.host, "127.0.0.1");
    assert.equal(c.server.port, 3978);
    assert.equal(c.timeZone, "Europe/London");
    assert.deepEqual(c.allowedTenants, [LOCAL_TENANT_ID]);
    assert.equal(c.policy.review.cadenceDays.medium, 14);
  });

  const table: { name: string; env: NodeJS.ProcessEnv; expect: string[] }[] = [
    { name: "names every missing bot setting outside local mode", env: { COSMOS_ENDPOINT: azureEnv.COSMOS_ENDPOINT }, expect: ["MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId", "CASEWATCH_ALLOWED_TENANTS"] },
    { name: "refuses local mode in production", env: { NODE_ENV: "production" }, expect: ["COSMOS_ENDPOINT"] },
    { name: "refuses a non-loopback bind in local mode", env: { HOST: "0.0.0.0" }, expect: ["HOST"] },
    { name: "names a malformed port and endpoint together", env: { PORT: "abc", COSMOS_ENDPOINT: "not a url" }, expect: ["PORT", "COSMOS_ENDPOINT"] },
  ];
  for (const row of table) {
    it(row.name, () => {
      const found = problems(row.env);
      for (const v of row.expect) assert.ok(found.some((p) => p.startsWith(v)), `expected a problem naming ${v}, got ${found.join(" | ")}`);
    });
  }

  it("uses managed identity for Cosmos when no key is given", () => {
    const c = loadConfig(azureEnv);
    assert.equal(c.mode, "azure");
    assert.equal(c.cosmos.kind, "managed-identity");
    assert.equal(c.bot.authEnabled, true);
    assert.equal(c.server.host, "0.0.0.0");
    assert.deepEqual(c.allowedTenants, [azureEnv.MicrosoftAppTenantId]);
  });

  it("redacts secrets in the startup summary", () => {
    const c = loadConfig({ ...azureEnv, COSMOS_KEY: "topsecretkey==" });
    const text = JSON.stringify(configSummary(c));
    assert.ok(!text.includes("s3cret-value"));
    assert.ok(!text.includes("topsecretkey"));
    assert.match(text, /"botAppPassword":"\*\*\*"/);
  });

  it("names the bad field of a policy file", () => {
    const dir = mkdtempSync(join(tmpdir(), "cw-policy-"));
    const file = join(dir, "policy.json");
    writeFileSync(file, JSON.stringify({ review: { cadenceDays: { low: "fortnight" } }, bail: { authorityStepLeadDays: { court: 10 } } }));
    const found = problems({ CASEWATCH_POLICY_FILE: file });
    assert.ok(found.some((p) => p.startsWith("policy.review.cadenceDays.low")), found.join(" | "));
    assert.ok(found.some((p) => p.startsWith("policy.bail.authorityStepLeadDays.court")), found.join(" | "));
  });

  it("lets a force lower the low-risk cadence to 28 days in its policy file", () => {
    const dir = mkdtempSync(join(tmpdir(), "cw-policy-"));
    const file = join(dir, "policy.json");
    writeFileSync(file, JSON.stringify({ review: { cadenceDays: { low: 28 } } }));
    const c = loadConfig({ CASEWATCH_POLICY_FILE: file });
    assert.equal(c.policy.review.cadenceDays.low, 28);
    assert.equal(c.policy.review.cadenceDays.high, 7);
  });

  describe("the time zone: validated, and one value for the schedule and the policy", () => {
    const policyFile = (body: unknown) => {
      const file = join(mkdtempSync(join(tmpdir(), "cw-policy-")), "policy.json");
      writeFileSync(file, JSON.stringify(body));
      return file;
    };
    it("refuses an environment time zone that is not an IANA zone", () => {
      assert.ok(problems({ CASEWATCH_TIME_ZONE: "Mars/Olympus" }).some((p) => p.startsWith("CASEWATCH_TIME_ZONE")));
    });
    it("refuses a policy time zone that is not an IANA zone, naming the field", () => {
      assert.ok(problems({ CASEWATCH_POLICY_FILE: policyFile({ timeZone: "Mars/Olympus" }) }).some((p) => p.startsWith("policy.timeZone")));
    });
    it("uses the policy file's zone when the environment names none", () => {
      const c = loadConfig({ CASEWATCH_POLICY_FILE: policyFile({ timeZone: "Europe/Dublin" }) });
      assert.deepEqual([c.timeZone, c.policy.timeZone], ["Europe/Dublin", "Europe/Dublin"]);
    });
    it("uses the environment's zone when the policy file names none", () => {
      const c = loadConfig({ CASEWATCH_TIME_ZONE: "Europe/Dublin", CASEWATCH_POLICY_FILE: policyFile({ review: { cadenceDays: { low: 28 } } }) });
      assert.deepEqual([c.timeZone, c.policy.timeZone], ["Europe/Dublin", "Europe/Dublin"]);
    });
    it("refuses two different zones rather than letting one silently override the other", () => {
      const found = problems({ CASEWATCH_TIME_ZONE: "Europe/Dublin", CASEWATCH_POLICY_FILE: policyFile({ timeZone: "Europe/London" }) });
      assert.ok(found.some((p) => p.startsWith("CASEWATCH_TIME_ZONE") && p.includes("Europe/London")), found.join(" | "));
    });
  });
});
