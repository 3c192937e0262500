import { defaultPolicy } from "../services/policy/policy";
import { startBenchStore } from "./bench-store";
import { createProgress } from "./progress";
import { measureSweepCost } from "./sweep-cost";
async function main() {
  const store = await startBenchStore();
  const r = await measureSweepCost({ cases: Number(process.argv[2]), dueEvery: 100, casesPerDetective: 25, detectivesPerSergeant: 8, sergeantsPerInspector: 5 }, defaultPolicy(), store, createProgress());
  console.log(JSON.stringify(r, null, 1));
  await store.close();
}
void main();
