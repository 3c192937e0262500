import assert from "node:assert/strict";
import pino from "pino";
import { fixedClock } from "../../../../services/platform/clock";
import type { SendTarget } from "../../../../services/app/delivery/card-sender";
import { createRateLimitedSender, type RateLimits } from "../../../../services/app/delivery/rate-limited-sender";
import { createHttpCardSender, FakeTeamsConnector } from "../../../support/fake-teams-connector";

const silent = pino({ level: "silent" });
const clock = fixedClock("2026-03-02T08:00:00Z");
// Small backoffs keep the suite fast; the behaviour is the same as with Teams' real seconds.
const fast: Partial<RateLimits> = { backoffBaseMs: 20, backoffMaxMs: 200 };

function target(conversationId: string): SendTarget {
  return { tenantId: "t", aadObjectId: `aad-${conversationId}`, conversationId, reference: {} };
}
const card = (marker: string) => ({ type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlock", text: marker }] });
const markerOf = (a: { activity: Record<string, unknown> }) =>
  ((a.activity.attachments as { content: { body: { text: string }[] } }[])[0]!.content.body[0]!.text);

describe("services/app/delivery/rate-limited-sender", () => {
  let connector: FakeTeamsConnector;
  afterEach(async () => { await connector.close(); });

  function deadRecorder() {
    const calls: string[] = [];
    return { calls, conversations: { markDead: async (_t: string, aad: string, _s: string, reason: string) => { calls.push(`${aad}:${reason}`); } } };
  }

  it("loses no send when the connector throttles the global rate: 429s are retried after Retry-After", async () => {
    connector = await new FakeTeamsConnector({ globalPerSecond: 8, retryAfterSeconds: 0.2 }).start();
    const { conversations } = deadRecorder();
    const sender = createRateLimitedSender({ sender: createHttpCardSender(connector.url), conversations, clock, logger: silent, limits: { ...fast, globalPerSecond: 50 } });
    const markers = Array.from({ length: 24 }, (_, i) => `m${i}`);
    const results = await Promise.all(markers.map((m, i) => sender.deliver(target(`c${i % 8}`), card(m))));
    assert.ok(results.every((r) => r.status === "sent"));
    assert.ok(connector.throttled > 0, "the test must actually provoke 429s");
    assert.deepEqual(connector.accepted.map(markerOf).sort(), [...markers].sort());
    await sender.stop();
  });

  it("loses no send when one chat exceeds Teams' 7 per second: per-chat 429s are retried", async () => {
    connector = await new FakeTeamsConnector({ perConversationPerSecond: 7, retryAfterSeconds: 0.2 }).start();
    const sender = createRateLimitedSender({ sender: createHttpCardSender(connector.url), conversations: deadRecorder().conversations, clock, logger: silent, limits: { ...fast, perConversationPerSecond: 50 } });
    const markers = Array.from({ length: 12 }, (_, i) => `one-chat-${i}`);
    const results = await Promise.all(markers.map((m) => sender.deliver(target("busy"), card(m))));
    assert.ok(results.every((r) => r.status === "sent"));
    assert.ok(connector.throttled > 0);
    assert.equal(connector.deliveredTo("busy").length, 12);
    await sender.stop();
  });

  it("keeps one chat under the connector's limit by itself, so Teams never has to throttle it", async () => {
    connector = await new FakeTeamsConnector({ perConversationPerSecond: 7, retryAfterSeconds: 0.2 }).start();
    const sender = createRateLimitedSender({ sender: createHttpCardSender(connector.url), conversations: deadRecorder().conversations, clock, logger: silent, limits: { ...fast, perConversationPerSecond: 5 } });
    await Promise.all(Array.from({ length: 8 }, (_, i) => sender.deliver(target("steady"), card(`s${i}`))));
    assert.equal(connector.throttled, 0);
    assert.equal(connector.deliveredTo("steady").length, 8);
    await sender.stop();
  });

  for (const code of ["BotNotInConversationRoster", "ConversationBlockedByUser"] as const) {
    it(`marks the reference dead and reports "dead" on 403 ${code}, without retrying`, async () => {
      connector = await new FakeTeamsConnector().start();
      connector.failConversation("gone", { status: 403, code });
      const dead = deadRecorder();
      const sender = createRateLimitedSender({ sender: createHttpCardSender(connector.url), conversations: dead.conversations, clock, logger: silent, limits: fast });
      assert.deepEqual(await sender.deliver(target("gone"), card("x")), { status: "dead", code });
      assert.deepEqual(dead.calls, [`aad-gone:${code}`]);
      assert.equal(connector.calls, 1);
    });
  }

  it("treats other 403s as a failure, not as an uninstall", async () => {
    connector = await new FakeTeamsConnector().start();
    connector.failConversation("forbidden", { status: 403, code: "Forbidden" });
    const dead = deadRecorder();
    const sender = createRateLimitedSender({ sender: createHttpCardSender(connector.url), conversations: dead.conversations, clock, logger: silent, limits: fast });
    const r = await sender.deliver(target("forbidden"), card("x"));
    assert.equal(r.status, "failed");
    assert.deepEqual(dead.calls, []);
  });

  it("retries a 5xx after asking the ledger, and delivers exactly once", async () => {
    connector = await new FakeTeamsConnector().start();
    connector.failConversation("flaky", { status: 502, times: 2 });
    let asked = 0;
    const sender = createRateLimitedSender({ sender: createHttpCardSender(connector.url), conversations: deadRecorder().conversations, clock, logger: silent, limits: fast });
    const r = await sender.deliver(target("flaky"), card("once"), { stillOwed: async () => { asked += 1; return true; } });
    assert.equal(r.status, "sent");
    assert.equal(asked, 2);
    assert.equal(connector.deliveredTo("flaky").length, 1);
  });

  it("does not retry a 5xx once the ledger shows the items were sent elsewhere", async () => {
    connector = await new FakeTeamsConnector().start();
    connector.failConversation("taken", { status: 500, afterDelivery: true });
    const sender = createRateLimitedSender({ sender: createHttpCardSender(connector.url), conversations: deadRecorder().conversations, clock, logger: silent, limits: fast });
    const r = await sender.deliver(target("taken"), card("x"), { stillOwed: async () => false });
    assert.deepEqual(r, { status: "superseded" });
    assert.equal(connector.deliveredTo("taken").length, 1);
  });

  it("gives up after the configured number of 5xx retries and reports the failure", async () => {
    connector = await new FakeTeamsConnector().start();
    connector.failConversation("down", { status: 503 });
    const sender = createRateLimitedSender({ sender: createHttpCardSender(connector.url), conversations: deadRecorder().conversations, clock, logger: silent, limits: { ...fast, max5xxRetries: 2 } });
    const r = await sender.deliver(target("down"), card("x"));
    assert.deepEqual(r, { status: "failed", httpStatus: 503, code: "ServiceError", attempts: 3 });
  });

  it("gives up after the configured number of 429 retries and reports it as failed, not sent", async () => {
    connector = await new FakeTeamsConnector().start();
    connector.failConversation("swamped", { status: 429 });
    const sender = createRateLimitedSender({ sender: createHttpCardSender(connector.url), conversations: deadRecorder().conversations, clock, logger: silent, limits: { ...fast, max429Retries: 2 } });
    const r = await sender.deliver(target("swamped"), card("x"));
    assert.deepEqual(r, { status: "failed", httpStatus: 429, code: "ServiceError", attempts: 3 });
    assert.equal(connector.calls, 3);
  });

  describe("interactive sends (workflow notifications inside a Teams turn)", () => {
    beforeEach(async () => { connector = await new FakeTeamsConnector().start(); });

    it("go ahead of sweep cards already queued on the same limiter", async () => {
      const sender = createRateLimitedSender({ sender: createHttpCardSender(connector.url), conversations: deadRecorder().conversations, clock, logger: silent, limits: { ...fast, globalPerSecond: 20 } });
      // Two seconds of sweep cards at 20/s; at most one second of them is already committed to time slots.
      const bulk = Array.from({ length: 40 }, (_, i) => sender.deliver(target(`sweep-${i}`), card(`sweep-${i}`)));
      const click = sender.deliver(target("notify"), card("notify"), { interactive: true });
      await Promise.all([...bulk, click]);
      const order = connector.accepted.map(markerOf);
      assert.equal(order.length, 41);
      assert.ok(order.indexOf("notify") <= 25, `the notification waited behind the whole sweep: ${order.join(", ")}`);
    });

    it("retry a throttled or failing chat at most once, so the turn is not held for minutes", async () => {
      connector.failConversation("swamped", { status: 429 });
      connector.failConversation("down", { status: 503 });
      const sender = createRateLimitedSender({ sender: createHttpCardSender(connector.url), conversations: deadRecorder().conversations, clock, logger: silent, limits: fast });
      assert.deepEqual(await sender.deliver(target("swamped"), card("x"), { interactive: true }), { status: "failed", httpStatus: 429, code: "ServiceError", attempts: 2 });
      assert.deepEqual(await sender.deliver(target("down"), card("x"), { interactive: true }), { status: "failed", httpStatus: 503, code: "ServiceError", attempts: 2 });
    });
  });
});
