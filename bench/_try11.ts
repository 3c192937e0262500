import { BulkOperationType, type OperationInput } from "@azure/cosmos";
import { defaultPolicy } from "../services/policy/policy";
import { caseDoc } from "../services/domain/case";
import { startBenchStore } from "./bench-store";
import { syntheticForce } from "./synthetic-force";
async function main() {
  const store = await startBenchStore();
  const { repos, containers, caseReads } = await store.fresh();
  const force = syntheticForce({ cases: 20000, dueEvery: 100, casesPerDetective: 25, detectivesPerSergeant: 8, sergeantsPerInspector: 5 }, defaultPolicy(), "2026-03-02");
  let t = performance.now();
  for (let k = 0; k < 20000; k += 100) {
    const ops: OperationInput[] = Array.from({ length: 100 }, (_, j) => ({ operationType: BulkOperationType.Create, resourceBody: caseDoc.parse(force.caseAt(k + j)) as any }));
    const res = await containers.cases.items.bulk(ops);
    if (res.some((r) => r.statusCode >= 300)) { console.log("bad", res.find((r) => r.statusCode >= 300)); break; }
  }
  console.log("bulk 20000", Math.round(performance.now() - t));
  const due = await repos.cases.needingAttention("2026-03-02");
  console.log(due.length, caseReads.total());
  const c = await repos.cases.getByRef(force.caseAt(5).ref);
  console.log(c?.ref, c?._etag !== undefined);
  await store.close();
}
void main();
