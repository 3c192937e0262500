import assert from "node:assert/strict";
import { ledgerId, type LedgerKey } from "../../../../services/store/notification-ledger";
import type { Contract } from "./contract-store";

const keyFor = (subjectId: string): LedgerKey => ({ kind: "review-due", subjectId, dueOn: "2026-11-23", recipientId: "ds1" });

export const notificationLedgerContract: Contract = (fresh) =>
  describe("notification ledger", () => {
    it("claims a ledger key exactly once", async () => {
      const { repos } = await fresh();
      const key = { kind: "review-due", subjectId: "CF/1/26", dueOn: "2026-11-23", recipientId: "ds1" };
      const results = await Promise.all([1, 2, 3].map(() => repos.ledger.claim(key, "s1", "2026-11-23T08:00:00.000Z")));
      assert.equal(results.filter(Boolean).length, 1);
      await repos.ledger.markSent(key, "2026-11-23T08:00:01.000Z");
      assert.equal((await repos.ledger.get(key))?.state, "sent");
    });

    it("records the claim under the key's ledger id, with who claimed it and when", async () => {
      const { repos } = await fresh();
      const key = keyFor("CF/1/26");
      assert.equal(await repos.ledger.get(key), undefined);
      assert.equal(await repos.ledger.claim(key, "sweep-1", "2026-11-23T08:00:00.000Z"), true);
      const doc = await repos.ledger.get(key);
      assert.deepEqual(
        [doc?.id, doc?.state, doc?.claimedAt, doc?.sweepId, doc?.kind, doc?.subjectId, doc?.dueOn, doc?.recipientId],
        [ledgerId(key), "claimed", "2026-11-23T08:00:00.000Z", "sweep-1", "review-due", "CF/1/26", "2026-11-23", "ds1"],
      );
      assert.equal(await repos.ledger.claim(key, "sweep-2", "2026-11-23T09:00:00.000Z"), false, "a later sweep finds it claimed");
      assert.equal((await repos.ledger.get(key))?.sweepId, "sweep-1");
    });

    it("tells keys apart by every part", async () => {
      const { repos } = await fresh();
      const base = keyFor("CF/1/26");
      const variants = [base, { ...base, kind: "bail-due" }, { ...base, subjectId: "CF/2/26" }, { ...base, dueOn: "2026-11-24" }, { ...base, recipientId: "ds2" }];
      for (const k of variants) assert.equal(await repos.ledger.claim(k, "s1", "2026-11-23T08:00:00.000Z"), true);
    });

    it("frees a released key for a new claim, and releasing a key never claimed is harmless", async () => {
      const { repos } = await fresh();
      const key = keyFor("CF/1/26");
      await repos.ledger.claim(key, "s1", "2026-11-23T08:00:00.000Z");
      await repos.ledger.release(key);
      assert.equal(await repos.ledger.get(key), undefined);
      assert.equal(await repos.ledger.claim(key, "s2", "2026-11-23T08:05:00.000Z"), true);
      await repos.ledger.release(keyFor("CF/9/26"));
    });

    it("marks failed and then sent, but never takes a sent entry back to failed", async () => {
      const { repos } = await fresh();
      const key = keyFor("CF/1/26");
      await repos.ledger.claim(key, "s1", "2026-11-23T08:00:00.000Z");
      await repos.ledger.markFailed(key);
      assert.equal((await repos.ledger.get(key))?.state, "failed");
      await repos.ledger.markSent(key, "2026-11-23T08:10:00.000Z");
      await repos.ledger.markFailed(key);
      const doc = await repos.ledger.get(key);
      assert.deepEqual([doc?.state, doc?.sentAt], ["sent", "2026-11-23T08:10:00.000Z"]);
    });

    it("marks nothing for a key never claimed", async () => {
      const { repos } = await fresh();
      await repos.ledger.markSent(keyFor("CF/1/26"), "2026-11-23T08:10:00.000Z");
      await repos.ledger.markFailed(keyFor("CF/1/26"));
      assert.equal(await repos.ledger.get(keyFor("CF/1/26")), undefined);
    });

    it("applies every one of concurrent marks, and sent wins", async () => {
      const { repos } = await fresh();
      const key = keyFor("CF/1/26");
      await repos.ledger.claim(key, "s1", "2026-11-23T08:00:00.000Z");
      await Promise.all([repos.ledger.markFailed(key), repos.ledger.markSent(key, "2026-11-23T08:10:00.000Z"), repos.ledger.markFailed(key)]);
      assert.equal((await repos.ledger.get(key))?.state, "sent");
    });

    it("lists unsent claims (claimed or failed) made before the given instant", async () => {
      const { repos } = await fresh();
      await repos.ledger.claim(keyFor("old-claimed"), "s1", "2026-11-23T07:00:00.000Z");
      await repos.ledger.claim(keyFor("old-failed"), "s1", "2026-11-23T07:10:00.000Z");
      await repos.ledger.markFailed(keyFor("old-failed"));
      await repos.ledger.claim(keyFor("old-sent"), "s1", "2026-11-23T07:20:00.000Z");
      await repos.ledger.markSent(keyFor("old-sent"), "2026-11-23T07:21:00.000Z");
      await repos.ledger.claim(keyFor("at-cutoff"), "s1", "2026-11-23T08:00:00.000Z");
      await repos.ledger.claim(keyFor("new"), "s1", "2026-11-23T08:30:00.000Z");
      const unsent = await repos.ledger.unsent("2026-11-23T08:00:00.000Z");
      assert.deepEqual(unsent.map((n) => n.subjectId).sort(), ["old-claimed", "old-failed"]);
    });
  });
