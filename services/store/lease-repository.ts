import type { Container } from "@azure/cosmos";
import { leaseDoc, LEASE_SCHEMA_VERSION, type LeaseDoc } from "../domain/notification";
import { AlreadyExistsError, ConcurrencyError } from "../platform/errors";
import { DocumentStore } from "./document-store";

export interface LeaseRepository {
  /** Takes or renews the named lease until `expiresAt`; false when another live holder has it. */
  acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean>;
  release(name: string, holder: string): Promise<void>;
}

/** The point operations a lease needs; the Cosmos DocumentStore and the in-memory fake both provide them. */
export interface LeaseDocuments {
  read(id: string, partitionKey: string): Promise<LeaseDoc | undefined>;
  create(doc: LeaseDoc): Promise<LeaseDoc>;
  replace(doc: LeaseDoc): Promise<LeaseDoc>;
}

export function createCosmosLeaseRepository(container: Container): LeaseRepository {
  return leaseRepositoryOver(new DocumentStore(container, leaseDoc, "lease", (l) => l.id));
}

/** Read, then create-if-absent or an ETag-guarded replace: one live holder at a time, whatever the store. */
export function leaseRepositoryOver(store: LeaseDocuments): LeaseRepository {
  return {
    acquire: async (name, holder, now, ttlMs) => {
      const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
      const existing = await store.read(name, name);
      try {
        if (!existing) {
          await store.create({ id: name, type: "lease", schemaVersion: LEASE_SCHEMA_VERSION, holder, expiresAt });
          return true;
        }
        if (existing.holder !== holder && existing.expiresAt > now.toISOString()) return false;
        await store.replace({ ...existing, holder, expiresAt });
        return true;
      } catch (err) {
        if (err instanceof ConcurrencyError || err instanceof AlreadyExistsError) return false;
        throw err;
      }
    },
    release: async (name, holder) => {
      const existing = await store.read(name, name);
      if (existing?.holder !== holder) return;
      try {
        await store.replace({ ...existing, expiresAt: new Date(0).toISOString() });
      } catch (err) {
        if (!(err instanceof ConcurrencyError)) throw err;
      }
    },
  };
}
