import assert from "node:assert/strict";
import type { CaseDoc } from "../../../services/domain/case";
import type { IsoDate } from "../../../services/domain/dates";
import { defaultPolicy } from "../../../services/domain/policy";
import { addDays, zonedInstant } from "../../../services/rules/calendar";
import { nextAttentionOn, planReminders, type PlannerState, type ReminderPlan } from "../../../services/rules/plan-reminders";
import type { ReminderItem } from "../../../services/rules/reminder-item";
import { makeCase } from "../../support/fixtures";
import { force, makePlan } from "./reminder-force";

const policy = defaultPolicy();
const START = "2026-03-02";
const END = "2026-08-10";
const pcsc = (startedOn: string, endsOn: string, courtApplicationOn?: string): CaseDoc["bail"] =>
  ({ kind: "pre-charge", regime: "pcsc-2022", startedOn, endsOn, ...(courtApplicationOn ? { courtApplicationOn } : {}) });

/** A population touching every rule, crossing Easter, two May bank holidays and the March DST change. */
function population(): PlannerState {
  const cases = [
    makeCase({ ref: "CF/1/26", openedOn: "2026-02-01" }),
    makeCase({ ref: "CF/2/25", openedOn: "2025-04-01", risk: "high" }),
    makeCase({ ref: "CF/3/26", openedOn: "2026-01-30", lastUpdatedOn: "2026-03-01", bail: pcsc("2026-01-31", "2026-04-30") }),
    makeCase({ ref: "CF/4/26", oicId: "dc2", openedOn: "2026-01-30", lastUpdatedOn: "2026-03-01", bail: pcsc("2026-01-31", "2026-07-31") }),
    makeCase({ ref: "CF/5/26", openedOn: "2026-03-09", bail: { kind: "pre-charge", regime: "pca-2017", startedOn: "2026-03-10", endsOn: "2026-04-07" } }),
    makeCase({ ref: "CF/6/26", openedOn: "2026-02-10", bail: { kind: "rui", since: "2026-02-15" } }),
    makeCase({ ref: "CF/7/26", openedOn: "2026-03-20", referralGrade: "high", risk: "very-high" }),
    makeCase({ ref: "CF/8/26", oicId: "dc2", openedOn: "2026-01-10", lastUpdatedOn: "2026-03-01", awaitingForensicsSince: "2026-02-01" }),
    makeCase({ ref: "CF/9/26", oicId: "dc3", openedOn: "2026-03-14", bail: pcsc("2026-03-15", "2026-06-15") }),
    makeCase({ ref: "CF/10/26", openedOn: "2025-11-01", bail: pcsc("2025-11-02", "2026-04-02", "2026-03-30") }),
    makeCase({ ref: "CF/11/26", openedOn: "2026-02-01", risk: "low", lastReviewedOn: "2026-03-01", nextReviewDueOn: "2026-03-29" }),
  ];
  const officers = force({
    dc1: { lastOneToOneOn: "2026-02-20" },
    dc2: { unit: "POLIT", unitJoinedOn: "2022-05-10" },
    ds1: { absences: [{ kind: "leave", from: "2026-05-01", to: "2026-05-20" }], coverId: "ds2" },
    ds2: { absences: [{ kind: "training", from: "2026-06-01", to: "2026-06-05" }] },
  });
  officers.push({ ...officers.find((o) => o.id === "dc1")!, id: "dc3", name: "Officer dc3", unit: "OCAIT", unitJoinedOn: "2021-01-31", lastOneToOneOn: "2026-03-01", absences: [{ kind: "sick", from: "2026-06-10", to: "2026-06-20" }] });
  const plans = [makePlan({ id: "p1", officerId: "dc2" })];
  return { cases, officers, plans, reachable: new Set(officers.map((o) => o.id).filter((id) => id !== "dc2")) };
}

const at = (day: IsoDate) => zonedInstant(day, policy.schedule.morningTime, policy.timeZone);
const intendedKey = (i: ReminderItem) => [i.kind, i.subjectId, i.dueOn, i.intendedRecipientId].join("|");
function sentNow(r: ReminderPlan, keep: (i: ReminderItem) => boolean): string[] {
  return r.digests.filter((d) => d.sendOn === "now").flatMap((d) => d.items).filter(keep).map(intendedKey);
}

describe("planReminders: nextAttention", () => {
  it("re-running only at each returned nextAttention loses nothing a daily sweep would send", () => {
    const state = population();
    const daily = { planned: new Set<string>(), sent: new Set<string>(), runs: 0 };
    for (let d = START; d <= END; d = addDays(d, 1)) {
      const r = planReminders(state, policy, at(d));
      r.items.forEach((i) => daily.planned.add(intendedKey(i)));
      sentNow(r, () => true).forEach((k) => daily.sent.add(k));
      daily.runs++;
    }

    const refToId = new Map(state.cases.map((c) => [c.ref, c.id]));
    const due = { case: new Map(state.cases.map((c) => [c.id, START as IsoDate | undefined])), officer: new Map(state.officers.map((o) => [o.id, START as IsoDate | undefined])), plan: new Map(state.plans.map((p) => [p.id, START as IsoDate | undefined])) };
    const hop = { planned: new Set<string>(), sent: new Set<string>(), runs: 0 };
    for (;;) {
      const day = [...due.case.values(), ...due.officer.values(), ...due.plan.values()].filter((x): x is IsoDate => x !== undefined).sort()[0];
      if (day === undefined || day > END) break;
      const r = planReminders(state, policy, at(day));
      const isDue = (m: Map<string, IsoDate | undefined>, id: string) => (m.get(id) ?? "9999-12-31") <= day;
      const dueCaseOics = new Set(state.cases.filter((c) => isDue(due.case, c.id)).map((c) => c.oicId));
      // The executor reads only due subjects; an officer's plan suggestion rides on their due cases.
      const read = (i: ReminderItem) =>
        i.subjectType === "case" ? isDue(due.case, refToId.get(i.subjectId)!)
          : i.subjectType === "plan" ? isDue(due.plan, i.subjectId)
            : isDue(due.officer, i.subjectId) || (i.kind === "suggest-action-plan" && dueCaseOics.has(i.subjectId));
      r.items.filter(read).forEach((i) => hop.planned.add(intendedKey(i)));
      sentNow(r, read).forEach((k) => hop.sent.add(k));
      for (const [m, next] of [[due.case, r.nextAttention], [due.officer, r.officerAttention], [due.plan, r.planAttention]] as const) {
        for (const id of m.keys()) {
          if (!isDue(m, id)) continue;
          const n = next.get(id);
          assert.ok(n === undefined || n > day, `attention for ${id} must move forward from ${day}, got ${n}`);
          m.set(id, n);
        }
      }
      hop.runs++;
    }

    assert.deepEqual([...hop.sent].sort(), [...daily.sent].sort());
    assert.deepEqual([...hop.planned].sort(), [...daily.planned].sort());
    assert.ok(daily.sent.size > 40, `the population should exercise many items (got ${daily.sent.size})`);
    const kinds = new Set([...daily.sent].map((k) => k.split("|")[0]));
    for (const k of ["review-due", "review-overdue", "review-escalation", "kirat-initial-action", "stale-oic", "stale-sergeant", "stale-inspector", "stale-red", "forensics-wait",
      "bail-warning", "bail-authority", "bail-lapsed", "victim-update", "rui-review", "plan-checkpoint", "plan-checkpoint-missed", "suggest-action-plan", "one-to-one", "tenure"]) {
      assert.ok(kinds.has(k), `population should send ${k}`);
    }
    assert.ok(hop.runs < daily.runs, `hopping (${hop.runs}) should need fewer runs than daily (${daily.runs})`);
  });

  it("nextAttentionOn: today when something is live, else the next trigger, else undefined", () => {
    assert.equal(nextAttentionOn(makeCase({ openedOn: "2026-04-08", lastUpdatedOn: "2026-04-08" }), policy, "2026-04-08"), "2026-04-22");
    assert.equal(nextAttentionOn(makeCase({ openedOn: "2025-01-01" }), policy, "2026-04-08"), "2026-04-08");
    assert.equal(nextAttentionOn(makeCase({ openedOn: "2026-04-08", risk: "high", bail: pcsc("2026-04-01", "2026-05-20") }), policy, "2026-04-08"), "2026-04-15");
    assert.equal(nextAttentionOn(makeCase({ openedOn: "2025-01-01", status: "closed" }), policy, "2026-04-08"), undefined);
  });
});
