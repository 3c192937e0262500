import { randomUUID } from "node:crypto";
import { embeddedCosmosClient, ensureContainers, startEmbeddedCosmos, type Containers, type EmbeddedCosmos } from "../../services/store/cosmos-setup";
import { createCosmosRepositories, type Repositories } from "../../services/store/repositories";

export interface TestStore {
  server: EmbeddedCosmos;
  containers: Containers;
  repos: Repositories;
  /** A fresh, empty database on the same server. */
  fresh(): Promise<{ containers: Containers; repos: Repositories }>;
  close(): Promise<void>;
}

/** The real @azure/cosmos client against an in-process Cosmos-protocol server on a random loopback port. */
export async function startTestStore(): Promise<TestStore> {
  const server = await startEmbeddedCosmos(0);
  const client = embeddedCosmosClient(server.endpoint);
  const fresh = async () => {
    const containers = await ensureContainers(client, `test-${randomUUID()}`);
    return { containers, repos: createCosmosRepositories(containers) };
  };
  const first = await fresh();
  return {
    server,
    ...first,
    fresh,
    close: async () => {
      client.dispose();
      await server.close();
    },
  };
}
