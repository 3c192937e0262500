import assert from "node:assert/strict";
import type { CaseDoc } from "../../../services/domain/case";
import type { Officer } from "../../../services/domain/officer";
import { defaultPolicy } from "../../../services/domain/policy";
import { isDigestDay, sendOnFor, sweepMoment } from "../../../services/rules/build-digests";
import { planReminders } from "../../../services/rules/plan-reminders";
import { makeCase, makeOfficer } from "../../support/fixtures";
import { force } from "./reminder-force";

const policy = defaultPolicy();
const bail = (endsOn: string): CaseDoc["bail"] => ({ kind: "pre-charge", regime: "pcsc-2022", startedOn: "2026-01-01", endsOn });

function sendOns(now: string, c: Partial<CaseDoc>, kind: string, officers: Record<string, Partial<Officer>> = {}) {
  const r = planReminders({ cases: [makeCase(c)], officers: force(officers), plans: [] }, policy, new Date(now));
  const items = r.items.filter((i) => i.kind === kind);
  const sent = items.map((i) => r.digests.find((d) => d.items.some((x) => x === i))?.sendOn);
  return { sent, attention: r.nextAttention.get(makeCase(c).id) };
}

describe("digest delivery", () => {
  const table: { name: string; now: string; c: Partial<CaseDoc>; kind: string; officers?: Record<string, Partial<Officer>>; sendOn: string; attentionAtMost?: string }[] = [
    { name: "a weekday review prompt goes in the 08:00 digest", now: "2026-04-08T07:00:00Z", c: { lastUpdatedOn: "2026-04-08", lastReviewedOn: "2026-03-25" }, kind: "review-due", sendOn: "now" },
    { name: "before 08:00 it waits for the morning digest", now: "2026-04-08T06:59:00Z", c: { lastUpdatedOn: "2026-04-08", lastReviewedOn: "2026-03-25" }, kind: "review-due", sendOn: "2026-04-08", attentionAtMost: "2026-04-08" },
    { name: "a Saturday review prompt waits for Monday", now: "2026-04-11T07:00:00Z", c: { lastUpdatedOn: "2026-04-11", lastReviewedOn: "2026-03-28" }, kind: "review-due", sendOn: "2026-04-13", attentionAtMost: "2026-04-13" },
    { name: "a Good Friday prompt waits past Easter Monday to Tuesday", now: "2026-04-03T07:00:00Z", c: { lastUpdatedOn: "2026-04-03", lastReviewedOn: "2026-03-20" }, kind: "review-due", sendOn: "2026-04-07", attentionAtMost: "2026-04-04" },
    { name: "bail two days out goes on a Saturday", now: "2026-04-11T07:00:00Z", c: { lastUpdatedOn: "2026-04-11", lastReviewedOn: "2026-04-10", bail: bail("2026-04-13") }, kind: "bail-warning", sendOn: "now" },
    { name: "lapsed bail goes on a bank holiday", now: "2026-04-06T07:00:00Z", c: { lastUpdatedOn: "2026-04-06", lastReviewedOn: "2026-04-01", bail: bail("2026-04-05") }, kind: "bail-lapsed", sendOn: "now" },
    { name: "bail seven days out waits for a working day", now: "2026-04-04T07:00:00Z", c: { lastUpdatedOn: "2026-04-04", lastReviewedOn: "2026-04-01", bail: bail("2026-04-11") }, kind: "bail-warning", sendOn: "2026-04-07" },
    { name: "a part-time officer's prompt waits for their working day (Mon/Tue)", now: "2026-04-08T07:00:00Z", c: { oicId: "dc2", lastUpdatedOn: "2026-03-25", lastReviewedOn: "2026-04-06" }, kind: "stale-oic", sendOn: "2026-04-13", attentionAtMost: "2026-04-13" },
    { name: "spring-forward Sunday 08:00 BST (07:00Z): urgent bail goes now", now: "2026-03-29T07:00:00Z", c: { lastUpdatedOn: "2026-03-29", lastReviewedOn: "2026-03-28", bail: bail("2026-03-29") }, kind: "bail-warning", sendOn: "now" },
    { name: "the Monday after spring-forward: 07:00Z is 08:00 BST, digest goes", now: "2026-03-30T07:00:00Z", c: { lastUpdatedOn: "2026-03-30", lastReviewedOn: "2026-03-16" }, kind: "review-due", sendOn: "now" },
    { name: "fall-back Sunday 08:00 GMT (08:00Z): urgent bail goes now", now: "2026-10-25T08:00:00Z", c: { lastUpdatedOn: "2026-10-25", lastReviewedOn: "2026-10-24", bail: bail("2026-10-26") }, kind: "bail-warning", sendOn: "now" },
    { name: "the Monday after fall-back: 07:00Z is only 07:00 GMT, so it waits", now: "2026-10-26T07:00:00Z", c: { lastUpdatedOn: "2026-10-26", lastReviewedOn: "2026-10-12" }, kind: "review-due", sendOn: "2026-10-26", attentionAtMost: "2026-10-26" },
    { name: "the Monday after fall-back: 08:00Z is 08:00 GMT, digest goes", now: "2026-10-26T08:00:00Z", c: { lastUpdatedOn: "2026-10-26", lastReviewedOn: "2026-10-12" }, kind: "review-due", sendOn: "now" },
  ];
  for (const t of table) {
    it(t.name, () => {
      const { sent, attention } = sendOns(t.now, t.c, t.kind, t.officers);
      assert.ok(sent.length > 0, "expected the item to be planned");
      for (const s of sent) assert.equal(s, t.sendOn);
      if (t.attentionAtMost !== undefined) assert.ok(attention !== undefined && attention <= t.attentionAtMost, `attention ${attention} must be <= ${t.attentionAtMost}`);
    });
  }

  it("one digest per recipient, urgent items first", () => {
    const cases = [
      makeCase({ ref: "CF/1/26", lastUpdatedOn: "2026-04-08", lastReviewedOn: "2026-03-25" }),
      makeCase({ ref: "CF/2/26", lastUpdatedOn: "2026-04-08", lastReviewedOn: "2026-04-07", bail: bail("2026-04-09") }),
      makeCase({ ref: "CF/3/26", lastUpdatedOn: "2026-02-07", lastReviewedOn: "2026-04-07", awaitingForensicsSince: "2026-02-07" }),
    ];
    const r = planReminders({ cases, officers: force(), plans: [] }, policy, new Date("2026-04-08T07:00:00Z"));
    const sergeant = r.digests.filter((d) => d.recipientId === "ds1");
    assert.equal(sergeant.length, 1);
    assert.deepEqual(sergeant[0]?.groups.map((g) => g.urgency), ["urgent", "action", "info"]);
    assert.deepEqual(sergeant[0]?.items.map((i) => `${i.urgency}:${i.kind}`), ["urgent:bail-warning", "action:review-due", "action:bail-authority", "action:stale-sergeant", "info:forensics-wait"]);
    assert.equal(new Set(r.digests.map((d) => `${d.recipientId}|${d.sendOn}`)).size, r.digests.length);
  });

  it("isDigestDay and sendOnFor honour bank holidays and part-time days", () => {
    const partTimer = makeOfficer({ id: "p", workingDays: [3, 4] });
    assert.equal(isDigestDay("2026-05-04", policy), false);
    assert.equal(isDigestDay("2026-05-05", policy), true);
    assert.equal(isDigestDay("2026-05-05", policy, partTimer), false);
    assert.equal(sendOnFor(false, sweepMoment(new Date("2026-05-05T07:00:00Z"), policy), policy, partTimer), "2026-05-06");
    assert.equal(sendOnFor(true, sweepMoment(new Date("2026-05-04T03:00:00Z"), policy), policy, partTimer), "now");
    assert.deepEqual(sweepMoment(new Date("2026-03-29T06:59:00Z"), policy), { today: "2026-03-29", morningPassed: false });
    assert.deepEqual(sweepMoment(new Date("2026-10-25T07:59:00Z"), policy), { today: "2026-10-25", morningPassed: false });
  });
});
