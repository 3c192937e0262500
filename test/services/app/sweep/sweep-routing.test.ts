import assert from "node:assert/strict";
import pino from "pino";
import { fixedClock } from "../../../../services/platform/clock";
import type { CaseDoc } from "../../../../services/domain/case";
import { defaultPolicy } from "../../../../services/domain/policy";
import type { Repositories } from "../../../../services/store/repositories";
import type { CardSender } from "../../../../services/app/delivery/card-sender";
import { makeCase, makeOfficer } from "../../../support/fixtures";
import { createHttpCardSender, FakeCardSender, FakeTeamsConnector } from "../../../support/fake-teams-connector";
import { startTestStore, type TestStore } from "../../../support/test-store";
import { chainOfCommand, deliveredItems, MONDAY_0800, overdueCase, seed, TENANT, sweepExecutor, type TestSweepDeps } from "./sweep-fixtures";

const silent = pino({ level: "silent" });

function executor(repos: Repositories, sender: CardSender, extra: Partial<TestSweepDeps> = {}) {
  return sweepExecutor({ repos, sender, policy: defaultPolicy(), clock: fixedClock(MONDAY_0800), logger: silent, instanceId: "i", tenantId: TENANT, concurrency: 1, ...extra });
}

/** Bail that ended two days before `day`: lapsed (urgent, any day) yesterday, plus a routine victim-update prompt. */
function lapsedBailCase(endsOn: string, reviewedOn: string): CaseDoc {
  return makeCase({
    ref: "BL/00001/26", openedOn: "2025-12-01", lastReviewedOn: reviewedOn, lastUpdatedOn: reviewedOn, nextAttentionOn: "2025-12-01",
    bail: { kind: "pre-charge", startedOn: "2025-12-06", endsOn, regime: "pcsc-2022" },
  });
}

describe("services/app/sweep routing and delivery timing", function () {
  this.timeout(30_000);
  let store: TestStore;
  before(async () => { store = await startTestStore(); });
  after(async () => { await store.close(); });

  it("routes the items of an officer with no Teams chat (uninstalled) to their sergeant and reports them unreachable", async () => {
    const { repos } = await store.fresh();
    await seed(repos, { cases: [overdueCase(1)], connected: ["ds1", "di1", "dc2"] });
    const sender = new FakeCardSender();
    const report = await executor(repos, sender).run({ at: MONDAY_0800 });
    assert.deepEqual(report.unreachableOfficerIds, ["dc1"]);
    assert.equal(report.unreachable, 1);
    assert.equal(sender.sentTo("conv-dc1"), 0);
    const toSergeant = sender.sent.filter((s) => s.target.conversationId === "conv-ds1").flatMap((s) => deliveredItems("ds1", s.card));
    assert.ok(toSergeant.some((i) => i.includes("No update recorded: confirm progress")), "the OIC's prompt reached the sergeant");
    assert.equal(report.sent, report.planned);
  });

  it("on 403 BotNotInConversationRoster marks the chat dead and re-routes those items up the chain in the same sweep", async () => {
    const { repos } = await store.fresh();
    await seed(repos, { cases: [overdueCase(1), overdueCase(2)] });
    const sender = new FakeCardSender({
      answer: (t) => (t.conversationId === "conv-dc1" ? { ok: false, status: 403, code: "BotNotInConversationRoster" } : undefined),
    });
    const report = await executor(repos, sender).run({ at: MONDAY_0800 });
    assert.equal(await repos.conversations.personal(TENANT, "aad-dc1"), undefined);
    assert.deepEqual(report.unreachableOfficerIds, ["dc1"]);
    assert.equal(report.sent, report.planned);
    assert.equal(report.failed, 0);
    const toSergeant = sender.sent.filter((s) => s.target.conversationId === "conv-ds1").flatMap((s) => deliveredItems("ds1", s.card));
    assert.equal(toSergeant.filter((i) => i.includes("No update recorded: confirm progress")).length, 2);
    const again = await executor(repos, sender).run({ at: MONDAY_0800 });
    assert.equal(again.sent, 0);
  });

  const timing: { name: string; at: string; endsOn: string; routine: boolean }[] = [
    { name: "Saturday 08:00: urgent bail lapse only", at: "2026-03-07T08:00:00Z", endsOn: "2026-03-05", routine: false },
    { name: "Monday 07:59 (before the morning time): urgent only", at: "2026-03-09T07:59:00Z", endsOn: "2026-03-07", routine: false },
    { name: "Monday 08:00 GMT: everything", at: "2026-03-09T08:00:00Z", endsOn: "2026-03-07", routine: true },
    { name: "Thursday 08:00 BST (07:00Z) after the clocks change: everything", at: "2026-04-02T07:00:00Z", endsOn: "2026-03-31", routine: true },
    { name: "Thursday 07:30 BST: urgent only", at: "2026-04-02T06:30:00Z", endsOn: "2026-03-31", routine: false },
    { name: "Good Friday bank holiday 08:00 BST: urgent only", at: "2026-04-03T07:00:00Z", endsOn: "2026-04-01", routine: false },
  ];
  for (const t of timing) {
    it(`delivers by the clock: ${t.name}`, async () => {
      const { repos } = await store.fresh();
      const at = new Date(t.at);
      const dayBefore = new Date(at.getTime() - 86_400_000).toISOString().slice(0, 10);
      await seed(repos, { cases: [lapsedBailCase(t.endsOn, dayBefore)] });
      const report = await executor(repos, new FakeCardSender()).run({ at });
      // Lapse: OIC, sergeant and inspector, any day. Victim update: the OIC, on their next digest morning.
      assert.equal(report.sent, t.routine ? 4 : 3);
      assert.equal(report.deferred, t.routine ? 0 : 1);
    });
  }

  it("sends the held routine items at the next working morning, and the urgent ones only once", async () => {
    const { repos } = await store.fresh();
    await seed(repos, { cases: [lapsedBailCase("2026-03-05", "2026-03-06")] });
    const sender = new FakeCardSender();
    await executor(repos, sender).run({ at: new Date("2026-03-07T08:00:00Z") });
    const sunday = await executor(repos, sender).run({ at: new Date("2026-03-08T08:00:00Z") });
    assert.equal(sunday.sent, 0);
    const monday = await executor(repos, sender).run({ at: new Date("2026-03-09T08:00:00Z") });
    assert.equal(monday.sent, 1);
    assert.equal(monday.skippedDuplicate, 3);
  });

  it("an urgent-only pass sends urgent items and leaves routine ones (and their case) for the digest", async () => {
    const { repos } = await store.fresh();
    await seed(repos, { cases: [lapsedBailCase("2026-03-07", "2026-03-08")] });
    const hourly = await executor(repos, new FakeCardSender()).run({ at: new Date("2026-03-09T10:30:00Z"), urgentOnly: true });
    assert.equal(hourly.sent, 3);
    assert.equal(hourly.deferred, 1);
    const digest = await executor(repos, new FakeCardSender()).run({ at: new Date("2026-03-09T11:00:00Z") });
    assert.equal(digest.sent, 1);
  });

  it("keeps a concurrent review's write when storing nextAttentionOn (ETag conflict → re-read → re-plan)", async () => {
    const { repos } = await store.fresh();
    await seed(repos, { cases: [overdueCase(1)] });
    let raced = false;
    const racing: Repositories = {
      ...repos,
      cases: {
        ...repos.cases,
        replace: async (doc) => {
          if (!raced) {
            raced = true;
            const fresh = (await repos.cases.getByRef(doc.ref))!;
            await repos.cases.replace({ ...fresh, lastReviewedOn: "2026-03-02", lastUpdatedOn: "2026-03-02" });
          }
          return repos.cases.replace(doc);
        },
      },
    };
    await executor(racing, new FakeCardSender()).run({ at: MONDAY_0800 });
    const stored = (await repos.cases.getByRef("CF/00001/26"))!;
    assert.ok(raced);
    assert.equal(stored.lastReviewedOn, "2026-03-02");
    assert.equal(stored.nextAttentionOn, "2026-03-16");
  });

  describe("through a fake Teams connector over HTTP", () => {
    let connector: FakeTeamsConnector;
    afterEach(async () => { await connector.close(); });
    const fast = { globalPerSecond: 50, backoffBaseMs: 20, backoffMaxMs: 200 };

    async function squad(repos: Repositories): Promise<void> {
      const dcs = Array.from({ length: 12 }, (_, i) => makeOfficer({ id: `dc${i + 1}`, rank: "DC", aadObjectId: `aad-dc${i + 1}`, supervisorId: "ds1" }));
      await seed(repos, { officers: [...chainOfCommand().filter((o) => o.rank !== "DC"), ...dcs], cases: dcs.map((o, i) => overdueCase(i + 1, { oicId: o.id })) });
    }
    const arrived = (c: FakeTeamsConnector) =>
      c.accepted.flatMap((a) => deliveredItems(a.conversationId, (a.activity.attachments as { content: Record<string, unknown> }[])[0]!.content));

    it("loses no send while the connector throttles with 429s, and the report matches what arrived", async () => {
      connector = await new FakeTeamsConnector({ globalPerSecond: 6, retryAfterSeconds: 0.2 }).start();
      const { repos } = await store.fresh();
      await squad(repos);
      const report = await executor(repos, createHttpCardSender(connector.url), { limits: fast }).run({ at: MONDAY_0800 });
      assert.ok(connector.throttled > 0, "the test must provoke 429s");
      const items = arrived(connector);
      assert.equal(report.sent, report.planned);
      assert.equal(items.length, report.sent);
      assert.equal(new Set(items).size, items.length);
      assert.equal(connector.accepted.length, report.cards);
    });

    it("retries a 5xx without duplicating the card", async () => {
      connector = await new FakeTeamsConnector().start();
      connector.failCall(1, { status: 500 });
      connector.failCall(2, { status: 503 });
      const { repos } = await store.fresh();
      await squad(repos);
      const report = await executor(repos, createHttpCardSender(connector.url), { limits: fast }).run({ at: MONDAY_0800 });
      const items = arrived(connector);
      assert.equal(report.failed, 0);
      assert.equal(report.sent, report.planned);
      assert.equal(new Set(items).size, items.length);
      assert.equal(items.length, report.planned);
    });
  });
});
