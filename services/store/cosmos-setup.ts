import https from "node:https";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { CosmosClient, type Container } from "@azure/cosmos";
import { createHttpsServer } from "@vercel/cosmosdb-server";
import type { Config } from "../platform/config/load-config";
import { containerDefinitions, type ContainerName } from "./containers";

/** The Cosmos emulator's published well-known key; the embedded server accepts any key. */
export const EMULATOR_KEY = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

export interface EmbeddedCosmos {
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts the Cosmos-protocol server in-process on loopback (port 0 picks a free one). Keep-alive on: without it
 * the server answers every request with `Connection: close`, so each store round trip paid a fresh TLS handshake
 * on both ends of the loopback, in this one process (the bench's profile: about a fifth of a turn's CPU).
 */
export function startEmbeddedCosmos(port: number): Promise<EmbeddedCosmos> {
  const server: Server = createHttpsServer({ keepAlive: true });
  // Idle connections are left for the client to close. With Node's 5 s idle timeout the server could close a
  // socket just as the client reused it (seen as ECONNRESET on a turn after a pause): this server sets its own
  // Connection header, so Node sends no Keep-Alive timeout hint for the client to close first.
  server.keepAliveTimeout = 0;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const actual = (server.address() as AddressInfo).port;
      resolve({
        endpoint: `https://127.0.0.1:${actual}`,
        port: actual,
        close: () => new Promise<void>((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
      });
    });
  });
}

/** A client for the embedded (self-signed TLS, loopback only) server. */
export function embeddedCosmosClient(endpoint: string): CosmosClient {
  // Endpoint discovery is off: the server advertises its own address, which would bypass any proxy in front of it.
  return new CosmosClient({
    endpoint,
    key: EMULATOR_KEY,
    agent: new https.Agent({ rejectUnauthorized: false, keepAlive: true }),
    connectionPolicy: { enableEndpointDiscovery: false },
  });
}

/** A client for Azure Cosmos DB: key auth, or managed identity (Entra ID data-plane RBAC) when no key is set. */
export async function azureCosmosClient(cosmos: Exclude<Config["cosmos"], { kind: "embedded" }>): Promise<CosmosClient> {
  if (cosmos.kind === "key") return new CosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key });
  const { DefaultAzureCredential } = await import("@azure/identity");
  const aadCredentials = new DefaultAzureCredential(cosmos.clientId ? { managedIdentityClientId: cosmos.clientId } : {});
  return new CosmosClient({ endpoint: cosmos.endpoint, aadCredentials });
}

export type Containers = Record<ContainerName, Container>;

/** Creates the database and every container (with partition key and indexing policy) if missing. */
export async function ensureContainers(client: CosmosClient, databaseId: string): Promise<Containers> {
  const { database } = await client.databases.createIfNotExists({ id: databaseId });
  const entries = await Promise.all(
    (Object.keys(containerDefinitions) as ContainerName[]).map(async (name) => {
      const { container } = await database.containers.createIfNotExists(containerDefinitions[name]);
      return [name, container] as const;
    }),
  );
  return Object.fromEntries(entries) as Containers;
}
