import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { composeApp } from "../bot/compose/compose-app";
import { loadConfig } from "../services/platform/config/load-config";
import { londonDay } from "../services/rules/calendar";
import { caseDoc } from "../services/domain/case";
import { bulkCreate, bulkSeed } from "./bulk-seed";
import type { BotReady, BotRequest, BotReply, MemorySample } from "./bench-bot-protocol";
import { countOutgoingRequests } from "./request-counter";
import { syntheticForce } from "./synthetic-force";

/**
 * The bot under test, in its own process so the load generator does not share its event loop: `npm start`'s
 * composition root in local mode (embedded store, bot auth off) with the Playground, demo seed and scheduler off,
 * seeded with one inspector over `BENCH_SCOPE_CASES` cases. Talks to the bench over IPC.
 */
const send = (m: BotReply) => process.send?.(m);
const gc = (globalThis as { gc?: () => void }).gc;

function memory(): MemorySample {
  gc?.();
  const m = process.memoryUsage();
  return { rssBytes: m.rss, heapUsedBytes: m.heapUsed, heapTotalBytes: m.heapTotal, externalBytes: m.external, afterGc: gc !== undefined };
}

async function main(): Promise<void> {
  const scopeCases = Number(process.env.BENCH_SCOPE_CASES ?? "5000");
  const config = loadConfig({
    PORT: "0", LOCAL_COSMOS_PORT: "0", COSMOS_DATABASE: "bench", LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info",
    CASEWATCH_PLAYGROUND: "off", CASEWATCH_SEED_DEMO: "off", CASEWATCH_SCHEDULER: "off",
  });
  const app = composeApp(config, { playground: false });
  const running = await app.start();
  const { repos, containers } = app.store();
  const today = londonDay(app.clock.now(), config.timeZone);
  // One inspector (a DI) over every sergeant, so the status card covers the whole seeded caseload.
  const force = syntheticForce({ cases: scopeCases, dueEvery: 100, casesPerDetective: 25, detectivesPerSergeant: 8, sergeantsPerInspector: 1000 }, config.policy, today);
  const progress = { step: (label: string, done: number, total: number) => send({ type: "progress", label, done, total }), note: () => undefined };
  await bulkSeed({ label: "seeding officers", count: force.officers.length, write: (i) => repos.officers.create(force.officers[i]!), progress });
  await bulkCreate({ label: `seeding ${scopeCases.toLocaleString("en-GB")} cases`, container: containers.cases, schema: caseDoc, count: force.caseCount, doc: (i) => force.caseAt(i), progress });

  const supervisorOf = new Map(force.officers.map((o) => [o.id, o.supervisorId]));
  const aadOf = new Map(force.officers.map((o) => [o.id, o.aadObjectId!]));
  // Each case once, reviewed by its OIC's sergeant, in a scattered order (7919 is prime) so reviewers take turns.
  const reviews = Array.from({ length: force.caseCount }, (_, k) => force.caseAt((k * 7919) % force.caseCount))
    .map((c) => ({ reviewerAad: aadOf.get(supervisorOf.get(c.oicId)!)!, ref: c.ref }));
  const ready: BotReady = {
    type: "ready", botUrl: running.botUrl, inspectorAad: force.inspectors[0]!.aadObjectId!, reviews, scopeCases, pid: process.pid,
  };
  send(ready);

  const profiler = new Session();
  // Counted from here on (seeding is not a turn); the bench takes and resets the counts around each measured run.
  const requests = countOutgoingRequests();
  process.on("message", (m: BotRequest) => {
    if (m.type === "memory") send({ type: "memory", sample: memory() });
    if (m.type === "requests") send({ type: "requests", counts: requests.take() });
    // Profiles only the measured turns (not start-up or seeding), in the .cpuprofile format --cpu-prof writes.
    if (m.type === "profile-start") {
      profiler.connect();
      profiler.post("Profiler.enable", () => profiler.post("Profiler.start"));
    }
    if (m.type === "profile-stop") {
      profiler.post("Profiler.stop", (err, res) => {
        if (!err) writeFileSync(m.file, JSON.stringify(res.profile));
        profiler.disconnect();
        send({ type: "profiled", file: m.file });
      });
    }
    if (m.type === "stop") void app.stop().then(() => process.exit(0));
  });
  process.on("disconnect", () => void app.stop().then(() => process.exit(0)));
}

main().catch((err: unknown) => {
  send({ type: "failed", message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  process.exit(1);
});
