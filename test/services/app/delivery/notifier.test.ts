import assert from "node:assert/strict";
import { createNotifier, type Outgoing } from "../../../../services/app/delivery/notifier";
import { createRateLimitedSender } from "../../../../services/app/delivery/rate-limited-sender";
import { fixedClock } from "../../../../services/platform/clock";
import { createLogger } from "../../../../services/platform/logger";
import type { CardSender, SendResult, SendTarget } from "../../../../services/app/delivery/card-sender";
import { CONVERSATION_REF_SCHEMA_VERSION } from "../../../../services/domain/conversation-ref";
import { conversationRefId } from "../../../../services/store/conversation-ref-repository";
import type { Repositories } from "../../../../services/store/repositories";
import { byId, NOW, seedForce, TENANT, TODAY } from "../force-fixture";
import { startTestStore, type TestStore } from "../../../support/test-store";

const card = { type: "AdaptiveCard" as const, version: "1.5", body: [] };
const toDi1 = (subject = "CF/00001/26#k1"): Outgoing => ({
  recipientOfficerId: "di1",
  reason: "review-escalated",
  key: { kind: "workflow-card:review-escalated", subjectId: subject, dueOn: TODAY, recipientId: "di1" },
  card,
  about: { recordType: "case", recordId: "CF/00001/26" },
});
const silent = createLogger("silent");
const FAST = { backoffBaseMs: 1, backoffMaxMs: 5 };
const MINUTES = 60_000;

/** Stores di1's personal-chat reference, as installing the bot would. */
async function connectDi1(repos: Repositories): Promise<void> {
  await repos.conversations.upsert({
    id: conversationRefId(TENANT, "aad-di1", "personal"), type: "conversation-ref", schemaVersion: CONVERSATION_REF_SCHEMA_VERSION,
    tenantId: TENANT, aadObjectId: "aad-di1", scope: "personal", alive: true, updatedAt: NOW,
    reference: { conversation: { id: "conv-di1" }, serviceUrl: "http://127.0.0.1:1/" },
  });
}

describe("services/app/delivery/notifier: proactive workflow cards, exactly once (Cosmos-protocol store)", function () {
  this.timeout(30_000);
  let store: TestStore;
  let repos: Repositories;
  let sends: { tenantId: string; aadObjectId: string }[];
  let answers: (SendResult | Error)[];
  before(async () => { store = await startTestStore(); });
  after(() => store.close());
  beforeEach(async () => {
    repos = (await store.fresh()).repos;
    await seedForce(repos);
    await connectDi1(repos);
    sends = [];
    answers = [];
  });

  /** Answers from `answers` in turn, then "delivered". */
  const fakeConnector: CardSender = {
    send: async (to: SendTarget) => {
      const answer = answers.shift() ?? { ok: true, activityId: "a1" };
      if (answer instanceof Error) throw answer;
      if (answer.ok) sends.push({ tenantId: to.tenantId, aadObjectId: to.aadObjectId });
      return answer;
    },
  };
  const notifier = (sender: CardSender = fakeConnector, clock = fixedClock(NOW)) =>
    createNotifier({ sender: createRateLimitedSender({ sender, conversations: repos.conversations, clock, logger: silent, limits: FAST }), repos, clock, logger: silent });
  const disclosures = async () => (await repos.audit.between(TODAY, TODAY)).filter((a) => a.operation === "disclosure");

  it("sends to the recipient's personal chat by their Entra id, marks the key sent and audits the disclosure", async () => {
    assert.equal(await notifier().notify("ds1", TENANT, toDi1(), "action:submit-review"), "sent");
    assert.deepEqual(sends, [{ tenantId: TENANT, aadObjectId: "aad-di1" }]);
    assert.equal((await repos.ledger.get(toDi1().key))?.state, "sent");
    assert.deepEqual((await disclosures()).map((a) => [a.actorId, a.action, a.recordType, a.recordId, a.why]), [
      ["ds1", "send review-escalated card to di1", "case", "CF/00001/26", "action:submit-review"],
    ]);
  });

  it("sends a key only once, however often it is asked (redelivered invokes, two instances)", async () => {
    const n = notifier();
    const outcomes = await Promise.all([1, 2, 3].map(() => n.notify("ds1", TENANT, toDi1(), "action:submit-review")));
    assert.deepEqual(outcomes.sort(), ["duplicate", "duplicate", "sent"]);
    assert.equal(sends.length, 1);
    assert.equal((await disclosures()).length, 1);
  });

  it("a recipient with no Teams chat is unreachable; the key is let go so a later attempt can send it", async () => {
    await repos.conversations.markDead(TENANT, "aad-di1", "personal", "uninstalled", NOW);
    assert.equal(await notifier().notify("ds1", TENANT, toDi1(), "action:submit-review"), "unreachable");
    assert.equal(await repos.ledger.get(toDi1().key), undefined);
    assert.deepEqual(await disclosures(), []);
    await connectDi1(repos);
    assert.equal(await notifier().notify("ds1", TENANT, toDi1(), "action:submit-review"), "sent");
  });

  it("a chat the connector no longer knows (404) is unreachable, nothing is disclosed, and a later attempt can send", async () => {
    answers = [{ ok: false, status: 404, code: "NoConversationReference" }];
    assert.equal(await notifier().notify("ds1", TENANT, toDi1(), "action:submit-review"), "unreachable");
    assert.deepEqual(await disclosures(), []);
    assert.equal(await notifier().notify("ds1", TENANT, toDi1(), "action:submit-review"), "sent");
    assert.equal(sends.length, 1);
  });

  it("a connector failure is reported as failed and nothing is audited as disclosed", async () => {
    answers = [{ ok: false, status: 502 }, { ok: false, status: 502 }];
    assert.equal(await notifier().notify("ds1", TENANT, toDi1(), "action:submit-review"), "failed");
    assert.deepEqual(await disclosures(), []);
  });

  it("goes through the rate limiter: a throttled send (429) is retried and delivered once", async () => {
    answers = [{ ok: false, status: 429, retryAfterMs: 1 }];
    assert.equal(await notifier().notify("ds1", TENANT, toDi1(), "action:submit-review"), "sent");
    assert.equal(sends.length, 1);
    assert.equal((await disclosures()).length, 1);
  });

  it("a sender that throws lets the key go and passes the error on", async () => {
    answers = [new Error("socket hang up")];
    await assert.rejects(notifier().notify("ds1", TENANT, toDi1(), "action:submit-review"), /socket hang up/);
    assert.equal(await repos.ledger.get(toDi1().key), undefined);
  });

  it("an officer without a Teams identity is unreachable, and nothing is claimed", async () => {
    await repos.officers.upsert({ ...byId("di1"), aadObjectId: undefined });
    assert.equal(await notifier().notify("ds1", TENANT, toDi1(), "action:submit-review"), "unreachable");
    assert.equal(await repos.ledger.get(toDi1().key), undefined);
  });

  describe("a crash between claim and send", () => {
    /** The first process claims the key and dies inside the send: the send never returns, nothing settles the claim. */
    async function crashAfterClaim(): Promise<void> {
      const dying: CardSender = { send: () => new Promise<SendResult>(() => {}) };
      void notifier(dying).notify("ds1", TENANT, toDi1(), "action:reassign");
      for (let i = 0; i < 100 && (await repos.ledger.get(toDi1().key)) === undefined; i++) await new Promise((r) => setTimeout(r, 20));
      assert.equal((await repos.ledger.get(toDi1().key))?.state, "claimed", "the crashed attempt left its claim");
    }

    it("is delivered exactly once after a restart past the grace period", async () => {
      await crashAfterClaim();
      // The restarted process: a new notifier over the same store, its clock past the grace period.
      const restarted = notifier(fakeConnector, fixedClock(new Date(Date.parse(NOW) + 10 * MINUTES)));
      assert.equal(await restarted.notify("ds1", TENANT, toDi1(), "action:reassign"), "sent");
      assert.equal(await restarted.notify("ds1", TENANT, toDi1(), "action:reassign"), "duplicate");
      assert.deepEqual(sends, [{ tenantId: TENANT, aadObjectId: "aad-di1" }]);
      assert.equal((await repos.ledger.get(toDi1().key))?.state, "sent");
      assert.equal((await disclosures()).length, 1);
    });

    it("within the grace period the claim is presumed in flight and nothing is sent twice", async () => {
      await crashAfterClaim();
      const soon = notifier(fakeConnector, fixedClock(new Date(Date.parse(NOW) + 30_000)));
      assert.equal(await soon.notify("ds1", TENANT, toDi1(), "action:reassign"), "duplicate");
      assert.deepEqual(sends, []);
    });
  });
});
