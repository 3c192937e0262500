import { z } from "zod";
import { actionPlanDoc } from "../../domain/action-plan";
import type { ActionPlanRepository } from "../action-plan-repository";
import type { MemoryContainer } from "./memory-container";
import { MemoryDocumentStore } from "./memory-document-store";

/** The fake of action-plan-repository.ts (see memory-container.ts). */
export function createMemoryActionPlanRepository(container: MemoryContainer): ActionPlanRepository {
  const store = new MemoryDocumentStore(container, actionPlanDoc, "action plan", (p) => p.officerId);
  return {
    get: (officerId, id) => store.read(id, officerId),
    forOfficers: async (ids) =>
      ids.length === 0 ? [] : store.query({ where: (d) => d.type === "action-plan" && ids.includes(d.officerId as string) }),
    checkpointsDue: (day) =>
      store.query({
        where: (d) => d.type === "action-plan" && d.status === "active" && typeof d.nextCheckpointOn === "string" && d.nextCheckpointOn <= day,
      }),
    // One id per open plan, as `SELECT VALUE c.officerId` answers (an officer with two open plans appears twice).
    officersWithOpenPlan: async () =>
      z.array(z.string()).parse(
        (await store.select({ where: (d) => d.type === "action-plan" && (d.status === "active" || d.status === "proposed") })).map((d) => d.officerId),
      ),
    create: (p) => store.create(p),
    replace: (p) => store.replace(p),
  };
}
