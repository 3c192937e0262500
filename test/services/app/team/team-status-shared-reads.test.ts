import assert from "node:assert/strict";
import { fixedClock } from "../../../../services/platform/clock";
import { chainOfCommand } from "../../../../services/app/scope/chain-of-command";
import { createTeamStatusService, type TeamStatusService } from "../../../../services/app/team/team-status-service";
import type { Officer } from "../../../../services/domain/officer";
import { defaultPolicy } from "../../../../services/domain/policy";
import type { Repositories } from "../../../../services/store/repositories";
import { withSharedReads } from "../../../../services/store/shared-reads";
import { startTestStore, type TestStore } from "../../../support/test-store";
import { AT, NOW, officer, oversightForce, seed, silent } from "../oversight-fixture";

/**
 * The inspector's team status as the running app computes it (composition root: repositories with shared reads):
 * concurrent turns share the store reads and the figures derived from them, and the result is the same card.
 */
describe("team status over shared reads", function () {
  this.timeout(30_000);
  let store: TestStore;
  const force = oversightForce();
  const policy = defaultPolicy();
  before(async () => { store = await startTestStore(); });
  after(() => store.close());

  async function setUp() {
    const { repos } = await store.fresh();
    await seed(repos, force);
    let caseReads = 0;
    const spied: Repositories = { ...repos, cases: { ...repos.cases, byOic: (ids, o) => { caseReads += 1; return repos.cases.byOic(ids, o); } } };
    const shared = withSharedReads(spied, { clock: fixedClock(NOW) });
    const service = (r: Repositories) => createTeamStatusService({ repos: r, policy, logger: silent });
    return { repos, shared, plain: service(repos), sharing: service(shared), caseReads: () => caseReads };
  }

  /** One turn as the bot runs it: the viewer's scope read from the turn's repositories, then the status. */
  const turn = async (r: Repositories, s: TeamStatusService, viewer: Officer) =>
    s.teamStatus(viewer, chainOfCommand(viewer, await r.officers.all(), AT.today), AT, "command:status");

  it("gives fifty concurrent turns the same figures as one plain read, from one case query, each turn audited", async () => {
    const { repos, shared, plain, sharing, caseReads } = await setUp();
    const di = officer(force, "di1");
    const expected = await turn(repos, plain, di);
    const views = await Promise.all(Array.from({ length: 50 }, () => turn(shared, sharing, di)));
    assert.equal(caseReads(), 1);
    for (const v of views) assert.deepEqual(v, expected);
    const audited = (await repos.audit.between(expected.today, expected.today)).filter((e) => e.action === "view team status");
    assert.equal(audited.length, 51, "every view is its own consultation entry, shared read or not");
  });

  it("shows a case closed through the app on the very next status", async () => {
    const { shared, sharing } = await setUp();
    const di = officer(force, "di1");
    const before = await turn(shared, sharing, di);
    const open = (await shared.cases.byOic([...force.officers.map((o) => o.id)], { openOnly: true }))[0]!;
    await shared.cases.replace({ ...open, status: "closed" });
    const after = await turn(shared, sharing, di);
    assert.equal(after.totals.open, before.totals.open - 1);
  });
});
