import assert from "node:assert/strict";
import { fixedClock } from "../../../../services/platform/clock";
import { seedDemoForce } from "../../../../services/local/demo/seed-demo";
import { DEMO_USERS } from "../../../../services/local/demo/demo-users";
import { createImportService } from "../../../../services/app/import/import-service";
import { createLogger } from "../../../../services/platform/logger";
import { defaultPolicy } from "../../../../services/domain/policy";
import { planReminders } from "../../../../services/rules/plan-reminders";
import { reminderKinds } from "../../../../services/rules/reminder-item";
import type { Repositories } from "../../../../services/store/repositories";
import { startTestStore, type TestStore } from "../../../support/test-store";

describe("seedDemoForce", () => {
  let store: TestStore;
  let repos: Repositories;
  let seeded: Awaited<ReturnType<typeof seedDemoForce>>;
  // One seed shared by the tests below: they only read.
  before(async () => {
    store = await startTestStore();
    ({ repos } = await store.fresh());
    const importService = createImportService({ repos, clock: fixedClock("2026-03-10T07:00:00Z"), logger: createLogger("silent") });
    seeded = await seedDemoForce({ importService, at: { now: new Date("2026-03-10T07:00:00Z"), today: "2026-03-10" } });
  });
  after(async () => { await store.close(); });

  it("loads the demo force through the import, audited, with cases due for the sweep today", async () => {
    assert.equal(seeded.officers, 25);
    assert.ok(seeded.cases >= 200);
    assert.equal((await repos.officers.byAadObjectId(DEMO_USERS.sergeant))?.id, "ds1");
    assert.equal(await repos.cases.countOpen(), 200);
    const due = await repos.cases.needingAttention("2026-03-10");
    assert.ok(due.length >= 25 && due.length < 200, `a sweep reads the cases due, not all of them (got ${due.length})`);
    const audit = await repos.audit.between("2026-03-10", "2026-03-10");
    assert.deepEqual(audit.map((a) => [a.actorId, a.operation, a.why]), [["system:demo-seed", "collection", "import demo-force"]]);
  });

  it("makes every case and officer reminder kind in docs/domain-rules.md fire on the first morning", async () => {
    const officers = await repos.officers.all();
    const cases = await repos.cases.byOic(officers.map((o) => o.id), { openOnly: true });
    const plan = planReminders({ cases, officers, plans: [] }, defaultPolicy(), new Date("2026-03-10T08:00:00Z"));
    const fired = new Set(plan.items.map((i) => i.kind));
    // Action-plan checkpoints need an action plan, which is not part of the import format.
    const expected = reminderKinds.filter((k) => k !== "plan-checkpoint" && k !== "plan-checkpoint-missed");
    assert.deepEqual(expected.filter((k) => !fired.has(k)), []);
  });
});
