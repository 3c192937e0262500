import type { CaseDoc } from "../../../../services/domain/case";
import type { Officer } from "../../../../services/domain/officer";
import { CONVERSATION_REF_SCHEMA_VERSION } from "../../../../services/domain/conversation-ref";
import { conversationRefId } from "../../../../services/store/conversation-ref-repository";
import type { Repositories } from "../../../../services/store/repositories";
import { makeCase, makeOfficer } from "../../../support/fixtures";
import type { CardSender } from "../../../../services/app/delivery/card-sender";
import { createRateLimitedSender, type RateLimits } from "../../../../services/app/delivery/rate-limited-sender";
import { createSweepExecutor, type SweepExecutor, type SweepExecutorDeps } from "../../../../services/app/sweep/sweep-executor";
import { renderDigest } from "../../../../bot/compose/create-sweep";

export const TENANT = "tenant-sweep";
/** Monday 2 March 2026, 08:00 London (GMT): a working day at the default morning time. */
export const MONDAY_0800 = new Date("2026-03-02T08:00:00Z");
/** Saturday 7 March 2026, 08:00 London. */
export const SATURDAY_0800 = new Date("2026-03-07T08:00:00Z");

/** DI ← DS ← two DCs, each with an Entra id. */
export function chainOfCommand(): Officer[] {
  return [
    makeOfficer({ id: "di1", name: "DI Inspector", rank: "DI", aadObjectId: "aad-di1" }),
    makeOfficer({ id: "ds1", name: "DS Sergeant", rank: "DS", aadObjectId: "aad-ds1", supervisorId: "di1" }),
    makeOfficer({ id: "dc1", name: "DC One", rank: "DC", aadObjectId: "aad-dc1", supervisorId: "ds1" }),
    makeOfficer({ id: "dc2", name: "DC Two", rank: "DC", aadObjectId: "aad-dc2", supervisorId: "ds1" }),
  ];
}

export function conversationIdOf(officerId: string): string {
  return `conv-${officerId}`;
}

/** Stores a live personal-chat reference for the officer, as installing the bot would. */
export async function connect(repos: Repositories, o: Officer): Promise<void> {
  const aad = o.aadObjectId!;
  await repos.conversations.upsert({
    id: conversationRefId(TENANT, aad, "personal"), type: "conversation-ref", schemaVersion: CONVERSATION_REF_SCHEMA_VERSION,
    tenantId: TENANT, aadObjectId: aad, scope: "personal", alive: true, updatedAt: "2026-01-01T00:00:00.000Z",
    reference: { conversation: { id: conversationIdOf(o.id) }, serviceUrl: "http://127.0.0.1:1/" },
  });
}

/**
 * A case opened on 1 Feb 2026 and never updated or reviewed: on 2 March its review is overdue (sergeant), escalated
 * (inspector, urgent) and it is stale (OIC and sergeant), so it yields several items for several people.
 */
export function overdueCase(n: number, overrides: Partial<CaseDoc> = {}): CaseDoc {
  return makeCase({ ref: `CF/${String(n).padStart(5, "0")}/26`, openedOn: "2026-02-01", oicId: "dc1", nextAttentionOn: "2026-02-15", ...overrides });
}

/** A case with nothing due until April. */
export function quietCase(n: number): CaseDoc {
  return makeCase({ ref: `QT/${String(n).padStart(5, "0")}/26`, openedOn: "2026-02-25", lastUpdatedOn: "2026-03-01", nextAttentionOn: "2026-04-01" });
}

export async function seed(repos: Repositories, opts: { officers?: Officer[]; cases: CaseDoc[]; connected?: string[] }): Promise<void> {
  const officers = opts.officers ?? chainOfCommand();
  await Promise.all(officers.map((o) => repos.officers.create(o)));
  const connected = new Set(opts.connected ?? officers.map((o) => o.id));
  await Promise.all(officers.filter((o) => connected.has(o.id)).map((o) => connect(repos, o)));
  for (let i = 0; i < opts.cases.length; i += 50) await Promise.all(opts.cases.slice(i, i + 50).map((c) => repos.cases.create(c)));
}

type Json = Record<string, unknown>;

/**
 * The items a digest card carries, each as "conversation|headline|facts line", so tests can count what arrived
 * and spot duplicates across sweeps.
 */
export function deliveredItems(conversationId: string, card: Record<string, unknown>): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    const n = node as Json;
    const items = n.items as Json[] | undefined;
    if (n.type === "Container" && items?.[0]?.type === "TextBlock" && items[1]?.isSubtle === true) {
      out.push(`${conversationId}|${String(items[0].text)}|${String(items[1].text)}`);
      return;
    }
    Object.values(n).forEach(walk);
  };
  walk(card);
  return out;
}

/** A sweep's dependencies with a test CardSender (and its rate limits) in place of the process's rate-limited sender. */
export type TestSweepDeps = Omit<SweepExecutorDeps, "sender" | "renderDigest"> & { sender: CardSender; limits?: Partial<RateLimits> };

/** The sweep executor as bot/compose builds it (the digest card renderer, a rate-limited sender) over a test CardSender. */
export function sweepExecutor(deps: TestSweepDeps): SweepExecutor {
  const { sender, limits, ...rest } = deps;
  const rateLimited = createRateLimitedSender({ sender, conversations: rest.repos.conversations, clock: rest.clock, logger: rest.logger, ...(limits ? { limits } : {}) });
  return createSweepExecutor({ ...rest, sender: rateLimited, renderDigest });
}
