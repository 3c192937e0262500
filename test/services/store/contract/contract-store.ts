import type { ContainerName } from "../../../../services/store/containers";
import type { Repositories } from "../../../../services/store/repositories";
import { startMemoryStore, storeKinds } from "../../../support/memory-store";

/** One empty store as a contract case sees it: the repositories, and a way around them. */
export interface ContractStore {
  repos: Repositories;
  /** Writes a document straight into a container, past every schema: for documents the app itself would refuse to write. */
  putRaw(container: ContainerName, doc: Record<string, unknown> & { id: string }): Promise<void>;
}

/** A contract: the behaviour of one repository, stated once, for any store `fresh()` hands out. */
export type Contract = (fresh: () => Promise<ContractStore>) => void;

interface ContractHost {
  fresh(): Promise<ContractStore>;
  close(): Promise<void>;
}

/** Each implementation under contract: the real client against the Cosmos-protocol server, and the in-memory fake. */
export const contractStores: Record<"cosmos" | "memory", () => Promise<ContractHost>> = {
  cosmos: async () => {
    // Loaded only when asked for (see memory-store.ts), so the fast tier never loads the Cosmos SDK.
    const { startTestStore } = require("../../../support/test-store") as typeof import("../../../support/test-store");
    const store = await startTestStore();
    return {
      fresh: async () => {
        const { repos, containers } = await store.fresh();
        return { repos, putRaw: async (name, doc) => { await containers[name].items.upsert(doc); } };
      },
      close: () => store.close(),
    };
  },
  memory: async () => {
    const store = await startMemoryStore();
    return {
      fresh: async () => {
        const { repos, db } = await store.fresh();
        return { repos, putRaw: async (name, doc) => { db[name].upsert(doc); } };
      },
      close: () => store.close(),
    };
  },
};

/** Runs every contract against every store CASEWATCH_TEST_STORES allows (both by default). */
export function runContracts(contracts: readonly Contract[]): void {
  for (const kind of storeKinds()) {
    describe(`repository contract [${kind.name}]`, function () {
      this.timeout(20_000);
      let host: ContractHost;
      before(async () => { host = await contractStores[kind.name](); });
      after(async () => { await host.close(); });
      for (const contract of contracts) contract(() => host.fresh());
    });
  }
}
