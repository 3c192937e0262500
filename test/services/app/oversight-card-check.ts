import assert from "node:assert/strict";
import { z } from "zod";
import { cardAction } from "../../../cards/card-actions";
import { endAbsenceAction, recordAbsenceAction } from "../../../cards/absence";
import { absenceFormAction } from "../../../cards/officer-cases";
import { chooseReassignAction, reassignAction } from "../../../cards/reassign";
import { openOfficerAction, recordOneToOneAction } from "../../../cards/team-drilldown";
import { openTeamAction } from "../../../cards/team-status";
import { assertValidAdaptiveCard, buttonsIn } from "../../cards/validate-adaptive-card";

/** Every verb the oversight cards add: what the lead adds to `cardAction` in cards/card-actions.ts. */
export const oversightAction = z.discriminatedUnion("verb", [
  openTeamAction, openOfficerAction, recordOneToOneAction, chooseReassignAction, reassignAction, absenceFormAction, recordAbsenceAction, endAbsenceAction,
]);

type Json = Record<string, unknown>;

/**
 * The shared Adaptive Card 1.5 check (test/cards/validate-adaptive-card.ts), for cards whose buttons may carry the
 * oversight verbs before they join `cardAction`. A button the shared union already accepts is left alone; one it does
 * not know must parse as an oversight action, and is then checked structurally under a verb the union knows. Once the
 * verbs are in `cardAction`, nothing is substituted and this is exactly the shared check.
 */
export function assertValidOversightCard(card: Json): void {
  const substituted = structuredClone(card);
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    const o = node as Json;
    if (o.type === "Action.Execute") {
      const data = { ...(o.data as Json | undefined), verb: o.verb };
      if (!cardAction.safeParse(data).success) {
        const ours = oversightAction.safeParse(data);
        assert.ok(ours.success, `button "${String(o.title)}" sends data no action accepts: ${JSON.stringify(o)}`);
        o.verb = "refresh";
        o.data = { view: "status" };
      }
    }
    Object.values(o).forEach(visit);
  };
  visit(substituted);
  assertValidAdaptiveCard(substituted);
}

/** Each button as `verb data`, in card order, for asserting exactly which actions a card offers. */
export function buttonsOf(card: unknown): string[] {
  return buttonsIn(card).map((o) => `${String(o.verb)} ${JSON.stringify(o.data ?? {})}`);
}
