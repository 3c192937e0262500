import { defaultPolicy } from "../services/policy/policy";
import { startBenchStore } from "./bench-store";
import { syntheticForce } from "./synthetic-force";
async function main() {
  const store = await startBenchStore();
  const { repos } = await store.fresh();
  const force = syntheticForce({ cases: 100000, dueEvery: 100, casesPerDetective: 25, detectivesPerSergeant: 8, sergeantsPerInspector: 5 }, defaultPolicy(), "2026-03-02");
  let t = performance.now();
  for (let k = 0; k < 16; k++) {
    await Promise.all(Array.from({ length: 8 }, async (_, w) => { for (let i = w; i < 1000; i += 8) await repos.cases.create(force.caseAt(k * 1000 + i)); }));
    console.log((k + 1) * 1000, Math.round(performance.now() - t)); t = performance.now();
  }
  await store.close();
}
void main();
