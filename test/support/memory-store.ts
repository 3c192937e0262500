import { createMemoryDatabase, type MemoryDatabase } from "../../services/store/memory/memory-container";
import { createMemoryRepositories } from "../../services/store/memory/memory-repositories";
import type { Repositories } from "../../services/store/repositories";

/** What a store-backed suite needs from its store: a fresh, empty set of repositories per test, and a way to stop. */
export interface RepoStore {
  fresh(): Promise<{ repos: Repositories }>;
  close(): Promise<void>;
}

export interface MemoryTestStore extends RepoStore {
  repos: Repositories;
  fresh(): Promise<{ repos: Repositories; db: MemoryDatabase }>;
}

/** The fast tier's store: test-store.ts's API over the in-memory fake (services/store/memory/), nothing to start. */
export async function startMemoryStore(): Promise<MemoryTestStore> {
  const fresh = async () => {
    const db = createMemoryDatabase();
    return { db, repos: createMemoryRepositories(db) };
  };
  return { ...(await fresh()), fresh, close: async () => {} };
}

export interface StoreKind {
  /** For test titles: "[memory]" or "[cosmos]". */
  name: "memory" | "cosmos";
  start(): Promise<RepoStore>;
}

const allKinds: readonly StoreKind[] = [
  // Loaded only when asked for, so the fast tier never loads the Cosmos SDK or the embedded server.
  // (require, not import(): under tsx/cjs a dynamic import goes to Node's ESM resolver, which wants file extensions.)
  { name: "cosmos", start: () => (require("./test-store") as typeof import("./test-store")).startTestStore() },
  { name: "memory", start: startMemoryStore },
];

/**
 * The stores a dual-store suite runs against: both, unless CASEWATCH_TEST_STORES names some ("memory" for the fast
 * tier). Wrap a suite as `for (const kind of storeKinds()) describe(`… [${kind.name}]`, () => …)`.
 */
export function storeKinds(): readonly StoreKind[] {
  const wanted = process.env.CASEWATCH_TEST_STORES?.split(",").map((s) => s.trim()).filter(Boolean);
  if (!wanted || wanted.length === 0) return allKinds;
  const unknown = wanted.filter((w) => !allKinds.some((k) => k.name === w));
  if (unknown.length > 0) throw new Error(`CASEWATCH_TEST_STORES: unknown store ${unknown.join(", ")} (use memory, cosmos)`);
  return allKinds.filter((k) => wanted.includes(k.name));
}
