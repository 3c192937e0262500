import { defaultPolicy } from "../services/policy/policy";
import { startBenchStore } from "./bench-store";
import { createProgress } from "./progress";
import { measureFanOut } from "./fan-out";
async function main() {
  const store = await startBenchStore();
  const starts: number[] = [];
  (globalThis as any).__starts = starts;
  const r = await measureFanOut({ recipients: Number(process.argv[2]), perSecond: Number(process.argv[3]) }, defaultPolicy(), store, { step() {}, note() {} });
  const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
  const buckets = new Map<string, number>();
  for (const g of gaps) { const b = g < 19 ? "<19" : g < 22 ? "19-22" : g < 30 ? "22-30" : g < 60 ? "30-60" : g < 200 ? "60-200" : ">200"; buckets.set(b, (buckets.get(b) ?? 0) + 1); }
  console.log(r.ratio, r.throttled, [...buckets]);
  const big = gaps.map((g, i) => [i, g]).filter(([, g]) => g! > 60);
  console.log(big.slice(0, 20).map(([i, g]) => `${i}:${g!.toFixed(0)}`).join(" "));
  await store.close();
}
void main();
