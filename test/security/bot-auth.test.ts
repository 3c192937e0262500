import assert from "node:assert/strict";
import { AuthenticationConstants } from "botframework-connector";
// Not in the package's public index: the cache of OpenID metadata per URL, used to point validation at our key set.
import { JwtTokenExtractor } from "botframework-connector/lib/auth/jwtTokenExtractor";
import { OpenIdMetadata } from "botframework-connector/lib/auth/openIdMetadata";
import type { BotServer } from "../../bot/create-bot-server";
import { composeBot } from "../../bot/compose/compose-bot";
import { createAppServices } from "../../bot/compose/app-services";
import { fixedClock } from "../../services/platform/clock";
import { loadConfig, type Config } from "../../services/platform/config/load-config";
import { createLogger } from "../../services/platform/logger";
import type { Repositories } from "../../services/store/repositories";
import { activityFrom } from "../bot/bot-harness";
import { startFakeConnector } from "../bot/fake-connector";
import { NOW, seedForce, TENANT } from "../services/app/force-fixture";
import { startTestStore, type TestStore } from "../support/test-store";
import { makeSigningKey, serveKeySet, signToken, type SigningKey } from "./local-key-set";

const APP_ID = "00000000-0000-0000-0000-00000000a11d";
const BF_ISSUER = AuthenticationConstants.ToBotFromChannelTokenIssuer;

/** Production settings as loadConfig builds them outside local mode (Azure Cosmos is not touched by these tests). */
function azureConfig(): Config {
  return loadConfig({
    COSMOS_ENDPOINT: "https://casewatch-test.documents.azure.com:443/",
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: "test-secret-not-real",
    MicrosoftAppTenantId: TENANT,
    CASEWATCH_ALLOWED_TENANTS: TENANT,
    LOG_LEVEL: "silent",
  });
}

type MetadataCache = Map<string, OpenIdMetadata>;
const metadataCache = (JwtTokenExtractor as unknown as { openIdMetadataCache: MetadataCache }).openIdMetadataCache;

describe("security: Bot Framework auth on /api/messages with a locally issued key set", function () {
  this.timeout(20_000);
  let store: TestStore;
  let repos: Repositories;
  let server: BotServer;
  let base: string;
  let keySet: Awaited<ReturnType<typeof serveKeySet>>;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let good: SigningKey;
  let rogue: SigningKey;
  const consoleError = console.error;
  const saved = new Map<string, OpenIdMetadata | undefined>();

  before(async () => {
    assert.ok(metadataCache instanceof Map, "botframework-connector moved its OpenID metadata cache: update this seam");
    good = makeSigningKey("casewatch-test-key");
    rogue = makeSigningKey("casewatch-test-key");
    keySet = await serveKeySet([good]);
    // Both places the public-cloud validators look for keys now answer with ours; nothing leaves loopback.
    for (const url of [AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl, AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl]) {
      saved.set(url, metadataCache.get(url));
      metadataCache.set(url, new OpenIdMetadata(keySet.metadataUrl));
    }
    store = await startTestStore();
    ({ repos } = await store.fresh());
    await seedForce(repos);
    connector = await startFakeConnector();
    const config = azureConfig();
    const logger = createLogger("silent");
    const services = createAppServices({ repos, clock: fixedClock(NOW), policy: config.policy, logger, config });
    server = composeBot({ config, repos, services, clock: fixedClock(NOW), logger });
    await server.listen("127.0.0.1", 0);
    base = `http://127.0.0.1:${server.port()}`;
    // CloudAdapter prints every refused request to console.error itself; keep the run readable.
    console.error = () => undefined;
  });
  after(async () => {
    console.error = consoleError;
    for (const [url, m] of saved) (m ? metadataCache.set(url, m) : metadataCache.delete(url));
    await server.close();
    await keySet.close();
    await connector.close();
    await store.close();
  });

  const activity = () =>
    activityFrom({ aad: "aad-ds1" }, { type: "invoke", name: "adaptiveCard/action", id: "inv-auth", serviceUrl: connector.url, value: { action: { type: "Action.Execute", verb: "refresh", data: { view: "help" } } } });

  // jsonwebtoken checks exp/nbf against the real clock, so these claims must be relative to it.
  const claims = (over: Record<string, unknown> = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return { iss: BF_ISSUER, aud: APP_ID, serviceurl: connector.url, iat: now - 60, nbf: now - 60, exp: now + 3600, ...over };
  };

  const post = (authorization: string | undefined) =>
    fetch(`${base}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(activity()),
    });

  it("accepts a request signed by the published key: the invoke is answered with its card", async () => {
    const res = await post(`Bearer ${signToken(good, claims())}`);
    const text = await res.text();
    assert.equal(res.status, 200, text.slice(0, 300));
    const body = JSON.parse(text) as { value?: unknown };
    assert.match(JSON.stringify(body.value), /What you can ask Casewatch/);
    assert.ok(keySet.fetches() >= 2, "the key set was fetched from loopback (metadata + JWKS)");
  });

  const refused: { name: string; authorization: () => string | undefined }[] = [
    { name: "no Authorization header", authorization: () => undefined },
    { name: "an empty bearer token", authorization: () => "Bearer " },
    { name: "a token that is not a JWT", authorization: () => "Bearer not-a-token" },
    { name: "a Basic credential", authorization: () => `Basic ${Buffer.from("a:b").toString("base64")}` },
    { name: "a token signed by a different key under the published kid", authorization: () => `Bearer ${signToken(rogue, claims())}` },
    { name: "a token signed by a key the set does not publish", authorization: () => `Bearer ${signToken(rogue, claims(), "unknown-kid")}` },
    { name: "a correctly signed token for another bot (audience)", authorization: () => `Bearer ${signToken(good, claims({ aud: "someone-else" }))}` },
    { name: "a correctly signed token from another issuer", authorization: () => `Bearer ${signToken(good, claims({ iss: "https://evil.example" }))}` },
    { name: "a correctly signed token that has expired", authorization: () => `Bearer ${signToken(good, claims({ exp: Math.floor(Date.now() / 1000) - 600 }))}` },
    { name: "a correctly signed token for another service URL", authorization: () => `Bearer ${signToken(good, claims({ serviceurl: "https://smba.evil.example/" }))}` },
    {
      name: "an unsigned token (alg none)",
      authorization: () => {
        const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
        return `Bearer ${b64({ alg: "none", typ: "JWT", kid: good.kid })}.${b64(claims())}.`;
      },
    },
  ];
  for (const r of refused) {
    it(`refuses ${r.name} with 401 and runs no bot logic`, async () => {
      const before = connector.requests.length;
      const res = await post(r.authorization());
      const text = await res.text();
      assert.equal(res.status, 401, `got ${res.status}: ${text.slice(0, 200)}`);
      assert.doesNotMatch(text, /What you can ask Casewatch/);
      assert.doesNotMatch(text, /\n\s+at /, "no stack trace in the response");
      assert.equal(connector.requests.length, before);
    });
  }
});
