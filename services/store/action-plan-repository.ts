import type { Container } from "@azure/cosmos";
import { actionPlanDoc, type ActionPlanDoc } from "../domain/action-plan";
import type { IsoDate } from "../domain/dates";
import { z } from "zod";
import { DocumentStore } from "./document-store";

export interface ActionPlanRepository {
  get(officerId: string, id: string): Promise<ActionPlanDoc | undefined>;
  forOfficers(officerIds: readonly string[]): Promise<ActionPlanDoc[]>;
  checkpointsDue(day: IsoDate): Promise<ActionPlanDoc[]>;
  /** Officers with a proposed or active plan (ids only). */
  officersWithOpenPlan(): Promise<string[]>;
  create(plan: ActionPlanDoc): Promise<ActionPlanDoc>;
  replace(plan: ActionPlanDoc): Promise<ActionPlanDoc>;
}

export function createCosmosActionPlanRepository(container: Container): ActionPlanRepository {
  const store = new DocumentStore(container, actionPlanDoc, "action plan", (p) => p.officerId);
  return {
    get: (officerId, id) => store.read(id, officerId),
    forOfficers: (ids) =>
      ids.length === 0
        ? Promise.resolve([])
        : store.query({ query: "SELECT * FROM c WHERE c.type = 'action-plan' AND ARRAY_CONTAINS(@o, c.officerId)", parameters: [{ name: "@o", value: [...ids] }] }),
    checkpointsDue: (day) =>
      store.query({
        query: "SELECT * FROM c WHERE c.type = 'action-plan' AND c.status = 'active' AND c.nextCheckpointOn <= @d",
        parameters: [{ name: "@d", value: day }],
      }),
    officersWithOpenPlan: async () =>
      z.array(z.string()).parse(
        await store.scalar<unknown>({ query: "SELECT VALUE c.officerId FROM c WHERE c.type = 'action-plan' AND (c.status = 'active' OR c.status = 'proposed')" }),
      ),
    create: (p) => store.create(p),
    replace: (p) => store.replace(p),
  };
}
