import { defaultPolicy } from "../services/policy/policy";
import { startBenchStore } from "./bench-store";
import { createProgress } from "./progress";
import { measureFanOut } from "./fan-out";
async function main() {
  const store = await startBenchStore();
  const r = await measureFanOut({ recipients: Number(process.argv[2]), perSecond: Number(process.argv[3]) }, defaultPolicy(), store, createProgress());
  console.log(JSON.stringify(r, null, 1));
  await store.close();
}
void main();
