import type { IsoDate, Moment } from "../../domain/dates";
import type { Officer } from "../../domain/officer";
import type { Policy } from "../../domain/policy";
import type { AuditLog } from "../../store/audit-log";
import type { Acknowledgement } from "./acknowledgement-view";
import type { Acknowledgements } from "./acknowledgements";
import type { ScopedCaseReader } from "../scope/scoped-cases";
import { buildStatusView } from "./status-figures";
import type { StatusCardContent, StatusView } from "./status-view";
import type { Purpose, ViewAudit } from "../audit/view-audit";

export type MarkSeenOutcome =
  | { kind: "recorded"; content: StatusCardContent & { seen: Acknowledgement } }
  | { kind: "already-seen"; content: StatusCardContent & { seen: Acknowledgement } }
  /** Only the person a status card was made for may mark it; nothing about the owner is revealed. */
  | { kind: "not-owner" };

/** `at` is the turn's moment: its day is the status card's day, its instant what a click records. */
export interface StatusService {
  /** Detective → own cases; sergeant → team; inspector and above → one line per team (docs/domain-rules.md §8 scope). */
  status(viewer: Officer, at: Moment, why: Purpose): Promise<StatusCardContent>;
  markSeen(actor: Officer, card: { officerId: string; on: IsoDate }, at: Moment, why: Purpose): Promise<MarkSeenOutcome>;
}

export function createStatusService(deps: {
  reader: ScopedCaseReader;
  acknowledgements: Acknowledgements;
  viewAudit: ViewAudit;
  audit: AuditLog;
  policy: Policy;
}): StatusService {
  const render = async (viewer: Officer, at: Moment, why: Purpose): Promise<StatusView> => {
    const { scope, today, cases } = await deps.reader.openCases(viewer, at.today);
    const view = buildStatusView(scope, cases, deps.policy, today);
    const shown = view.cases.map((c) => c.ref);
    await deps.viewAudit.recordView(viewer, {
      action: "view status",
      recordType: shown.length > 0 ? "case-list" : "case-summary",
      recordIds: shown.length > 0 ? shown : cases.length > 0 ? [`scope:${viewer.id}`] : [],
      why,
    }, at.now);
    return view;
  };
  return {
    status: async (viewer, at, why) => {
      const view = await render(viewer, at, why);
      const seen = await deps.acknowledgements.find("mark-seen", viewer.id, view.today, at.now);
      return seen ? { view, seen } : { view };
    },
    markSeen: async (actor, card, at, why) => {
      if (actor.id !== card.officerId) return { kind: "not-owner" };
      const outcome = await deps.acknowledgements.record("mark-seen", actor.id, card.on, actor, at.now);
      // Every click, not only the first, makes sure the acknowledgement's one audit entry exists: if that write
      // failed after the claim landed (the user was told to try again), the retry writes it; its fixed key and the
      // acknowledgement's own instant mean it is never written twice.
      await deps.audit.appendOnce(
        `mark-seen|${actor.id}|${card.on}`,
        { actorId: outcome.ack.byId, operation: "collection", action: "mark status seen", recordType: "status-card", recordId: `${actor.id}:${card.on}`, why },
        new Date(outcome.ack.at),
      );
      const content = { view: await render(actor, at, why), seen: outcome.ack };
      return { kind: outcome.first ? "recorded" : "already-seen", content };
    },
  };
}
