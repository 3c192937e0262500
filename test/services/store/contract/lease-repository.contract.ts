import assert from "node:assert/strict";
import type { Contract } from "./contract-store";

const t0 = new Date("2026-11-23T08:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

export const leaseRepositoryContract: Contract = (fresh) =>
  describe("leases", () => {
    it("lets one holder take a lease until it expires", async () => {
      const { repos } = await fresh();
      const t0 = new Date("2026-11-23T08:00:00Z");
      assert.equal(await repos.leases.acquire("sweep", "a", t0, 60_000), true);
      assert.equal(await repos.leases.acquire("sweep", "b", new Date(t0.getTime() + 30_000), 60_000), false);
      assert.equal(await repos.leases.acquire("sweep", "b", new Date(t0.getTime() + 61_000), 60_000), true);
    });

    it("lets the holder renew, which moves the expiry on", async () => {
      const { repos } = await fresh();
      assert.equal(await repos.leases.acquire("sweep", "a", t0, 60_000), true);
      assert.equal(await repos.leases.acquire("sweep", "a", at(30_000), 60_000), true);
      assert.equal(await repos.leases.acquire("sweep", "b", at(61_000), 60_000), false, "renewed until +90 s");
      assert.equal(await repos.leases.acquire("sweep", "b", at(90_000), 60_000), true, "free at the expiry instant itself");
    });

    it("lets a renewal after expiry succeed when nobody else took the lease", async () => {
      const { repos } = await fresh();
      await repos.leases.acquire("sweep", "a", t0, 60_000);
      assert.equal(await repos.leases.acquire("sweep", "a", at(120_000), 60_000), true);
      assert.equal(await repos.leases.acquire("sweep", "b", at(150_000), 60_000), false);
    });

    it("gives a new lease to exactly one of several concurrent takers", async () => {
      const { repos } = await fresh();
      const won = await Promise.all(["a", "b", "c"].map((h) => repos.leases.acquire("sweep", h, t0, 60_000)));
      assert.equal(won.filter(Boolean).length, 1);
    });

    it("gives an expired lease to exactly one of several concurrent takers", async () => {
      const { repos } = await fresh();
      await repos.leases.acquire("sweep", "a", t0, 60_000);
      const won = await Promise.all(["b", "c", "d"].map((h) => repos.leases.acquire("sweep", h, at(61_000), 60_000)));
      assert.equal(won.filter(Boolean).length, 1);
    });

    it("frees the lease when its holder releases it, and ignores a release by anyone else", async () => {
      const { repos } = await fresh();
      await repos.leases.acquire("sweep", "a", t0, 60_000);
      await repos.leases.release("sweep", "b");
      assert.equal(await repos.leases.acquire("sweep", "b", at(1_000), 60_000), false);
      await repos.leases.release("sweep", "a");
      assert.equal(await repos.leases.acquire("sweep", "b", at(2_000), 60_000), true);
      await repos.leases.release("never-taken", "a");
    });

    it("keeps leases of different names apart", async () => {
      const { repos } = await fresh();
      assert.equal(await repos.leases.acquire("sweep", "a", t0, 60_000), true);
      assert.equal(await repos.leases.acquire("import", "b", t0, 60_000), true);
    });
  });
