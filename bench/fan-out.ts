import pino from "pino";
import { composeAdapter, composeDelivery, composeProactiveSender } from "../bot/compose/compose-parts";
import { composeSweep } from "../bot/compose/create-sweep";
import { systemClock } from "../services/platform/clock";
import { caseDoc } from "../services/domain/case";
import { conversationRefDoc } from "../services/domain/conversation-ref";
import { officerDoc } from "../services/domain/officer";
import { loadConfig } from "../services/platform/config/load-config";
import type { Policy } from "../services/domain/policy";
import type { CardSender } from "../services/app/delivery/card-sender";
import { createHttpCardSender, FakeTeamsConnector } from "../test/support/fake-teams-connector";
import type { BenchStore } from "./bench-store";
import { bulkCreate } from "./bulk-seed";
import { personalConversationId, personalReference } from "./conversation-reference";
import type { Progress } from "./progress";
import { SWEEP_AT } from "./sweep-cost";
import { staleForOicCase, syntheticOfficers } from "./synthetic-force";

const TODAY = "2026-03-02";
const TENANT = "tenant-bench-fanout";

export interface FanOutResult {
  recipients: number;
  configuredPerSecond: number;
  /** Cards the connector accepted ÷ seconds from the first send attempt to the last accepted card. */
  achievedPerSecond: number;
  ratio: number;
  sendSeconds: number;
  sweepSeconds: number;
  accepted: number;
  /** Recipients whose chat received no card. */
  lost: number;
  /** Cards beyond one per recipient. */
  duplicated: number;
  /** Which CardSender carried the cards (see chooseSender). */
  sender: "botbuilder proactive sender" | "HTTP card sender (test/support)";
  /** 429s the connector answered (each retried by the sender). */
  throttled: number;
  connectorCalls: number;
  planned: number;
  sent: number;
  failed: number;
}

/**
 * One digest to each of `recipients` detectives through the production path (the sweep executor with its ledger,
 * and the Bottleneck rate-limited sender over a CardSender, see chooseSender) against the FAKE Teams connector on
 * loopback, which answers 429 + Retry-After above 7/s per chat or `perSecond` overall. The sender is configured
 * with the same `perSecond`, so achieved ÷ configured is how close the sweep runs to the limit.
 */
export async function measureFanOut(opts: { recipients: number; perSecond: number }, policy: Policy, store: BenchStore, progress: Progress): Promise<FanOutResult> {
  const db = await store.fresh();
  const { repos, containers } = db;
  const connector = await new FakeTeamsConnector({ globalPerSecond: opts.perSecond, perConversationPerSecond: 7, retryAfterSeconds: 1 }).start();
  try {
    progress.note(`Fan-out: ${opts.recipients.toLocaleString("en-GB")} digests at a configured ${opts.perSecond}/s`);
    const { officers, detectives } = syntheticOfficers(opts.recipients, { detectivesPerSergeant: 8, sergeantsPerInspector: 5 });
    await bulkCreate({ label: "seeding officers", container: containers.officers, schema: officerDoc, count: officers.length, doc: (i) => officers[i]!, progress });
    await bulkCreate({
      label: "seeding Teams chats", container: containers.conversations, schema: conversationRefDoc, count: officers.length, progress,
      doc: (i) => personalReference(officers[i]!, TENANT, connector.url),
    });
    await bulkCreate({ label: "seeding cases", container: containers.cases, schema: caseDoc, count: detectives.length, doc: (i) => staleForOicCase(i, detectives[i]!.id, policy, TODAY), progress });

    const logger = pino({ level: "silent" });
    const chosen = await chooseSender(connector.url);
    let firstAttemptAt: number | undefined;
    let lastAcceptedAt = 0;
    const timed: CardSender = {
      send: async (target, card) => {
        firstAttemptAt ??= performance.now();
        const result = await chosen.sender.send(target, card);
        if (result.ok) lastAcceptedAt = performance.now();
        return result;
      },
    };
    // Built as the app builds it: the card sender under the one rate-limited sender, the sweep over that.
    const delivery = composeDelivery({ cardSender: timed, repos, clock: systemClock, logger, limits: { globalPerSecond: opts.perSecond } });
    const executor = composeSweep({ repos, sender: delivery.sender, policy, clock: systemClock, logger, instanceId: "bench-fanout", tenantId: TENANT });
    const started = performance.now();
    const report = await executor.run({ at: SWEEP_AT, onProgress: (p) => progress.step(`sweep ${p.phase}`, p.done, p.total) });
    const sweepSeconds = (performance.now() - started) / 1000;
    await delivery.stop();

    const perChat = new Map<string, number>();
    for (const a of connector.accepted) perChat.set(a.conversationId, (perChat.get(a.conversationId) ?? 0) + 1);
    const lost = detectives.filter((d) => !perChat.has(personalConversationId(d.id))).length;
    const duplicated = [...perChat.values()].reduce((n, k) => n + (k - 1), 0);
    const sendSeconds = firstAttemptAt === undefined ? 0 : (lastAcceptedAt - firstAttemptAt) / 1000;
    const accepted = connector.accepted.length;
    // n cards at an exact rate r take (n − 1)/r seconds from first to last, so count the intervals, not the cards.
    const achievedPerSecond = sendSeconds > 0 ? (accepted - 1) / sendSeconds : 0;
    return {
      recipients: opts.recipients, configuredPerSecond: opts.perSecond, achievedPerSecond, ratio: achievedPerSecond / opts.perSecond,
      sender: chosen.name, sendSeconds, sweepSeconds, accepted, lost, duplicated, throttled: connector.throttled, connectorCalls: connector.calls,
      planned: report.planned, sent: report.sent, failed: report.failed,
    };
  } finally {
    await connector.close();
    await db.drop();
  }
}

/**
 * The production CardSender is botbuilder's proactive sender. It posts to /v3/conversations/{id}/activities/{id}
 * (continueConversationAsync gives the turn an activity id to reply to); if the fake connector does not route that
 * path, the HTTP card sender from test/support (same wire format, no botbuilder) carries the cards instead, and the
 * result says so. Probed against a throwaway connector so the measured one's rate window stays clean.
 */
async function chooseSender(url: string): Promise<{ sender: CardSender; name: FanOutResult["sender"] }> {
  const config = loadConfig({ CASEWATCH_SCHEDULER: "off", CASEWATCH_PLAYGROUND: "off", CASEWATCH_SEED_DEMO: "off" });
  const proactive = composeProactiveSender({ config, adapter: composeAdapter(config), clock: systemClock, logger: pino({ level: "silent" }) });
  const probe = await new FakeTeamsConnector().start();
  try {
    const reference = { channelId: "msteams", serviceUrl: probe.url, conversation: { id: "a:probe", conversationType: "personal" }, bot: { id: "28:bench" }, user: { id: "29:probe" } };
    const result = await proactive.send({ tenantId: TENANT, aadObjectId: "probe", conversationId: "a:probe", reference }, { type: "AdaptiveCard", version: "1.5", body: [] });
    return result.ok ? { sender: proactive, name: "botbuilder proactive sender" } : { sender: createHttpCardSender(url), name: "HTTP card sender (test/support)" };
  } finally {
    await probe.close();
  }
}
