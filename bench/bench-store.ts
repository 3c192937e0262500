import https from "node:https";
import { randomUUID } from "node:crypto";
import { CosmosClient } from "@azure/cosmos";
import { EMULATOR_KEY, ensureContainers, startEmbeddedCosmos, type Containers } from "../services/store/cosmos-setup";
import { createCosmosRepositories, type Repositories } from "../services/store/repositories";
import { countingContainer, createReadCounter, type ReadCounter } from "./counting-container";

export interface BenchDatabase {
  repos: Repositories;
  /** The containers the repositories use; cases and officers count what the store returns. */
  containers: Containers;
  caseReads: ReadCounter;
  officerReads: ReadCounter;
  /** Deletes the database, so the in-memory store does not carry it into the next measure. */
  drop(): Promise<void>;
}

export interface BenchStore {
  fresh(): Promise<BenchDatabase>;
  close(): Promise<void>;
}

/**
 * The SDK's per-request timeout for the bench's client. The embedded server evaluates every query over the whole
 * container in O(n²) time (see bench/README.md), so at 100,000 cases one query takes minutes; with the SDK's
 * default of 60 s the sweep would fail instead of being measured.
 */
const REQUEST_TIMEOUT_MS = 30 * 60_000;

/**
 * The embedded Cosmos-protocol server local mode runs (services/store/cosmos-setup.ts), with the real @azure/cosmos
 * client configured as embeddedCosmosClient() configures it, except for the request timeout.
 */
export async function startBenchStore(): Promise<BenchStore> {
  const server = await startEmbeddedCosmos(0);
  const client = new CosmosClient({
    endpoint: server.endpoint,
    key: EMULATOR_KEY,
    agent: new https.Agent({ rejectUnauthorized: false, keepAlive: true }),
    connectionPolicy: { enableEndpointDiscovery: false, requestTimeout: REQUEST_TIMEOUT_MS },
  });
  return {
    fresh: async () => {
      const databaseId = `bench-${randomUUID().slice(0, 8)}`;
      const containers = await ensureContainers(client, databaseId);
      const caseReads = createReadCounter();
      const officerReads = createReadCounter();
      const counted: Containers = {
        ...containers,
        cases: countingContainer(containers.cases, caseReads),
        officers: countingContainer(containers.officers, officerReads),
      };
      return {
        repos: createCosmosRepositories(counted), containers: counted, caseReads, officerReads,
        drop: async () => { await client.database(databaseId).delete(); },
      };
    },
    close: async () => {
      client.dispose();
      await server.close();
    },
  };
}
