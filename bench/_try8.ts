import { createProgress } from "./progress";
import { measureTurnLatency } from "./turn-latency";
async function main() {
  const r = await measureTurnLatency({ connections: 50, scopeCases: Number(process.argv[2] ?? 5000), warmupSeconds: 4, runSeconds: Number(process.argv[3] ?? 8) }, createProgress());
  console.log(JSON.stringify(r, null, 1));
}
void main();
