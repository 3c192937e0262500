import assert from "node:assert/strict";
import { createNotifier, type Outgoing } from "../../bot/notifier";
import { fixedClock } from "../../services/platform/clock";
import { createLogger } from "../../services/platform/logger";
import type { SendResult } from "../../services/app/delivery/card-sender";
import type { Repositories } from "../../services/store/repositories";
import { byId, NOW, seedForce, TENANT, TODAY } from "../services/app/force-fixture";
import { startTestStore, type TestStore } from "../support/test-store";

const card = { type: "AdaptiveCard" as const, version: "1.5", body: [] };
const toDi1 = (subject = "CF/00001/26#k1"): Outgoing => ({
  recipientOfficerId: "di1",
  reason: "review-escalated",
  key: { kind: "workflow-card:review-escalated", subjectId: subject, dueOn: TODAY, recipientId: "di1" },
  card,
  about: { recordType: "case", recordId: "CF/00001/26" },
});

describe("createNotifier: proactive workflow cards, exactly once", function () {
  this.timeout(30_000);
  let store: TestStore;
  let repos: Repositories;
  let sends: { tenantId: string; aadObjectId: string }[];
  let answer: SendResult | Error;
  before(async () => { store = await startTestStore(); });
  after(() => store.close());
  beforeEach(async () => {
    repos = (await store.fresh()).repos;
    await seedForce(repos);
    sends = [];
    answer = { ok: true, activityId: "a1" };
  });

  const notifier = () =>
    createNotifier({
      sender: {
        sendToUser: async (to) => {
          if (answer instanceof Error) throw answer;
          sends.push(to);
          return answer;
        },
      },
      repos,
      clock: fixedClock(NOW),
      logger: createLogger("silent"),
    });
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
    answer = { ok: false, status: 404, code: "NoConversationReference" };
    assert.equal(await notifier().notify("ds1", TENANT, toDi1(), "action:submit-review"), "unreachable");
    assert.equal(await repos.ledger.get(toDi1().key), undefined);
    assert.deepEqual(await disclosures(), []);
    answer = { ok: true };
    assert.equal(await notifier().notify("ds1", TENANT, toDi1(), "action:submit-review"), "sent");
  });

  it("a connector failure is reported as failed and nothing is audited as disclosed", async () => {
    answer = { ok: false, status: 502 };
    assert.equal(await notifier().notify("ds1", TENANT, toDi1(), "action:submit-review"), "failed");
    assert.deepEqual(await disclosures(), []);
  });

  it("a sender that throws lets the key go and passes the error on", async () => {
    answer = new Error("socket hang up");
    await assert.rejects(notifier().notify("ds1", TENANT, toDi1(), "action:submit-review"), /socket hang up/);
    assert.equal(await repos.ledger.get(toDi1().key), undefined);
  });

  it("an officer without a Teams identity is unreachable, and nothing is claimed", async () => {
    await repos.officers.upsert({ ...byId("di1"), aadObjectId: undefined });
    assert.equal(await notifier().notify("ds1", TENANT, toDi1(), "action:submit-review"), "unreachable");
    assert.equal(await repos.ledger.get(toDi1().key), undefined);
  });
});
