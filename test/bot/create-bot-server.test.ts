import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { MAX_BODY_BYTES, type BotServer } from "../../bot/create-bot-server";
import { composeBot, type ComposeBotDeps } from "../../bot/compose/compose-bot";
import { createAppServices, type AppServices } from "../../bot/compose/app-services";
import { fixedClock } from "../../services/platform/clock";
import { loadConfig, type Config } from "../../services/platform/config/load-config";
import { CasewatchError } from "../../services/platform/errors";
import { createLogger } from "../../services/platform/logger";
import type { Repositories } from "../../services/store/repositories";
import { NOW, seedForce, TENANT } from "../services/app/force-fixture";
import { startTestStore, type TestStore } from "../support/test-store";
import { activityFrom } from "./bot-harness";
import { startFakeConnector } from "./fake-connector";

const localConfig = (): Config => loadConfig({ CASEWATCH_ALLOWED_TENANTS: TENANT, LOG_LEVEL: "silent" });
const azureConfig = (bot: Partial<Config["bot"]>): Config => ({
  ...localConfig(),
  mode: "azure",
  bot: { appType: "SingleTenant", authEnabled: true, ...bot },
});

describe("createBotServer, as composeBot builds it (restify + CloudAdapter on loopback)", function () {
  this.timeout(20_000);
  let store: TestStore;
  let repos: Repositories;
  let services: AppServices;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  const logLines: string[] = [];
  const logger = createLogger("info", new Writable({ write: (chunk: Buffer, _enc, done) => { logLines.push(chunk.toString("utf8")); done(); } }));
  const running: BotServer[] = [];

  before(async () => {
    store = await startTestStore();
    ({ repos } = await store.fresh());
    await seedForce(repos);
    connector = await startFakeConnector();
  });
  after(async () => { await connector.close(); await store.close(); });
  beforeEach(() => {
    services = createAppServices({ repos, clock: fixedClock(NOW), policy: localConfig().policy, logger, config: localConfig() });
    logLines.length = 0;
    connector.requests.length = 0;
  });
  afterEach(async () => { for (const s of running.splice(0)) await s.close(); });

  const start = async (overrides: Partial<ComposeBotDeps> = {}) => {
    const server = composeBot({ config: localConfig(), repos, services, clock: fixedClock(NOW), logger, ...overrides });
    running.push(server);
    await server.listen("127.0.0.1", 0);
    return `http://127.0.0.1:${server.port()}`;
  };
  const post = (base: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/messages`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });
  const invoke = (value: unknown) => activityFrom({ aad: "aad-ds1" }, { type: "invoke", name: "adaptiveCard/action", id: "inv-1", value, serviceUrl: connector.url });

  it("answers /healthz while the process is up", async () => {
    const res = await fetch(`${await start()}/healthz`);
    assert.deepEqual([res.status, await res.json()], [200, { status: "ok" }]);
  });

  it("answers /readyz 200 when the store answers, with a real point read by default", async () => {
    assert.equal((await fetch(`${await start()}/readyz`)).status, 200);
  });

  it("answers /readyz 503 when the store does not", async () => {
    const failing: Repositories = { ...repos, officers: { ...repos.officers, get: () => Promise.reject(new CasewatchError("STORE_UNAVAILABLE", "down")) } };
    const res = await fetch(`${await start({ repos: failing })}/readyz`);
    assert.deepEqual([res.status, await res.json()], [503, { status: "store unreachable" }]);
  });

  it("serves a message turn in local mode without auth and replies through the connector", async () => {
    const res = await post(await start(), activityFrom({ aad: "aad-ds1" }, { type: "message", text: "status", id: "m-1", serviceUrl: connector.url }));
    assert.equal(res.status, 200);
    const [reply] = connector.requests;
    assert.match(JSON.stringify(reply?.body), /Team status: DS Aisha Khan/);
  });

  it("returns an Action.Execute invoke's card in the HTTP response", async () => {
    const res = await post(await start(), invoke({ action: { type: "Action.Execute", verb: "refresh", data: { view: "help" } } }));
    const body = (await res.json()) as { statusCode: number; type: string; value: unknown };
    assert.deepEqual([res.status, body.statusCode, body.type], [200, 200, "application/vnd.microsoft.card.adaptive"]);
    assert.match(JSON.stringify(body.value), /What you can ask Casewatch/);
  });

  it(`refuses a body over ${MAX_BODY_BYTES} bytes with 413 before the bot sees it`, async () => {
    const huge = activityFrom({ aad: "aad-ds1" }, { type: "message", text: "x".repeat(MAX_BODY_BYTES), serviceUrl: connector.url });
    assert.equal((await post(await start(), huge)).status, 413);
    assert.equal(connector.requests.length, 0);
  });

  it("refuses a body that is not JSON with 400", async () => {
    assert.equal((await post(await start(), "{not json")).status, 400);
  });

  it("turns an unexpected failure into one generic card and a log line without personal data", async () => {
    const broken: AppServices = { ...services, status: { ...services.status, status: () => Promise.reject(new Error("boom for Aisha Khan")) } };
    const res = await post(await start({ services: broken }), invoke({ action: { type: "Action.Execute", verb: "refresh", data: { view: "status" } } }));
    const body = (await res.json()) as { value: unknown };
    assert.equal(res.status, 200);
    assert.match(JSON.stringify(body.value), /Something went wrong/);
    const logged = logLines.join("\n");
    assert.match(logged, /turn failed/);
    assert.doesNotMatch(logged, /Aisha Khan/);
  });

  it("refuses to start outside local mode without bot credentials: auth is never silently off", () => {
    assert.throws(() => composeBot({ config: azureConfig({}), repos, services, clock: fixedClock(NOW), logger }), (err: unknown) =>
      err instanceof CasewatchError && err.code === "CONFIG_INVALID" && (err.details ?? []).includes("MicrosoftAppId") && (err.details ?? []).includes("MicrosoftAppPassword"));
  });

  it("outside local mode, refuses an unsigned request with 401", async () => {
    const config = azureConfig({ appId: "00000000-0000-0000-0000-00000000a11d", appPassword: "secret", tenantId: "t" });
    const base = await start({ config });
    // CloudAdapter writes refused requests to console.error itself; keep the test output readable.
    const consoleError = console.error;
    console.error = () => undefined;
    const res = await post(base, activityFrom({ aad: "aad-ds1" }, { type: "message", text: "status", serviceUrl: connector.url })).finally(() => {
      console.error = consoleError;
    });
    assert.equal(res.status, 401);
    assert.equal(connector.requests.length, 0);
  });

  it("in local mode, refuses to listen anywhere but loopback", async () => {
    const server = composeBot({ config: localConfig(), repos, services, clock: fixedClock(NOW), logger });
    await assert.rejects(server.listen("0.0.0.0", 0), (err: unknown) => err instanceof CasewatchError && err.code === "CONFIG_INVALID");
  });
});
