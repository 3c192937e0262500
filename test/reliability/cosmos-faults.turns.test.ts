import assert from "node:assert/strict";
import type { Activity } from "botbuilder";
import { startEmbeddedCosmos, type EmbeddedCosmos } from "../../services/store/cosmos-setup";
import { activityFrom } from "../bot/bot-harness";
import { REF, seedForce, TODAY } from "../services/app/force-fixture";
import { randomFaults } from "../support/cosmos-fault-proxy";
import { openFaultyStore, type FaultyStore } from "./faulty-store";
import { startHttpBot, type HttpBot } from "./http-bot";
import { recordFigure } from "./reliability-figures";

type Outcome = "ok" | "try-again" | "refused";

const SPEAKERS = ["aad-dc1", "aad-ds1", "aad-di1", "aad-dci"] as const;
const officerOf = (aad: string) => aad.slice(4);
const execute = (verb: string, data: Record<string, unknown>) => ({ action: { type: "Action.Execute", verb, data }, trigger: "manual" });

/** One user turn: what they do, as Teams would send it. */
function turnsFor(aad: string, serviceUrl: string, n: number): Partial<Activity>[] {
  const who = { aad };
  const msg = (text: string) => activityFrom(who, { type: "message", text, id: `m-${aad}-${n}-${text}`, serviceUrl });
  const click = (verb: string, data: Record<string, unknown>) =>
    activityFrom(who, { type: "invoke", name: "adaptiveCard/action", id: `i-${aad}-${n}-${verb}`, serviceUrl, value: execute(verb, data) });
  return [
    msg("status"), msg("my cases"), msg("due"), msg(`case ${REF.overdueReview}`), msg("help"),
    click("refresh", { view: "status" }), click("open-case", { ref: REF.bailSoon }),
    click("mark-seen", { officerId: officerOf(aad), on: TODAY }),
    activityFrom(who, { type: "conversationUpdate", membersAdded: [{ id: `29:${aad}`, name: "Teams user" }], serviceUrl }),
  ];
}

type Card = { body?: { type?: string; text?: string; color?: string; size?: string }[] };

/** The card the person saw: a reply through the connector, or the invoke's HTTP body. */
function cardOf(activity: Partial<Activity>, http: { text: string; replies: { body: Record<string, unknown> }[] }): Card | undefined {
  if (activity.type === "invoke") return (JSON.parse(http.text) as { value?: Card }).value;
  const reply = http.replies.find((r) => Array.isArray(r.body.attachments));
  return (reply?.body.attachments as { content?: Card }[] | undefined)?.[0]?.content;
}

/** Error cards (cards/error.json) open with a Medium, attention-coloured title; "try again" ones say so. */
function outcomeOf(card: Card): Outcome {
  const [title] = card.body ?? [];
  const isError = title?.color === "attention" && title.size === "Medium";
  if (!isError) return "ok";
  return /Try again in a moment/.test(JSON.stringify(card)) ? "try-again" : "refused";
}

interface TurnResult { key: string; outcome: Outcome; auditDelta: number; ackBefore: boolean; ackAfter: boolean }

const ackKey = (officer: string) => ({ kind: "card-action:mark-seen", subjectId: officer, dueOn: TODAY, recipientId: "card" });

/** Plays every speaker's turns `rounds` times, recording what each turn answered and what it wrote to the audit log. */
async function playTurns(store: FaultyStore, bot: HttpBot, rounds: number): Promise<TurnResult[]> {
  const out: TurnResult[] = [];
  const direct = store.direct.repos;
  const auditCount = async () => (await direct.audit.between(TODAY, TODAY)).length;
  const ackExists = async (officer: string) => (await direct.ledger.get(ackKey(officer))) !== undefined;
  for (let round = 0; round < rounds; round += 1) {
    for (const aad of SPEAKERS) {
      for (const activity of turnsFor(aad, bot.connector.url, round)) {
        const key = `${aad} ${activity.type} ${activity.text ?? JSON.stringify(activity.value ?? "")}`;
        const [auditBefore, ackBefore] = [await auditCount(), await ackExists(officerOf(aad))];
        const http = await bot.post(activity);
        assert.equal(http.status, 200, `HTTP ${http.status} for ${key}: ${http.text.slice(0, 200)}`);
        assert.doesNotMatch(http.text, /\n\s+at /, "no stack trace in a response");
        if (activity.type === "conversationUpdate") continue;
        const card = cardOf(activity, http);
        assert.ok(card, `a card answered ${key}`);
        out.push({ key, outcome: outcomeOf(card), auditDelta: (await auditCount()) - auditBefore, ackBefore, ackAfter: await ackExists(officerOf(aad)) });
      }
    }
  }
  return out;
}

describe("reliability: user turns while Cosmos throttles and fails", function () {
  this.timeout(60_000);
  let server: EmbeddedCosmos;
  /** What each turn writes to the audit log when nothing fails. */
  const cleanAudit = new Map<string, number>();
  const cleanOutcome = new Map<string, Outcome>();

  before(async () => {
    server = await startEmbeddedCosmos(0);
    const clean = await openFaultyStore(server, randomFaults(0, 0, [503]));
    await seedForce(clean.direct.repos);
    const bot = await startHttpBot({ repos: clean.repos });
    for (const t of await playTurns(clean, bot, 1)) {
      assert.notEqual(t.outcome, "try-again", `${t.key} without faults`);
      cleanAudit.set(t.key, t.auditDelta);
      cleanOutcome.set(t.key, t.outcome);
    }
    await bot.close();
    await clean.close();
  });
  after(async () => { await server.close(); });

  it("every turn either succeeds or says 'try again'; nothing is half-written, and a retry afterwards converges", async () => {
    const store = await openFaultyStore(server, randomFaults(4242, 0.2, [429, 429, 503]));
    await seedForce(store.direct.repos);
    const bot = await startHttpBot({ repos: store.repos });
    try {
      store.faults.on();
      const turns = await playTurns(store, bot, 2);
      store.faults.off();
      const outcomes = { ok: 0, "try-again": 0, refused: 0 };
      for (const t of turns) outcomes[t.outcome] += 1;
      assert.ok(outcomes["try-again"] > 0, "some turns met a fault the client could not retry away");
      assert.ok(outcomes.ok > 0, "and some turns succeeded");

      const problems: string[] = [];
      let toldNothingChangedButWrote = 0;
      for (const t of turns) {
        const isSeen = t.key.includes('"mark-seen"');
        const clean = cleanOutcome.get(t.key);
        if (t.outcome === "refused" && clean !== "refused") problems.push(`${t.key}: refused under faults, ${clean} without`);
        if (t.outcome === "ok" && clean === "refused") problems.push(`${t.key}: allowed under faults, refused without`);
        if (t.outcome === "try-again" && (t.auditDelta !== 0 || t.ackAfter !== t.ackBefore)) {
          toldNothingChangedButWrote += 1;
          // The one write in the mix is the acknowledgement: its claim may have landed with at most its own audit
          // entry (the retry below completes it), but a view the person never saw must not be audited as shown.
          if (!isSeen || t.auditDelta > 1) problems.push(`${t.key}: told to try again, yet wrote ${t.auditDelta} audit entries`);
        }
        // A view shown is a view audited (DPA 2018 s.62), exactly as on a healthy store.
        if (t.outcome === "ok" && !isSeen && t.auditDelta !== cleanAudit.get(t.key)) {
          problems.push(`${t.key}: ${t.auditDelta} audit entries, ${cleanAudit.get(t.key)} without faults`);
        }
      }

      // Once the store is healthy, one more click converges for everyone, and nothing is left half-written:
      // each acknowledgement has exactly one "mark status seen" audit entry.
      for (const aad of SPEAKERS) {
        const http = await bot.post(activityFrom({ aad }, { type: "invoke", name: "adaptiveCard/action", id: `final-${aad}`, serviceUrl: bot.connector.url, value: execute("mark-seen", { officerId: officerOf(aad), on: TODAY }) }));
        if (outcomeOf((JSON.parse(http.text) as { value: Card }).value) !== "ok") problems.push(`${aad}: mark-seen on a healthy store was not ok`);
      }
      const audit = await store.direct.repos.audit.between(TODAY, TODAY);
      for (const aad of SPEAKERS) {
        const officer = officerOf(aad);
        const acked = (await store.direct.repos.ledger.get(ackKey(officer))) !== undefined;
        const entries = audit.filter((e) => e.action === "mark status seen" && e.recordId === `${officer}:${TODAY}`).length;
        if (!acked || entries !== 1) problems.push(`${officer}: acknowledgement ${acked ? "recorded" : "absent"} with ${entries} "mark status seen" audit entries`);
      }
      recordFigure("cosmos-turns", { injected: store.proxy.injectedByStatus(), requests: store.proxy.requests(), turns: turns.length, outcomes, toldNothingChangedButWrote });
      assert.deepEqual(problems, []);
    } finally {
      await bot.close();
      await store.close();
    }
  });
});
