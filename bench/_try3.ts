import https from "node:https";
import { createHttpsServer } from "@vercel/cosmosdb-server";
import { CosmosClient } from "@azure/cosmos";
import { EMULATOR_KEY } from "../services/store/cosmos-setup";
async function main() {
  const server = createHttpsServer({ keepAlive: true } as any);
  let conns = 0;
  server.on("secureConnection", () => conns++);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as any).port;
  const agent = new https.Agent({ rejectUnauthorized: false, keepAlive: true });
  const client = new CosmosClient({ endpoint: `https://127.0.0.1:${port}`, key: EMULATOR_KEY, agent, connectionPolicy: { enableEndpointDiscovery: false } });
  const { database } = await client.databases.createIfNotExists({ id: "x" });
  const { container } = await database.containers.createIfNotExists({ id: "c", partitionKey: { paths: ["/id"] } });
  console.log("conns after setup", conns);
  let t = performance.now();
  for (let i = 0; i < 200; i++) await container.items.create({ id: "a" + i, v: i });
  console.log("seq 200", performance.now() - t, "conns", conns);
  client.dispose(); server.close();
}
void main();
