import type { ActionPlanDoc } from "../../../services/domain/action-plan";
import { ACTION_PLAN_SCHEMA_VERSION } from "../../../services/domain/action-plan";
import type { Officer } from "../../../services/domain/officer";
import type { ReminderItem } from "../../../services/rules/reminder-item";
import { makeOfficer } from "../../support/fixtures";

/** A small chain of command: DCI → DI → DS1/DS2 → DC1 (full time), DC2 (part time, Mon/Tue). */
export function force(overrides: Record<string, Partial<Officer>> = {}): Officer[] {
  return [
    makeOfficer({ id: "dci", rank: "DCI" }),
    makeOfficer({ id: "di", rank: "DI", supervisorId: "dci" }),
    makeOfficer({ id: "ds1", rank: "DS", supervisorId: "di" }),
    makeOfficer({ id: "ds2", rank: "DS", supervisorId: "di" }),
    makeOfficer({ id: "dc1", supervisorId: "ds1" }),
    makeOfficer({ id: "dc2", supervisorId: "ds1", hoursPerWeek: 16, workingDays: [1, 2] }),
  ].map((o) => ({ ...o, ...overrides[o.id] }));
}

export function makePlan(overrides: Partial<ActionPlanDoc> & { id: string }): ActionPlanDoc {
  return {
    type: "action-plan",
    schemaVersion: ACTION_PLAN_SCHEMA_VERSION,
    officerId: "dc1",
    createdBy: "ds1",
    createdAt: "2026-03-11T09:00:00.000Z",
    objectives: [{ text: "Update crime reports", measure: "All updated weekly", targetOn: "2026-05-06" }],
    support: "Weekly catch-up",
    checkpointEveryDays: 14,
    startsOn: "2026-03-11",
    endsOn: "2026-05-06",
    checkpoints: [],
    status: "active",
    ...overrides,
  };
}

/** "kind>recipient@dueOn" — compact, order-free summaries for table assertions. */
export function summary(items: readonly ReminderItem[], kinds?: readonly string[]): string[] {
  return items.filter((i) => kinds === undefined || kinds.includes(i.kind)).map((i) => `${i.kind}>${i.recipientId}@${i.dueOn}`).sort();
}
