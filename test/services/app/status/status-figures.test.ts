import assert from "node:assert/strict";
import { chainOfCommand } from "../../../../services/app/scope/chain-of-command";
import { buildStatusView } from "../../../../services/app/status/status-figures";
import type { Officer } from "../../../../services/domain/officer";
import { defaultPolicy, policySchema } from "../../../../services/domain/policy";
import { makeCase, makeOfficer } from "../../../support/fixtures";
import { byId, cases, officers, REF, TODAY } from "../force-fixture";

const policy = defaultPolicy();
const open = cases.filter((c) => c.status === "open");
const viewFor = (id: string, all: Officer[] = officers, caseList = open, p = policy) => {
  const scope = chainOfCommand(byId(id), all, TODAY);
  return buildStatusView(scope, caseList.filter((c) => scope.includes(c.oicId)), p, TODAY);
};

describe("buildStatusView (figures against hand-computed expectations, 3 Mar 2026)", () => {
  it("gives a sergeant the team's totals: one review 14 days overdue, one bail ending in 2 days", () => {
    const v = viewFor("ds1");
    assert.equal(v.role, "sergeant");
    assert.deepEqual(v.totals, { open: 2, reviewsOverdue: 1, worstOverdueDays: 14, bailSoon: 1, bailLapsed: 0, stale: 0, red: 0, forensicsOverdue: 0 });
    assert.deepEqual(v.cases.map((c) => c.ref), [REF.bailSoon, REF.overdueReview], "bail within 2 days outranks an overdue review");
    assert.deepEqual(v.span, { reports: 2, limit: 10, over: false });
  });

  it("pro-rates a part-timer's capacity: 8 hours of 40 is 2.4 cases, so 3 live cases are over", () => {
    const extra = ["CF/10001/26", "CF/10002/26"].map((ref) => makeCase({ ref, oicId: "dc2", openedOn: "2026-02-20", lastUpdatedOn: "2026-03-01" }));
    const v = viewFor("ds1", officers, [...open, ...extra]);
    const jo = v.officers.find((o) => o.name === "Jo Evans");
    assert.deepEqual(jo?.capacity, { live: 3, capacity: 2.4, over: true });
    assert.equal(v.officers[0]?.name, "Jo Evans", "the busiest officer comes first");
    assert.equal(jo?.id, "dc2", "rows carry the officer id for buttons such as Start action plan");
  });

  it("marks an officer absent today", () => {
    const absent = officers.map((o) => (o.id === "dc1" ? { ...o, absences: [{ kind: "sick" as const, from: "2026-03-02" }] } : o));
    assert.equal(viewFor("ds1", absent).officers.find((o) => o.name === "Ben Carter")?.absent, true);
  });

  it("gives an inspector one row per sergeant, the year-stale team first", () => {
    const v = viewFor("di1");
    assert.equal(v.role, "inspector");
    assert.deepEqual(v.teams.map((t) => t.leadName), ["DS Tom Reid", "DS Aisha Khan"]);
    assert.deepEqual(v.teams[0]?.totals, { open: 1, reviewsOverdue: 0, worstOverdueDays: 0, bailSoon: 0, bailLapsed: 0, stale: 1, red: 1, forensicsOverdue: 1 });
    assert.equal(v.teams[0]?.people, 1);
  });

  it("flags a sergeant supervising 23 people as over the span of control", () => {
    const many = Array.from({ length: 22 }, (_, i) => makeOfficer({ id: `x${i}`, supervisorId: "ds3" }));
    const v = viewFor("di2", [...officers, ...many]);
    assert.deepEqual(v.teams[0]?.span, { reports: 23, limit: 10, over: true });
  });

  it("gives a detective their own caseload against capacity", () => {
    const v = viewFor("dc1");
    assert.equal(v.role, "detective");
    assert.deepEqual(v.capacity, { live: 1, capacity: 12, over: false });
    assert.deepEqual(v.officers, []);
  });

  it("takes its list lengths and the bail-soon window from the policy (status.*)", () => {
    const short = policySchema.parse({ status: { attentionListLimit: 1, ownCasesListLimit: 1 } });
    const sergeant = viewFor("ds1", officers, open, short);
    assert.deepEqual(sergeant.cases.map((c) => c.ref), [REF.bailSoon], "one case needing attention is listed, the worst");
    assert.equal(sergeant.moreCases, 1, "the other is counted");
    const extra = makeCase({ ref: "CF/10003/26", oicId: "dc1", openedOn: "2026-02-20", lastUpdatedOn: "2026-03-01" });
    const detective = viewFor("dc1", officers, [...open, extra], short);
    assert.deepEqual([detective.cases.length, detective.moreCases], [1, 1]);

    const narrow = viewFor("ds1", officers, open, policySchema.parse({ status: { bailSoonDays: 1 } }));
    assert.equal(narrow.totals.bailSoon, 0, "bail ending in 2 days is outside a 1-day window");
    assert.equal(narrow.thresholds.bailSoonDays, 1);
    assert.deepEqual(narrow.cases.map((c) => c.ref), [REF.overdueReview], "so that case no longer needs attention");
  });
});
