import https from "node:https";
import { CosmosClient } from "@azure/cosmos";
import { defaultPolicy } from "../services/policy/policy";
import { caseDoc } from "../services/domain/case";
import { EMULATOR_KEY, ensureContainers, startEmbeddedCosmos } from "../services/store/cosmos-setup";
import { createCosmosRepositories } from "../services/store/repositories";
import { bulkCreate } from "./bulk-seed";
import { syntheticForce } from "./synthetic-force";
async function main() {
  const n = Number(process.argv[2]);
  const server = await startEmbeddedCosmos(0);
  const client = new CosmosClient({ endpoint: server.endpoint, key: EMULATOR_KEY, agent: new https.Agent({ rejectUnauthorized: false, keepAlive: true }), connectionPolicy: { enableEndpointDiscovery: false, requestTimeout: 30 * 60_000 } });
  const containers = await ensureContainers(client, "x");
  const repos = createCosmosRepositories(containers);
  const force = syntheticForce({ cases: n, dueEvery: 100, casesPerDetective: 25, detectivesPerSergeant: 8, sergeantsPerInspector: 5 }, defaultPolicy(), "2026-03-02");
  let t = performance.now();
  await bulkCreate({ label: "c", container: containers.cases, schema: caseDoc, count: n, doc: (i) => force.caseAt(i), progress: { step() {}, note() {} } });
  console.log("seed", n, Math.round(performance.now() - t));
  t = performance.now();
  const due = await repos.cases.needingAttention("2026-03-02", (k) => console.log("page", k, Math.round(performance.now() - t)));
  console.log("due", due.length, Math.round(performance.now() - t));
  t = performance.now();
  const r = await containers.cases.items.query("SELECT * FROM c WHERE c.type = 'case'", { maxItemCount: 1_000_000 }).fetchNext();
  console.log("all one page", r.resources.length, Math.round(performance.now() - t));
  client.dispose(); await server.close();
}
void main();
