import assert from "node:assert/strict";
import { TZDate } from "@date-fns/tz";
import pino from "pino";
import { fixedClock } from "../../services/platform/clock";
import type { CaseDoc } from "../../services/domain/case";
import { defaultPolicy } from "../../services/domain/policy";
import { londonDay } from "../../services/rules/calendar";
import type { Containers } from "../../services/store/cosmos-setup";
import type { Repositories } from "../../services/store/repositories";
import { FakeCardSender } from "../support/fake-teams-connector";
import { makeCase } from "../support/fixtures";
import { startTestStore, type TestStore } from "../support/test-store";
import { deliveredItems, seed, TENANT, sweepExecutor } from "../services/app/sweep/sweep-fixtures";
import { recordFigure } from "./reliability-figures";

const policy = defaultPolicy();
/** The digest headline of a bail-lapsed item (services/app/sweep/digest-content.ts). */
const LAPSED = "|Pre-charge bail has lapsed|";
const silent = pino({ level: "silent" });

/** A sweep as the scheduler runs it: at the wall clock's "now", a full digest or the hourly urgent-only pass. */
type Tick = { at: string; urgentOnly: boolean };

function bailCase(n: number, endsOn: string, extra: Partial<CaseDoc> = {}): CaseDoc {
  const start = new Date(`${endsOn}T00:00:00Z`);
  start.setUTCMonth(start.getUTCMonth() - 3);
  return makeCase({
    ref: `CK/${String(n).padStart(5, "0")}/26`, oicId: n % 2 === 0 ? "dc2" : "dc1", openedOn: start.toISOString().slice(0, 10),
    lastReviewedOn: "2026-02-27", lastUpdatedOn: "2026-02-27", nextAttentionOn: "2026-01-01",
    bail: { kind: "pre-charge", startedOn: start.toISOString().slice(0, 10), endsOn, regime: "pcsc-2022" }, ...extra,
  });
}

interface Played {
  delivered: string[];
  sends: number;
  checks: number;
  problems: string[];
  sentOnDay: Map<string, string>;
}

/**
 * Plays ticks against one store. After each tick whose instant is the latest seen so far, a dry run that reads EVERY
 * open case (not just the indexed "needs attention" range) must find nothing left to send: nothing was skipped.
 */
async function play(repos: Repositories, ticks: readonly Tick[]): Promise<Played> {
  const sender = new FakeCardSender();
  const clock = fixedClock(ticks[0]!.at);
  const executor = sweepExecutor({ repos, sender, policy, clock, logger: silent, instanceId: "clock-test", tenantId: TENANT, concurrency: 2 });
  const everyCase: Repositories = { ...repos, cases: { ...repos.cases, needingAttention: async () => (await repos.cases.byOic(["dc1", "dc2", "ds1", "di1"], { openOnly: true })) } };
  const naive = sweepExecutor({ repos: everyCase, sender: new FakeCardSender(), policy, clock, logger: silent, instanceId: "clock-check", tenantId: TENANT });
  const problems: string[] = [];
  const sentOnDay = new Map<string, string>();
  let highWater = "";
  let checks = 0;
  for (const t of ticks) {
    clock.set(t.at);
    const before = sender.sent.length;
    const report = await executor.run({ urgentOnly: t.urgentOnly });
    if (report.outcome !== "completed") problems.push(`${t.at}: sweep ${report.outcome}`);
    for (const s of sender.sent.slice(before)) {
      for (const item of deliveredItems(s.target.conversationId, s.card)) if (!sentOnDay.has(item)) sentOnDay.set(item, londonDay(new Date(t.at), policy.timeZone));
    }
    if (t.at >= highWater) {
      highWater = t.at;
      checks += 1;
      const left = await naive.run({ dryRun: true, urgentOnly: t.urgentOnly });
      if (left.wouldSend !== 0) problems.push(`${t.at}${t.urgentOnly ? " (urgent pass)" : ""}: ${left.wouldSend} items due but not sent`);
    }
  }
  const delivered = sender.sent.flatMap((s) => deliveredItems(s.target.conversationId, s.card));
  return { delivered, sends: sender.sent.length, checks, problems, sentOnDay };
}

/** The ledger's own count of items marked sent (card actions excluded): each key can be "sent" only once. */
async function ledgerSent(containers: Containers): Promise<number> {
  const { resources } = await containers.notifications.items.query<number>("SELECT VALUE COUNT(1) FROM c WHERE c.type = 'notification' AND c.state = 'sent'").fetchAll();
  return resources[0] ?? 0;
}

/** Hourly urgent passes at hh:30 and the 08:00 London digest, between two UTC instants, as node-cron would fire them. */
function schedulerTicks(fromUtc: string, toUtc: string): Tick[] {
  const out: Tick[] = [];
  for (let t = new Date(fromUtc).getTime(); t <= new Date(toUtc).getTime(); t += 30 * 60_000) {
    const d = new Date(t);
    const london = new TZDate(t, policy.timeZone);
    if (d.getUTCMinutes() === 30) out.push({ at: d.toISOString(), urgentOnly: true });
    if (london.getHours() === 8 && london.getMinutes() === 0) out.push({ at: d.toISOString(), urgentOnly: false });
  }
  return out;
}

describe("reliability: the clock jumps and the clocks change", function () {
  this.timeout(60_000);
  let store: TestStore;
  before(async () => { store = await startTestStore(); });
  after(async () => { await store.close(); });

  const aroundMonday2March = () => [
    makeCase({ ref: "CK/00100/26", oicId: "dc1", openedOn: "2026-02-01", nextAttentionOn: "2026-02-15" }),
    bailCase(1, "2026-02-27"), // already lapsed on Monday
    bailCase(2, "2026-03-03"), // ends Tuesday: urgent from Sunday, lapses Wednesday (inside the forward jump's gap)
    bailCase(3, "2026-03-05"), // ends Thursday
    bailCase(4, "2026-03-10"),
  ];

  const jumps: { name: string; ticks: Tick[]; expectLapseOf?: string }[] = [
    {
      name: "forward three days (Mon 08:00 → Thu 08:00), skipping the day a bail lapses",
      ticks: [{ at: "2026-03-02T08:00:00Z", urgentOnly: false }, { at: "2026-03-02T09:30:00Z", urgentOnly: true }, { at: "2026-03-05T08:00:00Z", urgentOnly: false }, { at: "2026-03-05T09:30:00Z", urgentOnly: true }],
      expectLapseOf: "CK/00002/26",
    },
    {
      name: "back a day (Mon 08:00 → Sun 08:00) and forward again",
      ticks: [{ at: "2026-03-02T08:00:00Z", urgentOnly: false }, { at: "2026-03-01T08:00:00Z", urgentOnly: false }, { at: "2026-03-01T09:30:00Z", urgentOnly: true }, { at: "2026-03-02T08:00:00Z", urgentOnly: false }, { at: "2026-03-02T09:30:00Z", urgentOnly: true }],
    },
    {
      name: "forward to Friday, back to Tuesday, forward to Friday",
      ticks: [{ at: "2026-03-02T08:00:00Z", urgentOnly: false }, { at: "2026-03-06T08:00:00Z", urgentOnly: false }, { at: "2026-03-03T08:00:00Z", urgentOnly: false }, { at: "2026-03-03T10:30:00Z", urgentOnly: true }, { at: "2026-03-06T09:30:00Z", urgentOnly: true }],
    },
  ];
  for (const j of jumps) {
    it(`clock jumps ${j.name}: none skipped, none sent twice`, async () => {
      const { repos, containers } = await store.fresh();
      await seed(repos, { cases: aroundMonday2March() });
      const played = await play(repos, j.ticks);
      const sent = await ledgerSent(containers);
      recordFigure("clock", { scenario: j.name, sweeps: j.ticks.length, checks: played.checks, delivered: played.delivered.length, ledgerSent: sent, problems: played.problems.length });
      assert.deepEqual(played.problems, []);
      // Each ledger key can be "sent" once; more arrivals than "sent" entries would be an item sent twice.
      assert.equal(played.delivered.length, sent, "every arrival is one ledger entry: nothing sent twice");
      assert.equal(new Set(played.delivered).size, played.delivered.length);
      if (j.expectLapseOf) {
        const lapse = played.delivered.filter((i) => i.includes(j.expectLapseOf!) && i.includes(LAPSED));
        assert.ok(lapse.length >= 3, `the lapse that fell in the gap reached OIC, sergeant and inspector after the jump (${lapse.length})`);
      }
    });
  }

  const dst: { name: string; from: string; to: string; cases: CaseDoc[]; urgentDay: string; urgentRef: string }[] = [
    {
      name: "spring forward, Sunday 29 March 2026 (01:00 GMT → 02:00 BST)",
      from: "2026-03-28T20:30:00Z", to: "2026-03-30T07:30:00Z", urgentDay: "2026-03-29", urgentRef: "CK/00011/26",
      cases: [bailCase(11, "2026-03-28"), bailCase(12, "2026-03-30"), bailCase(13, "2026-03-31"), makeCase({ ref: "CK/00110/26", oicId: "dc2", openedOn: "2026-02-27", nextAttentionOn: "2026-03-01" })],
    },
    {
      name: "fall back, Sunday 25 October 2026 (02:00 BST → 01:00 GMT, 01:30 happens twice)",
      from: "2026-10-24T20:30:00Z", to: "2026-10-26T08:30:00Z", urgentDay: "2026-10-25", urgentRef: "CK/00021/26",
      cases: [bailCase(21, "2026-10-24", { lastReviewedOn: "2026-10-20", lastUpdatedOn: "2026-10-20" }), bailCase(22, "2026-10-26", { lastReviewedOn: "2026-10-20", lastUpdatedOn: "2026-10-20" }), bailCase(23, "2026-10-27", { lastReviewedOn: "2026-10-20", lastUpdatedOn: "2026-10-20" })],
    },
  ];
  for (const d of dst) {
    it(`${d.name}: hourly passes and the 08:00 digests skip nothing and send nothing twice`, async () => {
      const { repos, containers } = await store.fresh();
      await seed(repos, { cases: d.cases });
      const ticks = schedulerTicks(d.from, d.to);
      const digests = ticks.filter((t) => !t.urgentOnly).map((t) => t.at);
      const played = await play(repos, ticks);
      const sent = await ledgerSent(containers);
      recordFigure("dst", { scenario: d.name, sweeps: ticks.length, checks: played.checks, digests, delivered: played.delivered.length, ledgerSent: sent, problems: played.problems.length });
      assert.deepEqual(played.problems, []);
      assert.equal(played.delivered.length, sent, "nothing sent twice");
      // The 08:00 digest is at 08:00 London on both sides of the change.
      for (const at of digests) assert.equal(new TZDate(new Date(at).getTime(), policy.timeZone).getHours(), 8, at);
      // The bail that lapsed on the DST Sunday was announced that Sunday (London), not a day early or late.
      const lapse = [...played.sentOnDay].filter(([item]) => item.includes(d.urgentRef) && item.includes(LAPSED));
      assert.ok(lapse.length >= 3, `lapse announced to OIC, sergeant and inspector (${lapse.length})`);
      for (const [item, day] of lapse) assert.equal(day, d.urgentDay, item);
    });
  }
});
