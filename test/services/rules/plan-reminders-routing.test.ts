import assert from "node:assert/strict";
import type { CaseDoc } from "../../../services/domain/case";
import type { Officer } from "../../../services/domain/officer";
import { defaultPolicy } from "../../../services/domain/policy";
import { planReminders } from "../../../services/rules/plan-reminders";
import { makeCase } from "../../support/fixtures";
import { force } from "./reminder-force";

const policy = defaultPolicy();
const NOW = new Date("2026-04-08T07:00:00Z");
const sick = [{ kind: "sick" as const, from: "2026-04-06" }];

function routes(c: Partial<CaseDoc>, officers: Record<string, Partial<Officer>>, kind: string, reachable?: string[]) {
  const r = planReminders({ cases: [makeCase(c)], officers: force(officers), plans: [], ...(reachable ? { reachable: new Set(reachable) } : {}) }, policy, NOW);
  return { picked: r.items.filter((i) => i.kind === kind).map((i) => `${i.intendedRecipientId}→${i.recipientId}`).sort(), plan: r };
}

describe("planReminders: routing", () => {
  const staleToOic = { lastUpdatedOn: "2026-03-25", lastReviewedOn: "2026-04-06" };
  const reviewDue = { lastUpdatedOn: "2026-04-08", lastReviewedOn: "2026-03-25" };
  const table: { name: string; c: Partial<CaseDoc>; officers: Record<string, Partial<Officer>>; kind: string; reachable?: string[]; expect: string[] }[] = [
    { name: "an absent OIC's prompt goes to their sergeant", c: staleToOic, officers: { dc1: { absences: sick } }, kind: "stale-oic", expect: ["dc1→ds1"] },
    { name: "an absent sergeant's review prompt goes to the named cover", c: reviewDue, officers: { ds1: { absences: sick, coverId: "ds2" } }, kind: "review-due", expect: ["ds1→ds2"] },
    { name: "an absent sergeant without cover: the prompt goes to their own supervisor", c: reviewDue, officers: { ds1: { absences: sick } }, kind: "review-due", expect: ["ds1→di"] },
    { name: "an OIC with no live Teams conversation: routed up the chain", c: staleToOic, officers: {}, kind: "stale-oic", reachable: ["ds1", "di", "dci"], expect: ["dc1→ds1"] },
    { name: "an OIC on leave later inside the bail window: bail warnings go to the sergeant now", c: { ...staleToOic, bail: { kind: "pre-charge", regime: "pcsc-2022", startedOn: "2026-01-22", endsOn: "2026-04-22" } }, officers: { dc1: { absences: [{ kind: "leave", from: "2026-04-20", to: "2026-04-24" }] } }, kind: "bail-warning", expect: ["dc1→ds1"] },
    { name: "the same OIC still gets their own non-bail prompt while present", c: { ...staleToOic, bail: { kind: "pre-charge", regime: "pcsc-2022", startedOn: "2026-01-22", endsOn: "2026-04-22" } }, officers: { dc1: { absences: [{ kind: "leave", from: "2026-04-20", to: "2026-04-24" }] } }, kind: "stale-oic", expect: ["dc1→dc1"] },
    { name: "an OIC on leave after the bail window keeps their bail warnings", c: { ...staleToOic, bail: { kind: "pre-charge", regime: "pcsc-2022", startedOn: "2026-01-22", endsOn: "2026-04-22" } }, officers: { dc1: { absences: [{ kind: "leave", from: "2026-04-23", to: "2026-04-24" }] } }, kind: "bail-warning", expect: ["dc1→dc1"] },
  ];
  for (const t of table) it(t.name, () => assert.deepEqual(routes(t.c, t.officers, t.kind, t.reachable).picked, t.expect));

  it("lists officers not reachable in Teams for the sweep report", () => {
    const { plan } = routes(staleToOic, {}, "stale-oic", ["ds1", "di", "dci"]);
    assert.deepEqual(plan.unreachable, ["dc1"]);
  });

  it("an OIC absent two days before lapse: the sergeant gets one copy of each bail item, not two", () => {
    const { plan } = routes({ ...staleToOic, bail: { kind: "pre-charge", regime: "pcsc-2022", startedOn: "2026-01-09", endsOn: "2026-04-09" } }, { dc1: { absences: sick } }, "bail-warning");
    const toSergeant = plan.items.filter((i) => i.kind === "bail-warning" && i.recipientId === "ds1");
    assert.equal(toSergeant.length, 1);
    assert.equal(toSergeant[0]?.urgency, "urgent");
  });

  it("an item nobody can receive is reported as unroutable, not silently dropped", () => {
    const r = planReminders({ cases: [makeCase({ ...staleToOic, oicId: "ghost" })], officers: force(), plans: [] }, policy, NOW);
    assert.deepEqual(r.unroutable.map((u) => u.kind), ["stale-oic"]);
  });
});
