import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { botAuthentication } from "../../bot/bot-authentication";
import { composeBot } from "../../bot/compose/compose-bot";
import { createAppServices } from "../../bot/compose/app-services";
import { fixedClock } from "../../services/platform/clock";
import { loadConfig, type Config } from "../../services/platform/config/load-config";
import { CasewatchError } from "../../services/platform/errors";
import { createLogger } from "../../services/platform/logger";
import { NOW, TENANT } from "../services/app/force-fixture";
import { startTestStore, type TestStore } from "../support/test-store";

const ROOT = join(__dirname, "../..");
const AZURE = { COSMOS_ENDPOINT: "https://casewatch-test.documents.azure.com:443/", COSMOS_KEY: "not-a-real-key" };

/** `npm start`'s entry point in a clean environment (nothing inherited but PATH), until it exits. */
function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--require", "tsx/cjs", join(ROOT, "bot/main.ts")], {
      cwd: ROOT, env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "silent", CASEWATCH_PLAYGROUND: "off", ...env }, stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    let stdout = "";
    child.stderr.on("data", (b: Buffer) => { stderr += b.toString("utf8"); });
    child.stdout.on("data", (b: Buffer) => { stdout += b.toString("utf8"); });
    // Anything that starts instead of refusing is a failure; do not leave it running.
    const guard = setTimeout(() => child.kill("SIGKILL"), 45_000);
    child.on("exit", (code) => { clearTimeout(guard); resolve({ code, stderr, stdout }); });
  });
}

describe("security: startup refuses unsafe configurations", function () {
  this.timeout(150_000);

  const refusals: { name: string; env: Record<string, string>; names: string[] }[] = [
    { name: "outside local mode with no bot credentials", env: AZURE, names: ["MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId", "CASEWATCH_ALLOWED_TENANTS"] },
    { name: "outside local mode with blank bot credentials", env: { ...AZURE, MicrosoftAppId: "  ", MicrosoftAppPassword: " ", MicrosoftAppTenantId: "" }, names: ["MicrosoftAppId", "MicrosoftAppPassword"] },
    { name: "outside local mode with an app id but no secret", env: { ...AZURE, MicrosoftAppId: "00000000-0000-0000-0000-00000000a11d", MicrosoftAppTenantId: TENANT }, names: ["MicrosoftAppPassword"] },
    { name: "local mode asked to listen on every interface", env: { HOST: "0.0.0.0" }, names: ["HOST"] },
    { name: "local mode asked to listen on IPv6 any", env: { HOST: "::" }, names: ["HOST"] },
    { name: "local mode asked to listen on a LAN address", env: { HOST: "192.168.1.20" }, names: ["HOST"] },
    { name: "local mode in production", env: { NODE_ENV: "production" }, names: ["COSMOS_ENDPOINT"] },
  ];

  it("the entry point (npm start) exits non-zero before listening, naming every setting to fix", async () => {
    // Three representative refusals through the real process; the full table runs through loadConfig below.
    const chosen = [refusals[0]!, refusals[3]!, refusals[6]!];
    // In parallel: each is its own process, and the three together cost about one start.
    const results = await Promise.all(chosen.map((r) => start(r.env)));
    chosen.forEach((r, i) => {
      const { code, stderr, stdout } = results[i]!;
      assert.equal(code, 2, `${r.name}: exit ${code}\n${stderr}${stdout}`);
      for (const n of r.names) assert.match(stderr, new RegExp(`\\b${n}\\b`), `${r.name}: ${n} is named`);
      assert.doesNotMatch(stdout, /listening|Casewatch is running/i);
      assert.doesNotMatch(stderr + stdout, /not-a-real-key/, "the Cosmos key is never echoed");
    });
  });

  for (const r of refusals) {
    it(`loadConfig refuses ${r.name}`, () => {
      assert.throws(() => loadConfig(r.env), (err: unknown) => err instanceof CasewatchError && err.code === "CONFIG_INVALID" && r.names.every((n) => (err.details ?? []).some((d) => d.startsWith(n))));
    });
  }

  describe("defence in depth, for configurations built without loadConfig", () => {
    let store: TestStore;
    before(async () => { store = await startTestStore(); });
    after(async () => { await store.close(); });
    const local = (): Config => loadConfig({ CASEWATCH_ALLOWED_TENANTS: TENANT, LOG_LEVEL: "silent" });

    it("outside local mode, bot auth cannot be configured off", () => {
      const config: Config = { ...local(), mode: "azure", bot: { appId: "a", appPassword: "p", tenantId: "t", appType: "SingleTenant", authEnabled: false } };
      assert.throws(() => botAuthentication(config), (err: unknown) => err instanceof CasewatchError && err.code === "CONFIG_INVALID");
    });

    for (const host of ["0.0.0.0", "::", "192.168.1.20", "casewatch.example"]) {
      it(`in local mode the server refuses to listen on ${host}`, async () => {
        const config = local();
        const logger = createLogger("silent");
        const services = createAppServices({ repos: store.repos, clock: fixedClock(NOW), policy: config.policy, logger, config });
        const server = composeBot({ config, repos: store.repos, services, clock: fixedClock(NOW), logger });
        await assert.rejects(server.listen(host, 0), (err: unknown) => err instanceof CasewatchError && err.code === "CONFIG_INVALID");
      });
    }
  });
});
