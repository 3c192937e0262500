import { officerDoc } from "../../domain/officer";
import type { OfficerRepository } from "../officer-repository";
import type { MemoryContainer } from "./memory-container";
import { MemoryDocumentStore } from "./memory-document-store";

/** The fake of officer-repository.ts (see memory-container.ts). */
export function createMemoryOfficerRepository(container: MemoryContainer): OfficerRepository {
  const store = new MemoryDocumentStore(container, officerDoc, "officer", (o) => o.id);
  const officers = (where: (d: Record<string, unknown>) => boolean) => store.query({ where: (d) => d.type === "officer" && where(d) });
  return {
    get: (id) => store.read(id, id),
    byAadObjectId: async (aad) => (await officers((d) => d.aadObjectId === aad))[0],
    all: () => officers(() => true),
    directReports: (sid) => officers((d) => d.supervisorId === sid),
    create: (o) => store.create(o),
    replace: (o) => store.replace(o),
    upsert: (o) => store.upsert(o),
  };
}
