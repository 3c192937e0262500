import { randomUUID } from "node:crypto";
import type { Clock } from "../../platform/clock";
import type { CaseDoc } from "../../domain/case";
import type { IsoDate } from "../../domain/dates";
import { CasewatchError } from "../../platform/errors";
import type { Logger } from "../../platform/logger";
import type { Policy } from "../../domain/policy";
import { addDays, londonDay } from "../../rules/calendar";
import { isStale, staleFromBase } from "../../rules/progress";
import { planReminders, type PlannerState, type ReminderPlan } from "../../rules/plan-reminders";
import { reminderKey, type Digest, type ReminderItem } from "../../rules/reminder-item";
import { ledgerId } from "../../store/notification-ledger";
import type { Repositories } from "../../store/repositories";
import { DEFAULT_CLAIM_GRACE_MS, deliverOnce, type DeliveryDeps, type ItemOutcome } from "../delivery/deliver-once";
import type { RateLimitedSender } from "../delivery/rate-limited-sender";
import { digestContent, type DigestLookup } from "./digest-content";
import type { RenderDigest } from "./digest-view";
import { writeNextAttention, type AttentionWriteResult } from "./next-attention-writer";
import { RecipientReachability } from "../delivery/recipient-reachability";
import { emptyReport, type SweepReport } from "./sweep-report";

export const SWEEP_LEASE = "sweep";

export interface SweepExecutorDeps {
  repos: Pick<Repositories, "cases" | "actionPlans" | "officers" | "conversations" | "ledger" | "leases" | "audit">;
  /** The process's one rate-limited sender (shared with workflow notifications). */
  sender: RateLimitedSender;
  /** Turns a digest view into a card; injected by the composition root, since services never build cards. */
  renderDigest: RenderDigest;
  policy: Policy;
  /** Wall time, for the lease and ledger timestamps; the planning instant is `run({ at })`. */
  clock: Clock;
  logger: Logger;
  instanceId: string;
  tenantId: string;
  /** A dead holder's lease lapses after this long; a live holder renews it every quarter of it. */
  leaseTtlMs?: number;
  /** Another sweep's claim younger than this is left alone as in flight (see deliver-once.ts). */
  claimGraceMs?: number;
  /** Recipients served in parallel; Bottleneck still holds the per-chat and global rates. */
  concurrency?: number;
  /** Teams rejects very large cards, so a huge backlog is split over several cards. */
  maxItemsPerCard?: number;
}

export type SweepProgress = { phase: "reading" | "sending"; done: number; total: number };
export interface SweepRunOptions {
  at?: Date;
  dryRun?: boolean;
  /** Send only urgent items (the scheduler's hourly pass); everything else is held for the morning digest. */
  urgentOnly?: boolean;
  onProgress?: (p: SweepProgress) => void;
}
export interface SweepExecutor { run(opts?: SweepRunOptions): Promise<SweepReport> }

/** Routing re-plans are bounded by the depth of the chain of command; this only guards against a malformed one. */
const MAX_ROUTING_ROUNDS = 10;
// Outcomes after which the case needs nothing more today; anything else keeps it due for the next sweep.
// "held" items are in the planner's next-attention date; "waiting" ones (urgent-only pass) are not, so they block.
type FinalOutcome = ItemOutcome | "held" | "waiting";
const SETTLED: ReadonlySet<FinalOutcome> = new Set(["sent", "duplicate", "held"]);

function chunk<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** Runs `fn` over `xs`, `n` at a time; stops taking new work after the first failure and rethrows it once all are idle. */
async function inPool<T>(xs: readonly T[], n: number, fn: (x: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { err: unknown } | undefined;
  const worker = async () => {
    while (failure === undefined && next < xs.length) {
      const x = xs[next++] as T;
      try { await fn(x); } catch (err) { failure ??= { err }; }
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, xs.length) }, worker));
  if (failure) throw failure.err;
}

export function createSweepExecutor(deps: SweepExecutorDeps): SweepExecutor {
  const { repos, policy, clock, sender } = deps;
  const leaseTtlMs = deps.leaseTtlMs ?? 5 * 60_000;
  const claimGraceMs = deps.claimGraceMs ?? DEFAULT_CLAIM_GRACE_MS;
  const concurrency = deps.concurrency ?? 8;
  const maxItemsPerCard = deps.maxItemsPerCard ?? 40;

  async function planRouted(state: Omit<PlannerState, "reachable">, reach: RecipientReachability, at: Date): Promise<ReminderPlan> {
    for (let round = 0; ; round += 1) {
      const plan = planReminders({ ...state, reachable: reach.reachable }, policy, at);
      const lost = await reach.check(plan.digests.filter((d) => d.sendOn === "now").map((d) => d.recipientId));
      if (lost.length === 0 || round >= MAX_ROUTING_ROUNDS) return plan;
    }
  }

  async function run(opts: SweepRunOptions = {}): Promise<SweepReport> {
    const at = opts.at ?? clock.now();
    const dryRun = opts.dryRun ?? false;
    const sweepId = `sweep-${at.toISOString().replace(/[-:.]/g, "")}-${randomUUID().slice(0, 8)}`;
    const log = deps.logger.child({ sweep: sweepId });
    const report = emptyReport(sweepId, at, dryRun ? "dry-run" : "completed");
    if (!dryRun && !(await repos.leases.acquire(SWEEP_LEASE, deps.instanceId, clock.now(), leaseTtlMs))) {
      report.outcome = "lease-held";
      log.info(report, "sweep skipped: another instance holds the lease");
      return report;
    }
    try {
      await sweep(at, { ...opts, dryRun }, report, log);
      log.info(report, dryRun ? "sweep dry run finished" : "sweep finished");
      return report;
    } finally {
      if (!dryRun) await repos.leases.release(SWEEP_LEASE, deps.instanceId);
    }
  }

  /**
   * The action-plan suggestion counts an officer's stale cases, but the sweep reads only due cases: fetch the progress
   * dates (a projection, not documents) of the OICs whose due cases are stale, and who already has an open plan.
   */
  async function officerContext(cases: readonly CaseDoc[], day: IsoDate): Promise<NonNullable<PlannerState["officerContext"]>> {
    const oics = [...new Set(cases.filter((c) => isStale(c, policy, day)).map((c) => c.oicId))];
    const [bases, withOpenPlan] = await Promise.all([
      repos.cases.progressBasesUpTo(oics, addDays(day, -policy.progress.promptOicAfterDays)),
      repos.actionPlans.officersWithOpenPlan(),
    ]);
    const staleCaseStarts = new Map<string, IsoDate[]>();
    for (const b of bases) staleCaseStarts.set(b.oicId, [...(staleCaseStarts.get(b.oicId) ?? []), staleFromBase(b.base, policy)]);
    return { staleCaseStarts, withOpenPlan: new Set(withOpenPlan) };
  }

  async function sweep(at: Date, opts: SweepRunOptions & { dryRun: boolean }, report: SweepReport, log: Logger): Promise<void> {
    const { dryRun, onProgress } = opts;
    const held = (p: ReminderPlan) => heldKeys(p, opts.urgentOnly ?? false);
    const day = londonDay(at, policy.timeZone);
    const [cases, plans, officers] = await Promise.all([
      repos.cases.needingAttention(day, (n) => onProgress?.({ phase: "reading", done: n, total: n })),
      repos.actionPlans.checkpointsDue(day),
      repos.officers.all(),
    ]);
    Object.assign(report, { casesRead: cases.length, plansRead: plans.length, officersRead: officers.length });
    const state = { cases, officers, plans, officerContext: await officerContext(cases, day) };
    const officersById = new Map(officers.map((o) => [o.id, o]));
    const lookup: DigestLookup = { casesByRef: new Map(cases.map((c) => [c.ref, c])), plansById: new Map(plans.map((p) => [p.id, p])), officersById };
    const reach = new RecipientReachability(repos.conversations, deps.tenantId, officersById);
    const outcomes = new Map<string, ItemOutcome>();
    const lease = leaseGuard();
    const delivery: DeliveryDeps = { ledger: repos.ledger, audit: repos.audit, sender, clock, graceMs: claimGraceMs };
    const unreachable = new Set<string>();

    let plan = await planRouted(state, reach, at);
    for (let round = 0; round < MAX_ROUTING_ROUNDS; round += 1) {
      plan.unreachable.forEach((id) => unreachable.add(id));
      const hold = held(plan);
      const pending = plan.digests
        .filter((d) => d.sendOn === "now")
        .map((d) => ({ ...d, items: d.items.filter((i) => !outcomes.has(ledgerId(i)) && !hold.has(reminderKey(i))) }))
        .filter((d) => d.items.length > 0);
      if (dryRun) {
        await previewOutcomes(pending, outcomes, report);
        break;
      }
      const total = pending.reduce((n, d) => n + d.items.length, 0);
      let done = 0;
      const dead = new Set<string>();
      await inPool(pending, concurrency, async (d) => {
        const target = reach.target(d.recipientId);
        if (!target) {
          // Only reachable after MAX_ROUTING_ROUNDS of re-routing, i.e. a malformed chain: report, don't guess.
          for (const i of d.items) outcomes.set(ledgerId(i), "failed");
          log.warn({ officerId: d.recipientId }, "recipient has no Teams chat after re-routing");
          return;
        }
        for (const items of chunk(d.items, maxItemsPerCard)) {
          await lease.check();
          const { outcomes: result } = await deliverOnce(delivery, {
            claimant: report.sweepId, target, items,
            card: (mine) => deps.renderDigest(digestContent(officersById.get(d.recipientId), mine, lookup, day)),
            disclosure: { actorId: "system:sweep", action: "send-digest", recordType: "officer", recordId: d.recipientId, why: `sweep ${report.sweepId}` },
          });
          for (const [k, o] of result) outcomes.set(k, o);
          if ([...result.values()].includes("sent")) report.cards += 1;
          if ([...result.values()].includes("dead")) dead.add(d.recipientId);
          done += items.length;
          onProgress?.({ phase: "sending", done, total });
        }
      });
      if (dead.size === 0) break;
      // Uninstalled or blocked mid-sweep: route their items up the chain within this same sweep.
      for (const id of dead) { reach.lose(id); unreachable.add(id); }
      plan = await planRouted(state, reach, at);
    }
    tally(plan, held(plan), outcomes, report, unreachable);
    if (dryRun) {
      report.deferred -= report.wouldSend;
      return;
    }
    const attention = await storeAttention(plan, held, cases, outcomes, state, reach, at);
    log.debug(attention, "next attention dates stored");
  }

  /** Dry run: what would go out now, reading (never writing) the ledger. */
  async function previewOutcomes(pending: Digest[], outcomes: Map<string, ItemOutcome>, report: SweepReport): Promise<void> {
    const items = pending.flatMap((d) => d.items);
    const docs = await Promise.all(items.map((i) => repos.ledger.get(i)));
    items.forEach((item, n) => {
      const sent = docs[n]?.state === "sent";
      outcomes.set(ledgerId(item), sent ? "duplicate" : "deferred");
      if (!sent) report.wouldSend += 1;
    });
  }

  function outcomeOf(item: ReminderItem, outcomes: Map<string, ItemOutcome>, held: ReadonlyMap<string, "held" | "waiting">): FinalOutcome | undefined {
    return held.get(reminderKey(item)) ?? outcomes.get(ledgerId(item));
  }

  /** Items this sweep deliberately does not send: due on a later digest day, or not urgent in an urgent-only pass. */
  function heldKeys(plan: ReminderPlan, urgentOnly: boolean): Map<string, "held" | "waiting"> {
    const out = new Map<string, "held" | "waiting">();
    for (const d of plan.digests) {
      for (const i of d.items) {
        if (d.sendOn !== "now") out.set(reminderKey(i), "held");
        else if (urgentOnly && i.urgency !== "urgent") out.set(reminderKey(i), "waiting");
      }
    }
    return out;
  }

  function tally(plan: ReminderPlan, held: ReadonlyMap<string, "held" | "waiting">, outcomes: Map<string, ItemOutcome>, report: SweepReport, unreachable: Set<string>): void {
    report.planned = plan.items.length;
    for (const item of plan.items) {
      const o = outcomeOf(item, outcomes, held);
      if (o === "sent") report.sent += 1;
      else if (o === "duplicate") report.skippedDuplicate += 1;
      else if (o === "failed" || o === "dead") report.failed += 1;
      else report.deferred += 1;
    }
    report.unreachableOfficerIds = [...unreachable].sort();
    report.unreachable = unreachable.size;
    report.unroutable = plan.unroutable.length;
  }

  /** A case moves on only when everything planned for it today is settled; otherwise it stays due for the next sweep. */
  async function storeAttention(plan: ReminderPlan, heldOf: (p: ReminderPlan) => Map<string, "held" | "waiting">, cases: CaseDoc[], outcomes: Map<string, ItemOutcome>, state: Omit<PlannerState, "reachable">, reach: RecipientReachability, at: Date): Promise<AttentionWriteResult> {
    const decideFrom = (p: ReminderPlan) => {
      const held = heldOf(p);
      const byRef = new Map<string, ReminderItem[]>();
      for (const i of p.items) if (i.subjectType === "case") byRef.set(i.subjectId, [...(byRef.get(i.subjectId) ?? []), i]);
      return (doc: CaseDoc) => {
        const items = byRef.get(doc.ref) ?? [];
        if (!items.every((i) => SETTLED.has(outcomeOf(i, outcomes, held) ?? "failed"))) return { leave: true } as const;
        return { write: p.nextAttention.get(doc.id) as IsoDate | undefined };
      };
    };
    const first = decideFrom(plan);
    return writeNextAttention(repos.cases, cases, (doc, reread) =>
      // A fresh copy after a conflict is planned again on its own, so a concurrent review's change counts.
      reread ? decideFrom(planReminders({ ...state, cases: [doc], reachable: reach.reachable }, policy, at))(doc) : first(doc));
  }

  /** Renews the lease while sending; if another instance has taken it (we stalled past its expiry), stop at once. */
  function leaseGuard() {
    let renewedAt = clock.now().getTime();
    let renewing: Promise<void> | undefined;
    const renew = async () => {
      if (!(await repos.leases.acquire(SWEEP_LEASE, deps.instanceId, clock.now(), leaseTtlMs))) {
        throw new CasewatchError("LEASE_HELD", "Another instance took over the sweep lease; this sweep stopped. The next sweep picks up what is left.");
      }
      renewedAt = clock.now().getTime();
    };
    return {
      check: async () => {
        if (clock.now().getTime() - renewedAt < leaseTtlMs / 4) return;
        renewing ??= renew().finally(() => { renewing = undefined; });
        await renewing;
      },
    };
  }

  return { run };
}
