import assert from "node:assert/strict";
import pino from "pino";
import { fixedClock } from "../../../../services/platform/clock";
import { defaultPolicy } from "../../../../services/domain/policy";
import type { Repositories } from "../../../../services/store/repositories";
import type { CardSender } from "../../../../services/app/delivery/card-sender";
import { SWEEP_LEASE } from "../../../../services/app/sweep/sweep-executor";
import { FakeCardSender, SimulatedCrash } from "../../../support/fake-teams-connector";
import { startTestStore, type TestStore } from "../../../support/test-store";
import { deliveredItems, MONDAY_0800, overdueCase, quietCase, seed, TENANT, sweepExecutor, type TestSweepDeps } from "./sweep-fixtures";

const silent = pino({ level: "silent" });

function executor(repos: Repositories, sender: CardSender, clock = fixedClock(MONDAY_0800), extra: Partial<TestSweepDeps> = {}) {
  return sweepExecutor({ repos, sender, policy: defaultPolicy(), clock, logger: silent, instanceId: "instance-a", tenantId: TENANT, concurrency: 1, ...extra });
}

function itemsOf(...senders: FakeCardSender[]): string[] {
  return senders.flatMap((s) => s.sent.flatMap((x) => deliveredItems(x.target.conversationId, x.card)));
}

describe("services/app/sweep/sweep-executor (Cosmos-protocol store)", function () {
  this.timeout(30_000);
  let store: TestStore;
  before(async () => { store = await startTestStore(); });
  after(async () => { await store.close(); });

  it("sends one card per recipient with every planned item, and a second sweep at the same instant sends nothing", async () => {
    const { repos } = await store.fresh();
    await seed(repos, { cases: [overdueCase(1), overdueCase(2), quietCase(3)] });
    const sender = new FakeCardSender();
    const first = await executor(repos, sender).run({ at: MONDAY_0800 });
    assert.equal(first.outcome, "completed");
    assert.ok(first.planned > 0);
    assert.equal(first.sent, first.planned);
    assert.deepEqual(sender.sent.map((s) => s.target.conversationId).sort(), ["conv-dc1", "conv-di1", "conv-ds1"]);
    assert.equal(itemsOf(sender).length, first.planned);

    const second = await executor(repos, sender).run({ at: MONDAY_0800 });
    assert.equal(second.sent, 0);
    assert.equal(sender.sent.length, 3);
  });

  it("skips already-sent items by the ledger even when their cases are read again", async () => {
    const { repos } = await store.fresh();
    await seed(repos, { cases: [overdueCase(1), overdueCase(2)] });
    const sender = new FakeCardSender();
    const first = await executor(repos, sender).run({ at: MONDAY_0800 });
    // Someone (an import) puts the cases back in today's range: only the ledger now stands between them and a resend.
    for (const ref of ["CF/00001/26", "CF/00002/26"]) {
      const c = (await repos.cases.getByRef(ref))!;
      await repos.cases.replace({ ...c, nextAttentionOn: "2026-02-15" });
    }
    const again = await executor(repos, sender).run({ at: MONDAY_0800 });
    assert.equal(again.casesRead, 2);
    assert.equal(again.sent, 0);
    assert.equal(again.skippedDuplicate, first.planned);
    assert.equal(sender.sent.length, first.cards);
  });

  it("sends once in total when two instances sweep in parallel", async () => {
    const { repos } = await store.fresh();
    await seed(repos, { cases: [overdueCase(1), overdueCase(2), overdueCase(3)] });
    const a = new FakeCardSender();
    const b = new FakeCardSender();
    const [ra, rb] = await Promise.all([
      executor(repos, a).run({ at: MONDAY_0800 }),
      executor(repos, b, fixedClock(MONDAY_0800), { instanceId: "instance-b" }).run({ at: MONDAY_0800 }),
    ]);
    const items = itemsOf(a, b);
    assert.equal(new Set(items).size, items.length, "no item delivered twice");
    assert.equal(items.length, Math.max(ra.planned, rb.planned));
    assert.equal(ra.sent + rb.sent, items.length);
  });

  it("sends each item once even if two instances both think they hold the lease (the ledger alone decides)", async () => {
    const { repos } = await store.fresh();
    await seed(repos, { cases: [overdueCase(1), overdueCase(2), overdueCase(3)] });
    const leaky: Repositories = { ...repos, leases: { acquire: async () => true, release: async () => undefined } };
    const a = new FakeCardSender();
    const b = new FakeCardSender();
    const [ra, rb] = await Promise.all([
      executor(leaky, a, fixedClock(MONDAY_0800), { concurrency: 4 }).run({ at: MONDAY_0800 }),
      executor(leaky, b, fixedClock(MONDAY_0800), { instanceId: "instance-b", concurrency: 4 }).run({ at: MONDAY_0800 }),
    ]);
    const items = itemsOf(a, b);
    assert.equal(new Set(items).size, items.length, "no item delivered twice");
    assert.equal(ra.sent + rb.sent, ra.planned);
    assert.equal(items.length, ra.planned);
  });

  it("sends nothing while another instance holds the lease, and sweeps once that dead holder's lease has expired", async () => {
    const { repos } = await store.fresh();
    await seed(repos, { cases: [overdueCase(1)] });
    const clock = fixedClock(MONDAY_0800);
    assert.ok(await repos.leases.acquire(SWEEP_LEASE, "crashed-instance", clock.now(), 60_000));
    const sender = new FakeCardSender();
    const blocked = await executor(repos, sender, clock).run({ at: MONDAY_0800 });
    assert.equal(blocked.outcome, "lease-held");
    assert.equal(sender.calls, 0);
    clock.set("2026-03-02T08:01:01Z");
    const after = await executor(repos, sender, clock).run({ at: MONDAY_0800 });
    assert.equal(after.outcome, "completed");
    assert.ok(after.sent > 0);
  });

  it("after a crash mid-sweep, the next sweep sends exactly what was missed: total equals the plan, no duplicates", async () => {
    const { repos } = await store.fresh();
    await seed(repos, { cases: [overdueCase(1), overdueCase(2)] });
    const clock = fixedClock(MONDAY_0800);
    const preview = await executor(repos, new FakeCardSender(), clock).run({ at: MONDAY_0800, dryRun: true });
    assert.equal(preview.wouldSend, preview.planned);

    const crashing = new FakeCardSender({ crashOnCall: 2 });
    await assert.rejects(executor(repos, crashing, clock).run({ at: MONDAY_0800 }), SimulatedCrash);
    assert.equal(crashing.sent.length, 1);

    // Straight away, the crashed sweep's claim is still inside its grace period: nothing is sent twice.
    const soon = new FakeCardSender();
    const early = await executor(repos, soon, clock).run({ at: MONDAY_0800 });
    assert.ok(early.deferred > 0);
    clock.set("2026-03-02T08:05:00Z");
    const later = new FakeCardSender();
    const recovered = await executor(repos, later, clock).run({ at: MONDAY_0800 });
    assert.ok(recovered.sent > 0);

    const items = itemsOf(crashing, soon, later);
    assert.equal(new Set(items).size, items.length, "no item delivered twice");
    assert.equal(items.length, preview.planned);
  });

  it("reads only the cases that are due, not the whole force", async () => {
    const { repos } = await store.fresh();
    const due = [1, 2, 3, 4, 5].map((n) => overdueCase(n));
    const quiet = Array.from({ length: 150 }, (_, n) => quietCase(100 + n));
    await seed(repos, { cases: [...due, ...quiet] });
    let caseDocsRead = 0;
    const counted: Repositories = {
      ...repos,
      cases: {
        ...repos.cases,
        needingAttention: async (day, onPage) => { const r = await repos.cases.needingAttention(day, onPage); caseDocsRead += r.length; return r; },
        getByRef: async (ref) => { caseDocsRead += 1; return repos.cases.getByRef(ref); },
        byOic: async (ids, o) => { const r = await repos.cases.byOic(ids, o); caseDocsRead += r.length; return r; },
      },
    };
    const report = await executor(counted, new FakeCardSender()).run({ at: MONDAY_0800 });
    assert.equal(report.casesRead, 5);
    assert.equal(caseDocsRead, 5);
    assert.equal(report.sent, report.planned);
  });

  it("moves each fully served case's nextAttentionOn to the planner's next date, so tomorrow's sweep skips it", async () => {
    const { repos } = await store.fresh();
    await seed(repos, { cases: [overdueCase(1)] });
    await executor(repos, new FakeCardSender()).run({ at: MONDAY_0800 });
    const after = (await repos.cases.getByRef("CF/00001/26"))!;
    assert.ok(after.nextAttentionOn! > "2026-03-02", `got ${after.nextAttentionOn}`);
    const tomorrow = await executor(repos, new FakeCardSender()).run({ at: new Date("2026-03-03T08:00:00Z") });
    assert.equal(tomorrow.casesRead, 0);
  });

  it("writes audit entries for each card disclosed, naming the recipient officer and the sweep", async () => {
    const { repos } = await store.fresh();
    await seed(repos, { cases: [overdueCase(1)] });
    const report = await executor(repos, new FakeCardSender()).run({ at: MONDAY_0800 });
    const entries = await repos.audit.between("2026-03-02", "2026-03-02");
    assert.equal(entries.length, report.cards);
    for (const e of entries) {
      assert.equal(e.operation, "disclosure");
      assert.equal(e.actorId, "system:sweep");
      assert.equal(e.recordType, "officer");
      assert.equal(e.why, `sweep ${report.sweepId}`);
    }
    assert.deepEqual(entries.map((e) => e.recordId).sort(), ["dc1", "di1", "ds1"]);
  });

  it("a dry run sends and writes nothing and predicts what the real sweep then sends", async () => {
    const { repos } = await store.fresh();
    await seed(repos, { cases: [overdueCase(1), overdueCase(2)] });
    const sender = new FakeCardSender();
    const dry = await executor(repos, sender).run({ at: MONDAY_0800, dryRun: true });
    assert.equal(dry.outcome, "dry-run");
    assert.equal(sender.calls, 0);
    assert.equal((await repos.cases.getByRef("CF/00001/26"))!.nextAttentionOn, "2026-02-15");
    const real = await executor(repos, sender).run({ at: MONDAY_0800 });
    assert.equal(real.sent, dry.wouldSend);
  });
});
