import { defaultPolicy } from "../services/policy/policy";
import { startBenchStore } from "./bench-store";
import { syntheticForce } from "./synthetic-force";
async function main() {
  const store = await startBenchStore();
  const { repos, containers } = await store.fresh();
  const force = syntheticForce({ cases: 10000, dueEvery: 100, casesPerDetective: 25, detectivesPerSergeant: 8, sergeantsPerInspector: 5 }, defaultPolicy(), "2026-03-02");
  let t = performance.now();
  for (let i = 0; i < 200; i++) await repos.cases.create(force.caseAt(i));
  console.log("seq repo create 200", performance.now() - t);
  t = performance.now();
  for (let i = 200; i < 400; i++) await containers.cases.items.create(force.caseAt(i));
  console.log("seq raw create 200", performance.now() - t);
  t = performance.now();
  await Promise.all(Array.from({length: 200}, (_, k) => containers.cases.items.create(force.caseAt(400 + k))));
  console.log("par raw create 200", performance.now() - t);
  await store.close();
}
void main();
