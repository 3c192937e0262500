import assert from "node:assert/strict";
import type { CaseDoc } from "../../../services/domain/case";
import type { Officer } from "../../../services/domain/officer";
import { defaultPolicy } from "../../../services/domain/policy";
import { planReminders } from "../../../services/rules/plan-reminders";
import { reminderItem } from "../../../services/rules/reminder-item";
import { makeCase } from "../../support/fixtures";
import { force, makePlan, summary } from "./reminder-force";

const policy = defaultPolicy();
/** Wednesday 8 April 2026, 08:00 BST. */
const NOW = new Date("2026-04-08T07:00:00Z");
const fresh = { lastUpdatedOn: "2026-04-08", lastReviewedOn: "2026-04-06" };

function run(cases: CaseDoc[], opts: { officers?: Officer[]; plans?: Parameters<typeof makePlan>[0][]; reachable?: string[]; now?: Date } = {}) {
  return planReminders({
    cases, officers: opts.officers ?? force(), plans: (opts.plans ?? []).map(makePlan), ...(opts.reachable ? { reachable: new Set(opts.reachable) } : {}),
  }, policy, opts.now ?? NOW);
}

describe("planReminders: every kind", () => {
  const table: { name: string; cases?: Partial<CaseDoc>[]; officers?: Record<string, Partial<Officer>>; plans?: Parameters<typeof makePlan>[0][]; kinds: string[]; expect: string[] }[] = [
    { name: "review due today reminds the sergeant", cases: [{ ...fresh, lastReviewedOn: "2026-03-25" }], kinds: ["review-due", "review-overdue"], expect: ["review-due>ds1@2026-04-08"] },
    { name: "a review overdue by a day replaces 'due' with 'overdue'", cases: [{ ...fresh, lastReviewedOn: "2026-03-24" }], kinds: ["review-due", "review-overdue"], expect: ["review-overdue>ds1@2026-04-08"] },
    { name: "one missed cycle escalates to the inspector", cases: [{ ...fresh, lastReviewedOn: "2026-03-11" }], kinds: ["review-overdue", "review-escalation"], expect: ["review-escalation>di@2026-04-08", "review-overdue>ds1@2026-03-26"] },
    { name: "KIRAT very high: the OIC is told on the deadline day", cases: [{ ...fresh, openedOn: "2026-04-07", lastReviewedOn: undefined, referralGrade: "very-high" }], kinds: ["kirat-initial-action"], expect: ["kirat-initial-action>dc1@2026-04-08"] },
    { name: "KIRAT missed: the OIC and the sergeant are told", cases: [{ ...fresh, openedOn: "2026-04-05", lastReviewedOn: undefined, referralGrade: "very-high" }], kinds: ["kirat-initial-action"], expect: ["kirat-initial-action>dc1@2026-04-07", "kirat-initial-action>ds1@2026-04-07"] },
    { name: "KIRAT with a first action recorded is quiet", cases: [{ ...fresh, openedOn: "2026-04-05", lastReviewedOn: undefined, referralGrade: "very-high", firstActionOn: "2026-04-05" }], kinds: ["kirat-initial-action"], expect: [] },
    { name: "14 days without an update prompts the OIC", cases: [{ ...fresh, lastUpdatedOn: "2026-03-25" }], kinds: ["stale-oic", "stale-sergeant"], expect: ["stale-oic>dc1@2026-04-08"] },
    { name: "28 days alerts the sergeant and re-prompts the OIC", cases: [{ ...fresh, lastUpdatedOn: "2026-03-11" }], kinds: ["stale-oic", "stale-sergeant", "stale-inspector"], expect: ["stale-oic>dc1@2026-04-08", "stale-sergeant>ds1@2026-04-08"] },
    { name: "56 days alerts the inspector", cases: [{ ...fresh, lastUpdatedOn: "2026-02-11" }], kinds: ["stale-inspector", "stale-red"], expect: ["stale-inspector>di@2026-04-08"] },
    { name: "365 days is red to the inspector", cases: [{ ...fresh, lastUpdatedOn: "2025-04-08" }], kinds: ["stale-inspector", "stale-red"], expect: ["stale-red>di@2026-04-08"] },
    { name: "60 days awaiting forensics flags to the sergeant", cases: [{ ...fresh, awaitingForensicsSince: "2026-02-07" }], kinds: ["forensics-wait"], expect: ["forensics-wait>ds1@2026-04-08"] },
    { name: "14 days before the 3-month point asks for an inspector", cases: [{ ...fresh, bail: { kind: "pre-charge", regime: "pcsc-2022", startedOn: "2026-01-22", endsOn: "2026-04-22" } }], kinds: ["bail-authority", "bail-warning"], expect: ["bail-authority>dc1@2026-04-08", "bail-authority>ds1@2026-04-08", "bail-warning>dc1@2026-04-08"] },
    { name: "lapse: OIC, sergeant and inspector at once, plus the victim update", cases: [{ ...fresh, bail: { kind: "pre-charge", regime: "pcsc-2022", startedOn: "2026-01-07", endsOn: "2026-04-07" } }], kinds: ["bail-lapsed", "victim-update", "bail-warning"], expect: ["bail-lapsed>dc1@2026-04-08", "bail-lapsed>di@2026-04-08", "bail-lapsed>ds1@2026-04-08", "victim-update>dc1@2026-04-08"] },
    { name: "s.47ZJ: a court application in time stops warnings and lapse", cases: [{ ...fresh, bail: { kind: "pre-charge", regime: "pcsc-2022", startedOn: "2025-07-07", endsOn: "2026-04-07", courtApplicationOn: "2026-04-01" } }], kinds: ["bail-lapsed", "victim-update", "bail-warning", "bail-authority"], expect: [] },
    { name: "PCA 2017 bail warns a superintendent is needed before day 28", cases: [{ ...fresh, bail: { kind: "pre-charge", regime: "pca-2017", startedOn: "2026-03-25", endsOn: "2026-04-22" } }], kinds: ["bail-authority"], expect: ["bail-authority>dc1@2026-04-01", "bail-authority>ds1@2026-04-01"] },
    { name: "RUI is reviewed every 30 days", cases: [{ ...fresh, bail: { kind: "rui", since: "2026-03-09" } }], kinds: ["rui-review"], expect: ["rui-review>dc1@2026-04-08"] },
    { name: "a checkpoint due today prompts the sergeant", plans: [{ id: "p1", checkpoints: [{ dueOn: "2026-03-25", recordedAt: "2026-03-25T10:00:00Z" }, { dueOn: "2026-04-08" }] }], kinds: ["plan-checkpoint", "plan-checkpoint-missed"], expect: ["plan-checkpoint>ds1@2026-04-08"] },
    { name: "one missed checkpoint reminds the sergeant", plans: [{ id: "p1", checkpoints: [{ dueOn: "2026-03-25", recordedAt: "2026-03-25T10:00:00Z" }, { dueOn: "2026-04-07" }] }], kinds: ["plan-checkpoint-missed"], expect: ["plan-checkpoint-missed>ds1@2026-04-08"] },
    { name: "two missed checkpoints tell the inspector", plans: [{ id: "p1", checkpoints: [{ dueOn: "2026-03-24" }, { dueOn: "2026-04-07" }] }], kinds: ["plan-checkpoint-missed"], expect: ["plan-checkpoint-missed>di@2026-04-08", "plan-checkpoint-missed>ds1@2026-04-08"] },
    { name: "a completed plan is quiet", plans: [{ id: "p1", status: "completed", checkpoints: [{ dueOn: "2026-03-24" }, { dueOn: "2026-04-07" }] }], kinds: ["plan-checkpoint-missed", "plan-checkpoint"], expect: [] },
    { name: "two stale cases suggest an action plan to the sergeant", cases: [{ ...fresh, ref: "CF/1/26", lastUpdatedOn: "2026-03-01" }, { ...fresh, ref: "CF/2/26", lastUpdatedOn: "2026-03-20" }], kinds: ["suggest-action-plan"], expect: ["suggest-action-plan>ds1@2026-04-03"] },
    { name: "no suggestion when a plan is already running", cases: [{ ...fresh, ref: "CF/1/26", lastUpdatedOn: "2026-03-01" }, { ...fresh, ref: "CF/2/26", lastUpdatedOn: "2026-03-20" }], plans: [{ id: "p1", checkpoints: [{ dueOn: "2026-05-01" }] }], kinds: ["suggest-action-plan"], expect: [] },
    { name: "30 days without a 1:1 reminds the supervisor", officers: { dc1: { lastOneToOneOn: "2026-03-09" } }, kinds: ["one-to-one"], expect: ["one-to-one>ds1@2026-04-08"] },
    { name: "4 years in a high-exposure unit prompts a tenure review", officers: { dc1: { unit: "POLIT", unitJoinedOn: "2022-04-08", lastOneToOneOn: "2026-04-01" } }, kinds: ["tenure"], expect: ["tenure>ds1@2026-04-08"] },
    { name: "5½ years in post prompts six-monthly screening", officers: { dc1: { unit: "OCAIT", unitJoinedOn: "2020-10-08", lastOneToOneOn: "2026-04-01" } }, kinds: ["tenure"], expect: ["tenure>ds1@2026-04-08"] },
    { name: "tenure is not tracked outside high-exposure units", officers: { dc1: { unit: "CID", unitJoinedOn: "2020-10-08", lastOneToOneOn: "2026-04-01" } }, kinds: ["tenure"], expect: [] },
  ];
  for (const t of table) {
    it(t.name, () => {
      const r = run((t.cases ?? []).map((c) => makeCase(c)), { officers: force(t.officers), plans: t.plans ?? [] });
      assert.deepEqual(summary(r.items, t.kinds), t.expect);
      for (const i of r.items) reminderItem.parse(i);
    });
  }

  const ends = "2026-04-22";
  const leads: { daysBefore: number; expect: string[] }[] = [
    { daysBefore: 28, expect: ["bail-warning>dc1"] },
    { daysBefore: 14, expect: ["bail-warning>dc1"] },
    { daysBefore: 7, expect: ["bail-warning>dc1", "bail-warning>ds1"] },
    { daysBefore: 3, expect: ["bail-warning>dc1", "bail-warning>ds1"] },
    { daysBefore: 2, expect: ["bail-warning>dc1", "bail-warning>di", "bail-warning>ds1"] },
    { daysBefore: 1, expect: ["bail-warning>dc1", "bail-warning>di", "bail-warning>ds1"] },
    { daysBefore: 0, expect: ["bail-warning>dc1", "bail-warning>di", "bail-warning>ds1"] },
  ];
  for (const l of leads) {
    it(`bail ${l.daysBefore} days before the end warns ${l.expect.join(", ")}`, () => {
      const now = new Date(Date.parse(`${ends}T07:00:00Z`) - l.daysBefore * 86_400_000);
      const r = run([makeCase({ ...fresh, lastUpdatedOn: "2026-04-20", lastReviewedOn: "2026-04-20", bail: { kind: "pre-charge", regime: "pcsc-2022", startedOn: "2026-03-01", endsOn: ends } })], { now });
      const warnings = r.items.filter((i) => i.kind === "bail-warning");
      assert.deepEqual(warnings.map((i) => `${i.kind}>${i.recipientId}`).sort(), l.expect);
      const expectedLead = l.daysBefore === 3 ? 7 : l.daysBefore;
      for (const w of warnings) assert.equal(w.facts.daysBefore, expectedLead);
      assert.equal(warnings.every((w) => w.urgency === (expectedLead <= 2 ? "urgent" : "action")), true);
    });
  }

  it("a case imported 400 days stale emits its current items once and the same keys the next day", () => {
    const c = makeCase({ openedOn: "2025-03-01", lastUpdatedOn: "2025-03-04", lastReviewedOn: "2025-03-04" });
    const first = run([c]);
    assert.deepEqual(summary(first.items), [
      "review-escalation>di@2026-03-31", "review-overdue>ds1@2026-04-01", "stale-oic>dc1@2026-03-31", "stale-red>di@2026-03-04", "stale-sergeant>ds1@2025-04-01",
    ]);
    const next = first.nextAttention.get(c.id);
    assert.equal(next, "2026-04-14");
    assert.deepEqual(summary(run([c], { now: new Date("2026-04-13T07:00:00Z") }).items), summary(first.items));
  });

  it("closed cases produce nothing and need no attention", () => {
    const c = makeCase({ status: "closed", openedOn: "2025-01-01" });
    const r = run([c]);
    assert.deepEqual(r.items, []);
    assert.equal(r.nextAttention.get(c.id), undefined);
  });

  it("facts carry figures and dates, never an officer's name", () => {
    const r = run([makeCase({ lastUpdatedOn: "2025-01-01", bail: { kind: "pre-charge", regime: "pcsc-2022", startedOn: "2026-01-07", endsOn: "2026-04-07" } })]);
    const names = force().map((o) => o.name);
    for (const i of r.items) for (const v of Object.values(i.facts)) assert.ok(!names.includes(String(v)));
  });
});
