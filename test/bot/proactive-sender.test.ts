import assert from "node:assert/strict";
import { CloudAdapter } from "botbuilder";
import { botAuthentication } from "../../bot/bot-authentication";
import { createProactiveSender, type ProactiveSender } from "../../bot/proactive-sender";
import { personalTarget } from "../../services/app/delivery/recipient-reachability";
import { buildHelpCard } from "../../cards/help";
import { createInstallationService } from "../../services/app/identity/installation-service";
import { fixedClock } from "../../services/platform/clock";
import { loadConfig } from "../../services/platform/config/load-config";
import { createLogger } from "../../services/platform/logger";
import type { Repositories } from "../../services/store/repositories";
import { NOW, TENANT } from "../services/app/force-fixture";
import { startTestStore, type TestStore } from "../support/test-store";
import { startFakeConnector, type ConnectorReply } from "./fake-connector";

const card = buildHelpCard();

describe("proactive sender (continueConversationAsync against a fake connector)", function () {
  this.timeout(20_000);
  let store: TestStore;
  let repos: Repositories;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let reply: (conversationId: string) => ConnectorReply;
  let sender: ProactiveSender;
  const clock = fixedClock(NOW);

  before(async () => {
    store = await startTestStore();
    connector = await startFakeConnector((req) => reply(decodeURIComponent(req.url.split("/")[3] ?? "")));
  });
  after(async () => { await connector.close(); await store.close(); });
  beforeEach(async () => {
    ({ repos } = await store.fresh());
    connector.requests.length = 0;
    reply = () => ({ status: 200, body: { id: "activity-7" } });
    const adapter = new CloudAdapter(botAuthentication(loadConfig({ CASEWATCH_SCHEDULER: "off" })));
    sender = createProactiveSender({ adapter, appId: "", logger: createLogger("silent"), clock });
  });

  const target = (conversationId: string) => ({
    tenantId: TENANT,
    aadObjectId: "aad-ds1",
    conversationId,
    reference: {
      channelId: "msteams", serviceUrl: connector.url, conversation: { id: conversationId, tenantId: TENANT, conversationType: "personal" },
      bot: { id: "28:casewatch-bot", name: "Casewatch" }, user: { id: "29:aad-ds1", aadObjectId: "aad-ds1" },
    },
  });

  it("sends the card and returns the connector's activity id", async () => {
    assert.deepEqual(await sender.send(target("a:ok"), card), { ok: true, activityId: "activity-7" });
    const [sent] = connector.requests;
    assert.equal(sent?.url.startsWith("/v3/conversations/a%3Aok/activities"), true);
    assert.deepEqual((sent?.body.attachments as { content: unknown }[])[0]?.content, card);
  });

  for (const code of ["BotNotInConversationRoster", "ConversationBlockedByUser"]) {
    it(`surfaces a 403 ${code} so the scheduler can mark the reference dead`, async () => {
      reply = () => ({ status: 403, body: { error: { code, message: "Forbidden" } } });
      assert.deepEqual(await sender.send(target("a:gone"), card), { ok: false, status: 403, code });
    });
  }

  it("surfaces a 429 with its Retry-After, after exactly one request (no hidden retries)", async () => {
    reply = () => ({ status: 429, headers: { "retry-after": "3" }, body: { error: { code: "TooManyRequests" } } });
    assert.deepEqual(await sender.send(target("a:busy"), card), { ok: false, status: 429, retryAfterMs: 3000, code: "TooManyRequests" });
    assert.equal(connector.requests.length, 1);
  });

  it("reads an HTTP-date Retry-After against the injected clock", async () => {
    reply = () => ({ status: 429, headers: { "retry-after": new Date(Date.parse(NOW) + 5000).toUTCString() } });
    const result = await sender.send(target("a:busy"), card);
    assert.equal(!result.ok && result.retryAfterMs, 5000);
  });

  it("does not retry a 5xx itself, because a send is not idempotent", async () => {
    reply = () => ({ status: 502, body: { error: { code: "BadGateway" } } });
    assert.deepEqual(await sender.send(target("a:down"), card), { ok: false, status: 502, code: "BadGateway" });
    assert.equal(connector.requests.length, 1);
  });

  it("reports an unreachable connector like a 5xx rather than throwing", async () => {
    const t = target("a:x");
    const unreachable = { ...t, reference: { ...t.reference, serviceUrl: "http://127.0.0.1:9/" } };
    const result = await sender.send(unreachable, card);
    assert.deepEqual(result, { ok: false, status: 503, code: "ECONNREFUSED" });
  });

  it("sends to a person by tenant and Entra id through their stored personal chat", async () => {
    const { reference } = target("a:personal");
    await createInstallationService({ conversations: repos.conversations }).remember({ tenantId: TENANT, aadObjectId: "aad-ds1", scope: "personal", reference }, clock.now());
    const to = await personalTarget(repos.conversations, TENANT, "aad-ds1");
    assert.ok(to, "the stored personal chat is found by tenant and Entra id");
    assert.deepEqual(await sender.send(to, card), { ok: true, activityId: "activity-7" });
  });

  it("says there is no conversation for someone who never installed or has uninstalled, sending nothing", async () => {
    const installs = createInstallationService({ conversations: repos.conversations });
    await installs.remember({ tenantId: TENANT, aadObjectId: "aad-dc1", scope: "personal", reference: target("a:old").reference }, clock.now());
    await installs.forget({ tenantId: TENANT, aadObjectId: "aad-dc1", scope: "personal" }, "uninstalled", clock.now());
    for (const aadObjectId of ["aad-nobody", "aad-dc1"]) {
      assert.equal(await personalTarget(repos.conversations, TENANT, aadObjectId), undefined);
    }
    assert.equal(connector.requests.length, 0);
  });
});
