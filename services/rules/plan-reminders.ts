import type { ActionPlanDoc } from "../domain/action-plan";
import type { CaseDoc } from "../domain/case";
import type { IsoDate } from "../domain/dates";
import type { Officer } from "../domain/officer";
import type { Policy } from "../domain/policy";
import { absentDuring } from "./absence";
import { actionPlanTriggers } from "./action-plan-triggers";
import { buildDigests, sendOnFor, sweepMoment } from "./build-digests";
import { earliestOf } from "./calendar";
import { caseTriggers, type CaseRole } from "./case-triggers";
import { officerTriggers } from "./officer-triggers";
import { isStale, staleness } from "./progress";
import { reminderKey, urgencyRank, type Digest, type ReminderItem } from "./reminder-item";
import { routeRecipient, type Route } from "./routing";
import { emptyTriggers, triggerLadder, type Fired } from "./trigger-ladder";

export type PlannerState = {
  cases: CaseDoc[];
  officers: Officer[];
  plans: ActionPlanDoc[];
  reachable?: ReadonlySet<string>;
  /**
   * What the action-plan suggestion (docs/domain-rules.md §4) needs beyond the cases and plans that are due: for the officers it
   * names, the stale-from dates of ALL their stale open cases, and who already has an open plan. Without it the
   * planner infers both from `cases` and `plans`, which is right only when they are complete.
   */
  officerContext?: { staleCaseStarts: ReadonlyMap<string, readonly IsoDate[]>; withOpenPlan: ReadonlySet<string> };
};
/** An item nobody in the chain of command can receive (missing supervisor, unknown officer, or nobody reachable). */
export type Unroutable = Pick<ReminderItem, "kind" | "subjectId" | "dueOn"> & { intendedRecipientId?: string };
export type ReminderPlan = {
  today: IsoDate;
  items: ReminderItem[];
  digests: Digest[];
  /** Per case doc id: when the sweep must next read the case (undefined: no rule will ever fire). */
  nextAttention: Map<string, IsoDate | undefined>;
  /** Same for officers (1:1, tenure) and action plans (checkpoints), keyed by officer id and plan id. */
  officerAttention: Map<string, IsoDate | undefined>;
  planAttention: Map<string, IsoDate | undefined>;
  /** Officers with no live Teams conversation whose items went up the chain. */
  unreachable: string[];
  unroutable: Unroutable[];
};

type Subject = { type: ReminderItem["subjectType"]; id: string; attention: Map<string, IsoDate | undefined>; attentionId: string };
type Planned = { item: ReminderItem; anyDay: boolean; subject: Subject };

/**
 * The sweep's decision: who gets what, today. Pure: the executor supplies the due subjects, the
 * officers and who is reachable; re-running for the same or a later instant yields the same ledger
 * keys for anything already due, so the ledger makes delivery exactly-once.
 */
export function planReminders(state: PlannerState, policy: Policy, now: Date): ReminderPlan {
  const sweep = sweepMoment(now, policy);
  const today = sweep.today;
  const officers = new Map(state.officers.map((o) => [o.id, o]));
  const supervisorOf = (id: string | undefined) => (id === undefined ? undefined : officers.get(id)?.supervisorId);
  const planned = new Map<string, Planned>();
  const unreachable = new Set<string>();
  const unroutable: Unroutable[] = [];
  const attention = { case: new Map<string, IsoDate | undefined>(), officer: new Map<string, IsoDate | undefined>(), plan: new Map<string, IsoDate | undefined>() };
  function noteNext(subject: Subject, dates: readonly IsoDate[]): void {
    subject.attention.set(subject.attentionId, earliestOf([subject.attention.get(subject.attentionId), ...dates]));
  }

  function add(fired: Fired<string>, intendedId: string | undefined, subject: Subject, route?: Route): void {
    const r = intendedId === undefined ? undefined : (route ?? routeRecipient(intendedId, officers, today, state.reachable));
    r?.unreachable.forEach((id) => unreachable.add(id));
    if (intendedId === undefined || r?.recipientId === undefined) {
      unroutable.push({ kind: fired.kind, subjectId: subject.id, dueOn: fired.on, ...(intendedId !== undefined ? { intendedRecipientId: intendedId } : {}) });
      return;
    }
    const item: ReminderItem = {
      kind: fired.kind, subjectType: subject.type, subjectId: subject.id, dueOn: fired.on, recipientId: r.recipientId,
      intendedRecipientId: intendedId, urgency: fired.urgency, action: fired.action, facts: fired.facts,
    };
    const key = reminderKey(item);
    const prior = planned.get(key);
    const anyDay = (fired.anyDay ?? false) || (prior?.anyDay ?? false);
    // Two routes to one person collapse to one ledger key: keep the more urgent, else the one meant for them.
    const better = prior === undefined || urgencyRank(item.urgency) < urgencyRank(prior.item.urgency)
      || (item.urgency === prior.item.urgency && item.intendedRecipientId === item.recipientId);
    planned.set(key, { item: better ? item : prior.item, anyDay, subject });
  }

  const openPlanFor = new Set([
    ...state.plans.filter((p) => p.status === "active" || p.status === "proposed").map((p) => p.officerId),
    ...(state.officerContext?.withOpenPlan ?? []),
  ]);
  const staleByOfficer = new Map<string, IsoDate[]>();

  for (const c of state.cases) {
    const subject: Subject = { type: "case", id: c.ref, attention: attention.case, attentionId: c.id };
    attention.case.set(c.id, undefined);
    const t = caseTriggers(c, policy, today);
    noteNext(subject, t.next);
    const sergeantId = supervisorOf(c.oicId);
    const oic = officers.get(c.oicId);
    const bailAbsent = oic !== undefined && t.bailWindow !== undefined && absentDuring(oic, t.bailWindow.from, t.bailWindow.to);
    const intended: Record<CaseRole, string | undefined> = { oic: c.oicId, "oic-bail": c.oicId, sergeant: sergeantId, inspector: supervisorOf(sergeantId) };
    for (const f of t.fired) {
      let route: Route | undefined;
      if (f.role === "oic-bail" && bailAbsent && sergeantId !== undefined) {
        const up = routeRecipient(sergeantId, officers, today, state.reachable);
        route = { ...up, routedVia: ["absent", ...up.routedVia] };
      }
      add(f, intended[f.role], subject, route);
    }
    if (isStale(c, policy, today)) {
      staleByOfficer.set(c.oicId, [...(staleByOfficer.get(c.oicId) ?? []), staleness(c, policy, today).staleFrom]);
    }
  }

  for (const [id, starts] of state.officerContext?.staleCaseStarts ?? []) staleByOfficer.set(id, [...starts]);

  for (const o of state.officers) {
    const subject: Subject = { type: "officer", id: o.id, attention: attention.officer, attentionId: o.id };
    attention.officer.set(o.id, undefined);
    const t = officerTriggers(o, policy, today);
    suggestActionPlan(t, o, staleByOfficer.get(o.id) ?? [], openPlanFor.has(o.id), policy, today);
    noteNext(subject, t.next);
    for (const f of t.fired) add(f, o.supervisorId, subject);
  }

  for (const p of state.plans) {
    const subject: Subject = { type: "plan", id: p.id, attention: attention.plan, attentionId: p.id };
    attention.plan.set(p.id, undefined);
    const t = actionPlanTriggers(p, policy, today);
    noteNext(subject, t.next);
    const sergeantId = supervisorOf(p.officerId) ?? p.createdBy;
    for (const f of t.fired) add(f, f.role === "sergeant" ? sergeantId : supervisorOf(sergeantId), subject);
  }

  const deliverables = [...planned.values()].map((p) => ({ ...p, sendOn: sendOnFor(p.anyDay, sweep, policy, officers.get(p.item.recipientId)) }));
  // An item held for a later digest keeps its subject due until then, so nothing is dropped between sweeps.
  for (const d of deliverables) if (d.sendOn !== "now") noteNext(d.subject, [d.sendOn]);

  return {
    today,
    items: deliverables.map((d) => d.item),
    digests: buildDigests(deliverables),
    nextAttention: attention.case,
    officerAttention: attention.officer,
    planAttention: attention.plan,
    unreachable: [...unreachable].sort(),
    unroutable,
  };
}

/**
 * docs/domain-rules.md §4: offer the sergeant a "start action plan" button once an officer has enough stale
 * cases. The trigger is the day the threshold-th case went stale, so the key only changes when the
 * set of stale cases does.
 */
function suggestActionPlan(out: ReturnType<typeof emptyTriggers<"supervisor">>, o: Officer, staleFrom: IsoDate[], hasPlan: boolean, policy: Policy, today: IsoDate): void {
  const threshold = policy.actionPlan.suggestAtStaleCases;
  if (hasPlan || staleFrom.length < threshold) return;
  const on = [...staleFrom].sort()[threshold - 1] as IsoDate;
  triggerLadder(out, "supervisor", [{ on, kind: "suggest-action-plan", urgency: "action", action: "start-plan", facts: { staleCases: staleFrom.length } }], today);
}

/**
 * For a case being written (import, review): today if some rule is live for it now, else the next
 * day one will be. The sweep then reads it on that day and stores the planner's `nextAttention`.
 */
export function nextAttentionOn(c: CaseDoc, policy: Policy, today: IsoDate): IsoDate | undefined {
  const t = caseTriggers(c, policy, today);
  return t.fired.length > 0 ? today : earliestOf(t.next);
}
