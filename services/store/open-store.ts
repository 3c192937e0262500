import type { CosmosClient } from "@azure/cosmos";
import type { Config } from "../platform/config/load-config";
import { CasewatchError } from "../platform/errors";
import { azureCosmosClient, embeddedCosmosClient, ensureContainers, startEmbeddedCosmos, type Containers, type EmbeddedCosmos } from "./cosmos-setup";
import { createCosmosRepositories, type Repositories } from "./repositories";

export interface OpenStore {
  containers: Containers;
  repos: Repositories;
  endpoint: string;
  embedded?: EmbeddedCosmos;
  /** A cheap round trip, for /readyz. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

function isAddressInUse(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "EADDRINUSE";
}

async function connect(client: CosmosClient, database: string, endpoint: string, embedded?: EmbeddedCosmos): Promise<OpenStore> {
  const containers = await ensureContainers(client, database);
  return {
    containers,
    repos: createCosmosRepositories(containers),
    endpoint,
    ...(embedded ? { embedded } : {}),
    ping: async () => {
      try {
        await containers.officers.read();
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      client.dispose();
      await embedded?.close();
    },
  };
}

/**
 * Opens the configured store. In local mode `host: true` starts the embedded Cosmos-protocol server (the app);
 * `host: false` attaches to the one the running app already serves (the CLI).
 */
export async function openStore(config: Config, opts: { host: boolean }): Promise<OpenStore> {
  const c = config.cosmos;
  if (c.kind !== "embedded") return connect(await azureCosmosClient(c), c.database, c.endpoint);
  if (!opts.host) {
    const endpoint = `https://127.0.0.1:${c.port}`;
    const client = embeddedCosmosClient(endpoint);
    try {
      return await connect(client, c.database, endpoint);
    } catch (err) {
      client.dispose();
      throw new CasewatchError("STORE_UNAVAILABLE", `No local Casewatch store answers at ${endpoint}. Start Casewatch first with "npm start" (local mode), or set COSMOS_ENDPOINT. (${(err as Error).message})`);
    }
  }
  let embedded: EmbeddedCosmos;
  try {
    embedded = await startEmbeddedCosmos(c.port);
  } catch (err) {
    if (isAddressInUse(err)) {
      throw new CasewatchError("STORE_UNAVAILABLE", `Port ${c.port} is in use, so the embedded store cannot start. Stop the other process (another "npm start"?) or set LOCAL_COSMOS_PORT.`);
    }
    throw err;
  }
  return connect(embeddedCosmosClient(embedded.endpoint), c.database, embedded.endpoint, embedded);
}
