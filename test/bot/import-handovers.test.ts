import assert from "node:assert/strict";
import { sendImportHandovers } from "../../bot/import-handovers";
import { createNotifier } from "../../services/app/delivery/notifier";
import { createRateLimitedSender } from "../../services/app/delivery/rate-limited-sender";
import type { CardSender } from "../../services/app/delivery/card-sender";
import { CONVERSATION_REF_SCHEMA_VERSION } from "../../services/domain/conversation-ref";
import { conversationRefId } from "../../services/store/conversation-ref-repository";
import { fixedClock } from "../../services/platform/clock";
import { createLogger } from "../../services/platform/logger";
import { createOversightServices } from "../../bot/compose/oversight-services";
import { defaultPolicy } from "../../services/domain/policy";
import type { Repositories } from "../../services/store/repositories";
import { NOW, seedForce, TENANT, TODAY } from "../services/app/force-fixture";
import { startTestStore, type TestStore } from "../support/test-store";
import { wordsOf } from "./bot-harness";

describe("sendImportHandovers: an import that changes a supervisor sends the new one a handover digest", function () {
  this.timeout(30_000);
  let store: TestStore;
  let repos: Repositories;
  let sent: { aadObjectId: string; card: Record<string, unknown> }[];
  before(async () => { store = await startTestStore(); });
  after(() => store.close());
  beforeEach(async () => {
    repos = (await store.fresh()).repos;
    await seedForce(repos);
    // ds1 has installed the bot: a live personal-chat reference.
    await repos.conversations.upsert({
      id: conversationRefId(TENANT, "aad-ds1", "personal"), type: "conversation-ref", schemaVersion: CONVERSATION_REF_SCHEMA_VERSION,
      tenantId: TENANT, aadObjectId: "aad-ds1", scope: "personal", alive: true, updatedAt: NOW, reference: { conversation: { id: "conv-ds1" } },
    });
    sent = [];
  });

  const deps = () => {
    const clock = fixedClock(NOW);
    const logger = createLogger("silent");
    const connector: CardSender = { send: async (to, card) => (sent.push({ aadObjectId: to.aadObjectId, card }), { ok: true as const }) };
    const sender = createRateLimitedSender({ sender: connector, conversations: repos.conversations, clock, logger });
    return {
      handover: createOversightServices({ repos, policy: defaultPolicy(), logger }).handover,
      notifier: createNotifier({ sender, repos, clock, logger }),
      tenantId: TENANT,
      actorId: "cli:jsmith",
      today: TODAY,
    };
  };
  const moved = { dryRun: false, supervisorChanges: [{ officerId: "dc3", from: "ds2", to: "ds1" }] };

  it("sends the new supervisor the digest of the cases they inherit, audited under whoever ran the import", async () => {
    const outcomes = await sendImportHandovers(deps(), moved);
    assert.deepEqual([...outcomes], [["ds1", "sent"]]);
    assert.deepEqual(sent.map((s) => s.aadObjectId), ["aad-ds1"]);
    assert.match(wordsOf(sent[0]?.card), /Handover to DS Aisha Khan.*CF\/00003\/26/);
    const told = (await repos.audit.between(TODAY, TODAY)).filter((a) => a.operation === "disclosure");
    assert.deepEqual(told.map((a) => [a.actorId, a.recordId, a.why]), [["cli:jsmith", "CF/00003/26", "import:supervisor changed"]]);
  });

  it("sends the same digest once, however often it is retried", async () => {
    await sendImportHandovers(deps(), moved);
    const again = await sendImportHandovers(deps(), moved);
    assert.deepEqual([...again], [["ds1", "duplicate"]]);
    assert.equal(sent.length, 1);
  });

  it("sends nothing after a dry run", async () => {
    assert.equal((await sendImportHandovers(deps(), { ...moved, dryRun: true })).size, 0);
    assert.deepEqual(sent, []);
  });
});
