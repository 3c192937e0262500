import assert from "node:assert/strict";
import { AlreadyExistsError, ConcurrencyError } from "../../../../services/platform/errors";
import { makeOfficer } from "../../../support/fixtures";
import type { Contract } from "./contract-store";

export const officerRepositoryContract: Contract = (fresh) =>
  describe("officers", () => {
    it("refuses to create a duplicate id", async () => {
      const { repos } = await fresh();
      await repos.officers.create(makeOfficer({ id: "dc1" }));
      await assert.rejects(repos.officers.create(makeOfficer({ id: "dc1" })), AlreadyExistsError);
    });

    it("finds officers by Entra object id and by supervisor", async () => {
      const { repos } = await fresh();
      await repos.officers.create(makeOfficer({ id: "ds1", rank: "DS", aadObjectId: "aad-ds1" }));
      await repos.officers.create(makeOfficer({ id: "dc1", supervisorId: "ds1" }));
      await repos.officers.create(makeOfficer({ id: "dc2", supervisorId: "ds1" }));
      assert.equal((await repos.officers.byAadObjectId("aad-ds1"))?.id, "ds1");
      assert.deepEqual((await repos.officers.directReports("ds1")).map((o) => o.id).sort(), ["dc1", "dc2"]);
    });

    it("answers an unknown Entra object id, and a sergeant with no team, with nothing", async () => {
      const { repos } = await fresh();
      await repos.officers.create(makeOfficer({ id: "ds1", rank: "DS", aadObjectId: "aad-ds1" }));
      assert.equal(await repos.officers.byAadObjectId("aad-nobody"), undefined);
      assert.deepEqual(await repos.officers.directReports("ds1"), []);
    });

    it("refuses an id holding '/', a backslash or '#' on every call, and stores nothing (Cosmos forbids them; the SDK checks before sending)", async () => {
      const { repos } = await fresh();
      // The SDK throws a plain object with a message for writes, so match on the message.
      const illegal = (err: unknown) => /illegal char/i.test(String((err as { message?: unknown }).message));
      for (const id of ["a/b", "a\\b", "a#b"]) {
        await assert.rejects(repos.officers.create(makeOfficer({ id })), illegal);
        await assert.rejects(repos.officers.upsert(makeOfficer({ id })), illegal);
        await assert.rejects(repos.officers.replace(makeOfficer({ id })), illegal);
        await assert.rejects(repos.officers.get(id), illegal);
      }
      assert.deepEqual(await repos.officers.all(), []);
    });

    it("never gives back an officer whose id holds '?' (Azure refuses it, the fake too; the embedded server stores it where no read finds it)", async () => {
      const { repos } = await fresh();
      await repos.officers.create(makeOfficer({ id: "a?b" })).catch(() => undefined);
      assert.equal(await repos.officers.get("a?b"), undefined);
      await assert.rejects(repos.officers.replace(makeOfficer({ id: "a?b" })));
    });

    it("lists every officer", async () => {
      const { repos } = await fresh();
      assert.deepEqual(await repos.officers.all(), []);
      for (const id of ["dc2", "ds1", "dc1"]) await repos.officers.create(makeOfficer({ id }));
      assert.deepEqual((await repos.officers.all()).map((o) => o.id).sort(), ["dc1", "dc2", "ds1"]);
    });

    it("answers an unordered read in creation order, a rewrite keeping its place (embedded server: for a container's first 51 documents only; Azure promises no order)", async () => {
      const { repos } = await fresh();
      for (const id of ["dc2", "ds1", "dc1"]) await repos.officers.create(makeOfficer({ id, supervisorId: "ds9" }));
      const ds1 = (await repos.officers.get("ds1"))!;
      await repos.officers.replace({ ...ds1, hoursPerWeek: 30 });
      await repos.officers.upsert(makeOfficer({ id: "dc2", supervisorId: "ds9" }));
      assert.deepEqual((await repos.officers.all()).map((o) => o.id), ["dc2", "ds1", "dc1"]);
      assert.deepEqual((await repos.officers.directReports("ds9")).map((o) => o.id), ["dc2", "ds1", "dc1"]);
    });

    it("keeps absences and optional fields through a round trip", async () => {
      const { repos } = await fresh();
      const o = makeOfficer({ id: "dc1", supervisorId: "ds1", coverId: "ds2", absences: [{ kind: "leave", from: "2026-03-01", to: "2026-03-05" }] });
      await repos.officers.create(o);
      const { _etag, ...read } = (await repos.officers.get("dc1"))!;
      assert.ok(_etag);
      assert.deepEqual(read, o);
    });

    it("guards replace with the ETag, and upsert overwrites", async () => {
      const { repos } = await fresh();
      const created = await repos.officers.create(makeOfficer({ id: "dc1", hoursPerWeek: 40 }));
      await repos.officers.replace({ ...created, hoursPerWeek: 30 });
      await assert.rejects(repos.officers.replace({ ...created, hoursPerWeek: 20 }), ConcurrencyError);
      await repos.officers.upsert({ ...created, hoursPerWeek: 20 });
      assert.equal((await repos.officers.get("dc1"))?.hoursPerWeek, 20);
    });
  });
