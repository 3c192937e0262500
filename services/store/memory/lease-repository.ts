import { leaseDoc, LEASE_SCHEMA_VERSION } from "../../domain/notification";
import { AlreadyExistsError, ConcurrencyError } from "../../platform/errors";
import type { LeaseRepository } from "../lease-repository";
import type { MemoryContainer } from "./memory-container";
import { MemoryDocumentStore } from "./memory-document-store";

/** The fake of lease-repository.ts, step for step: read, then create-if-absent or an ETag-guarded replace. */
export function createMemoryLeaseRepository(container: MemoryContainer): LeaseRepository {
  const store = new MemoryDocumentStore(container, leaseDoc, "lease", (l) => l.id);
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
