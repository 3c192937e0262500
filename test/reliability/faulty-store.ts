import { randomUUID } from "node:crypto";
import { containerDefinitions, type ContainerName } from "../../services/store/containers";
import { embeddedCosmosClient, ensureContainers, type Containers, type EmbeddedCosmos } from "../../services/store/cosmos-setup";
import { createCosmosRepositories, type Repositories } from "../../services/store/repositories";
import { startCosmosFaultProxy, switchable, type CosmosFaultProxy, type FaultPlan } from "../support/cosmos-fault-proxy";

export interface FaultyStore {
  /** Repositories through the fault proxy: what the code under test uses. */
  repos: Repositories;
  containers: Containers;
  /** Repositories straight to the server, for seeding and for checking what was really stored. */
  direct: { repos: Repositories; containers: Containers };
  proxy: CosmosFaultProxy;
  faults: ReturnType<typeof switchable>;
  close(): Promise<void>;
}

/**
 * A fresh database on `server`, reachable two ways: directly, and through a fault proxy whose faults start switched
 * off. The proxied client is the real @azure/cosmos client with its own retry policy (it retries 429s itself).
 */
export async function openFaultyStore(server: EmbeddedCosmos, plan: FaultPlan): Promise<FaultyStore> {
  const databaseId = `faults-${randomUUID()}`;
  const directClient = embeddedCosmosClient(server.endpoint);
  const directContainers = await ensureContainers(directClient, databaseId);
  const faults = switchable(plan);
  const proxy = await startCosmosFaultProxy(server.endpoint, faults);
  const client = embeddedCosmosClient(proxy.endpoint);
  const database = client.database(databaseId);
  const containers = Object.fromEntries(
    (Object.keys(containerDefinitions) as ContainerName[]).map((name) => [name, database.container(containerDefinitions[name].id)]),
  ) as Containers;
  return {
    repos: createCosmosRepositories(containers),
    containers,
    direct: { repos: createCosmosRepositories(directContainers), containers: directContainers },
    proxy,
    faults,
    close: async () => {
      client.dispose();
      directClient.dispose();
      await proxy.close();
    },
  };
}
