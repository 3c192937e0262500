import assert from "node:assert/strict";
import { CONVERSATION_REF_SCHEMA_VERSION, type ConversationRefDoc } from "../../../../services/domain/conversation-ref";
import { conversationRefId } from "../../../../services/store/conversation-ref-repository";
import type { Contract } from "./contract-store";

function makeRef(aadObjectId: string, scope: ConversationRefDoc["scope"], overrides: Partial<ConversationRefDoc> = {}): ConversationRefDoc {
  return {
    id: conversationRefId("t1", aadObjectId, scope), type: "conversation-ref", schemaVersion: CONVERSATION_REF_SCHEMA_VERSION,
    tenantId: "t1", aadObjectId, scope, reference: { conversation: { id: `conv-${aadObjectId}-${scope}` }, serviceUrl: "https://smba.example/" },
    alive: true, updatedAt: "2026-03-01T09:00:00.000Z", ...overrides,
  };
}

export const conversationRefRepositoryContract: Contract = (fresh) =>
  describe("conversation references", () => {
    it("gives the live personal reference, and nothing once it is marked dead", async () => {
      const { repos } = await fresh();
      await repos.conversations.upsert(makeRef("aad-1", "personal"));
      assert.deepEqual((await repos.conversations.personal("t1", "aad-1"))?.reference, makeRef("aad-1", "personal").reference);
      assert.equal(await repos.conversations.personal("t2", "aad-1"), undefined, "another tenant's user");
      await repos.conversations.markDead("t1", "aad-1", "personal", "403 from Teams", "2026-03-02T09:00:00.000Z");
      assert.equal(await repos.conversations.personal("t1", "aad-1"), undefined);
      const [dead] = await repos.conversations.forUser("aad-1");
      assert.deepEqual([dead?.alive, dead?.deadReason, dead?.updatedAt], [false, "403 from Teams", "2026-03-02T09:00:00.000Z"]);
    });

    it("lists every reference of one user, dead or alive, and no one else's", async () => {
      const { repos } = await fresh();
      await repos.conversations.upsert(makeRef("aad-1", "personal"));
      await repos.conversations.upsert(makeRef("aad-1", "channel", { alive: false }));
      await repos.conversations.upsert(makeRef("aad-2", "personal"));
      assert.deepEqual((await repos.conversations.forUser("aad-1")).map((r) => r.scope).sort(), ["channel", "personal"]);
      assert.deepEqual(await repos.conversations.forUser("aad-3"), []);
    });

    it("marks a reference it does not have dead without creating one", async () => {
      const { repos } = await fresh();
      await repos.conversations.markDead("t1", "aad-1", "personal", "gone", "2026-03-02T09:00:00.000Z");
      assert.deepEqual(await repos.conversations.forUser("aad-1"), []);
    });

    it("replaces a reference on upsert, reviving it", async () => {
      const { repos } = await fresh();
      await repos.conversations.upsert(makeRef("aad-1", "personal", { alive: false, deadReason: "403" }));
      await repos.conversations.upsert(makeRef("aad-1", "personal", { updatedAt: "2026-03-03T09:00:00.000Z" }));
      const live = await repos.conversations.personal("t1", "aad-1");
      assert.deepEqual([live?.alive, live?.deadReason, live?.updatedAt], [true, undefined, "2026-03-03T09:00:00.000Z"]);
    });
  });
