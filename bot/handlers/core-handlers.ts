import type { RefreshableView } from "../../cards/card-actions";
import { buildCaseCard } from "../../cards/case";
import { buildDueCard } from "../../cards/due";
import { buildErrorCard } from "../../cards/error";
import type { AdaptiveCardJson } from "../../cards/expand-card";
import { buildHelpCard } from "../../cards/help";
import { buildMyCasesCard } from "../../cards/my-cases";
import { buildStatusCard } from "../../cards/status";
import { buildTeamStatusCard } from "../../cards/team-status";
import type { StatusView } from "../../services/app/status/status-view";
import type { Purpose } from "../../services/app/audit/view-audit";
import { rankLevel } from "../../services/domain/officer";
import type { ActionHandlers, CommandHandlers, Turn } from "./turn";

/** help, status, my cases, due, case <ref>: the issue 3 commands. */
export const coreCommands: Pick<CommandHandlers, "help" | "unknown" | "status" | "my-cases" | "due" | "case"> = {
  help: async () => buildHelpCard(),
  unknown: async () => buildHelpCard({ unrecognised: true }),
  status: (t) => view(t, "status", "command:status"),
  "my-cases": (t) => view(t, "my-cases", "command:my cases"),
  due: (t) => view(t, "due", "command:due"),
  case: async (t, c) => buildCaseCard(await t.services.cases.caseDetail(t.me, c.ref, t.at, "command:case")),
};

export const coreActions: Pick<ActionHandlers, "refresh" | "open-case" | "mark-seen"> = {
  refresh: async (t, a) => ({ card: await view(t, a.view, "action:refresh") }),
  "open-case": async (t, a) => ({ card: buildCaseCard(await t.services.cases.caseDetail(t.me, a.ref, t.at, "action:open-case")) }),
  "mark-seen": async (t, a) => {
    const outcome = await t.services.status.markSeen(t.me, { officerId: a.officerId, on: a.on }, t.at, "action:mark-seen");
    if (outcome.kind === "not-owner") return { card: NOT_YOUR_CARD };
    const planSuggestions = await planSuggestionsFor(t, outcome.content.view.role);
    if (outcome.kind === "already-seen") return { card: buildStatusCard({ ...outcome.content, seenWording: "already", planSuggestions }) };
    return { card: buildStatusCard({ ...outcome.content, seenWording: "marked", planSuggestions }), freeze: buildStatusCard({ ...outcome.content, frozen: true }) };
  },
};

/** A DI or above sees every sergeant's team in one card (issue 6); everyone else their own status card. */
export async function view(t: Turn, which: RefreshableView, why: Purpose): Promise<AdaptiveCardJson> {
  if (which === "status" && rankLevel[t.me.rank] >= rankLevel.DI) {
    const { scope } = await t.scope();
    return buildTeamStatusCard(await t.services.oversight.teamStatus.teamStatus(t.me, scope, t.at, why));
  }
  if (which === "status") {
    const content = await t.services.status.status(t.me, t.at, why);
    return buildStatusCard({ ...content, planSuggestions: await planSuggestionsFor(t, content.view.role) });
  }
  if (which === "my-cases") return buildMyCasesCard(await t.services.cases.myCases(t.me, t.at, why));
  if (which === "due") return buildDueCard(await t.services.cases.due(t.me, t.at, why));
  return buildHelpCard();
}

/**
 * "Start action plan" buttons for a sergeant's officers with enough stale cases (docs/domain-rules.md §4). Action plans are
 * employment data, so none in group chats or channels where others see the card.
 */
async function planSuggestionsFor(t: Turn, role: StatusView["role"]): Promise<{ officerId: string; staleCases: number }[]> {
  if (role !== "sergeant" || t.isGroup) return [];
  const { scope, today } = await t.scope();
  return (await t.services.workflows.plans.suggestions(scope, today)).map((s) => ({ officerId: s.officerId, staleCases: s.staleCases }));
}

const NOT_YOUR_CARD = buildErrorCard({ title: "Not your card", message: "This status card was made for someone else; only they can mark it as seen." });
