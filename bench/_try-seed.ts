import { defaultPolicy } from "../services/policy/policy";
import { startBenchStore } from "./bench-store";
import { bulkSeed } from "./bulk-seed";
import { createProgress } from "./progress";
import { syntheticForce } from "./synthetic-force";
async function main() {
  const store = await startBenchStore();
  const { repos, caseReads } = await store.fresh();
  const force = syntheticForce({ cases: Number(process.argv[2] ?? 10000), dueEvery: 100, casesPerDetective: 25, detectivesPerSergeant: 8, sergeantsPerInspector: 5 }, defaultPolicy(), "2026-03-02");
  const p = createProgress();
  console.log(await bulkSeed({ label: "officers", count: force.officers.length, write: (i) => repos.officers.create(force.officers[i]!), progress: p }));
  console.log(await bulkSeed({ label: "cases", count: force.caseCount, write: (i) => repos.cases.create(force.caseAt(i)), progress: p, concurrency: Number(process.argv[3] ?? 32) }));
  let t = performance.now();
  const due = await repos.cases.needingAttention("2026-03-02");
  console.log("due", due.length, force.dueCount, caseReads.total(), performance.now() - t);
  t = performance.now();
  caseReads.reset();
  const all = await (repos.cases as any).byOic(force.detectives.slice(0, 200).map((d) => d.id), { openOnly: true });
  console.log("byOic 200", all.length, caseReads.total(), performance.now() - t);
  console.log(process.memoryUsage().rss / 1e6);
  await store.close();
}
void main();
