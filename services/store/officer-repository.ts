import type { Container } from "@azure/cosmos";
import { officerDoc, type Officer } from "../domain/officer";
import { DocumentStore } from "./document-store";

export interface OfficerRepository {
  get(id: string): Promise<Officer | undefined>;
  byAadObjectId(aadObjectId: string): Promise<Officer | undefined>;
  all(): Promise<Officer[]>;
  directReports(supervisorId: string): Promise<Officer[]>;
  create(officer: Officer): Promise<Officer>;
  replace(officer: Officer): Promise<Officer>;
  upsert(officer: Officer): Promise<Officer>;
}

export function createCosmosOfficerRepository(container: Container): OfficerRepository {
  const store = new DocumentStore(container, officerDoc, "officer", (o) => o.id);
  return {
    get: (id) => store.read(id, id),
    byAadObjectId: async (aad) =>
      (await store.query({ query: "SELECT * FROM c WHERE c.type = 'officer' AND c.aadObjectId = @a", parameters: [{ name: "@a", value: aad }] }))[0],
    all: () => store.query({ query: "SELECT * FROM c WHERE c.type = 'officer'" }),
    directReports: (sid) =>
      store.query({ query: "SELECT * FROM c WHERE c.type = 'officer' AND c.supervisorId = @s", parameters: [{ name: "@s", value: sid }] }),
    create: (o) => store.create(o),
    replace: (o) => store.replace(o),
    upsert: (o) => store.upsert(o),
  };
}
