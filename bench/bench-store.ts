import { randomUUID } from "node:crypto";
import { embeddedCosmosClient, ensureContainers, startEmbeddedCosmos, type Containers } from "../services/store/cosmos-setup";
import { createCosmosRepositories, type Repositories } from "../services/store/repositories";
import { countingContainer, createReadCounter, type ReadCounter } from "./counting-container";

export interface BenchStore {
  /** Each call gives an empty database on the same server, with reads of its cases counted. */
  fresh(): Promise<{ repos: Repositories; containers: Containers; caseReads: ReadCounter; officerReads: ReadCounter }>;
  close(): Promise<void>;
}

/** The embedded Cosmos-protocol server (the one local mode runs) and the real @azure/cosmos client, on loopback. */
export async function startBenchStore(): Promise<BenchStore> {
  const server = await startEmbeddedCosmos(0);
  const client = embeddedCosmosClient(server.endpoint);
  return {
    fresh: async () => {
      const containers = await ensureContainers(client, `bench-${randomUUID().slice(0, 8)}`);
      const caseReads = createReadCounter();
      const officerReads = createReadCounter();
      const counted: Containers = {
        ...containers,
        cases: countingContainer(containers.cases, caseReads),
        officers: countingContainer(containers.officers, officerReads),
      };
      return { repos: createCosmosRepositories(counted), containers: counted, caseReads, officerReads };
    },
    close: async () => {
      client.dispose();
      await server.close();
    },
  };
}
