/**
 * Soak (issue 9): `npm run soak [-- --seconds 180]`. The bot as `npm start` composes it in local mode (embedded
 * store, demo force; Playground and scheduler off) runs in a child process and is driven for a bounded time with a
 * seeded mix of user turns from every demo role plus sweeps (a digest per simulated day, urgent passes between),
 * its replies and proactive cards going to a fake connector on loopback. It reports the bot's live heap and RSS after
 * a full GC once warmed up and at the end, and every error: transport failures, non-2xx answers, error cards, failed sweeps
 * and error-level log lines. Exit code 1 on any error or on memory growth above the goal.
 */
import { fork, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { Command } from "commander";
import { composeApp } from "../bot/compose/compose-app";
import { rankLevel, type Officer } from "../services/domain/officer";
import { LOCAL_TENANT_ID, loadConfig } from "../services/platform/config/load-config";
import { addDays, londonDay } from "../services/rules/calendar";
import { personalReference } from "./conversation-reference";
import { startSink, titleOf } from "./soak-sink";
import { invokeActivity, messageActivity } from "./turn-activities";

/**
 * The app's live heap after a full GC may grow by at most this fraction from warm-up to the end. In local mode the
 * embedded store keeps every document in this same heap, and every turn rightly writes one (its audit entry), so the
 * store's share is measured (see `calibrate`) and taken off: what remains is the app's own growth. RSS is reported but
 * is not the gate: it includes heap pages V8 has committed and not yet handed back, which rise and fall with load (one
 * run measured RSS 421 → 495 → 323 MB while the live heap went 83.7 → 87.9 MB).
 */
const FLAT_HEAP_GROWTH = 0.1;
/** Documents written to measure what one stored document costs the heap. */
const CALIBRATION_DOCS = 3000;

type Memory = { rssMb: number; heapMb: number; heapTotalMb: number; externalMb: number; arrayBuffersMb: number; storedDocs: number };
type Speaker = { aad: string; id: string; level: number; refs: string[]; sergeants: string[]; detectives: string[] };
type Ready = { type: "ready"; botUrl: string; today: string; speakers: Speaker[] };
type ToBot = { type: "memory" } | { type: "calibrate" } | { type: "sweep"; n: number } | { type: "stop" };
type FromBot = Ready | { type: "memory"; memory: Memory } | { type: "calibrated"; bytesPerDoc: number } | { type: "swept"; ok: boolean; sent: number; failed: number; detail: string };

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

// ---------------------------------------------------------------- the bot (child process) ----------------------

async function runBot(sinkUrl: string): Promise<void> {
  const send = (m: FromBot) => process.send?.(m);
  const config = loadConfig({ PORT: "0", LOCAL_COSMOS_PORT: "0", COSMOS_DATABASE: "soak", LOG_LEVEL: "warn", CASEWATCH_PLAYGROUND: "off", CASEWATCH_SCHEDULER: "off" });
  const app = composeApp(config, { playground: false });
  const running = await app.start();
  const { repos, containers } = app.store();
  const today = londonDay(app.clock.now(), config.timeZone);
  const officers = await repos.officers.all();
  // Every officer has a personal chat with the bot at the fake connector, so every sweep recipient is reachable.
  await Promise.all(officers.filter((o) => o.aadObjectId).map((o) => repos.conversations.upsert(personalReference(o, LOCAL_TENANT_ID, sinkUrl))));
  const cases = await repos.cases.byOic(officers.map((o) => o.id), { openOnly: true });
  const below = (id: string): Officer[] => officers.filter((o) => o.supervisorId === id).flatMap((o) => [o, ...below(o.id)]);
  const speakers = officers.filter((o) => o.aadObjectId).map((o): Speaker => {
    const team = below(o.id);
    const inScope = new Set([o.id, ...team.map((t) => t.id)]);
    return {
      aad: o.aadObjectId!, id: o.id, level: rankLevel[o.rank], refs: cases.filter((c) => inScope.has(c.oicId)).map((c) => c.ref).slice(0, 40),
      sergeants: team.filter((t) => rankLevel[t.rank] === 2).map((t) => t.id), detectives: team.filter((t) => rankLevel[t.rank] === 1).map((t) => t.id),
    };
  });
  const storedDocs = async () => {
    let n = 0;
    for (const c of Object.values(containers)) n += (await c.items.query<number>("SELECT VALUE COUNT(1) FROM c").fetchAll()).resources[0] ?? 0;
    return n;
  };
  const gc = (globalThis as { gc?: () => void }).gc;
  /**
   * What one stored document costs the heap: copies of real audit entries (the documents the soak's turns write) are
   * added to the store and the live heap after GC is compared. Run once, after the last sample.
   */
  const calibrate = async (): Promise<number> => {
    const { resources } = await containers.audit.items.query<Record<string, unknown>>("SELECT TOP 100 * FROM c").fetchAll();
    const originals = resources.map((d) => Object.fromEntries(Object.entries(d).filter(([k]) => !k.startsWith("_"))));
    gc?.();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < CALIBRATION_DOCS; i += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, j) => containers.audit.items.create({ ...originals[(i + j) % originals.length], id: `soak-calibration-${i + j}` })));
    }
    gc?.();
    return (process.memoryUsage().heapUsed - before) / CALIBRATION_DOCS;
  };
  process.on("message", (m: ToBot) => {
    if (m.type === "memory") {
      gc?.();
      const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
      const memory = { rssMb: mb(rss), heapMb: mb(heapUsed), heapTotalMb: mb(heapTotal), externalMb: mb(external), arrayBuffersMb: mb(arrayBuffers) };
      void storedDocs().then((docs) => send({ type: "memory", memory: { ...memory, storedDocs: docs } }));
    }
    if (m.type === "calibrate") void calibrate().then((bytesPerDoc) => send({ type: "calibrated", bytesPerDoc }));
    if (m.type === "sweep") {
      // One simulated day per four sweeps: its 08:00 digest, then three hourly urgent passes that day.
      const day = addDays(today, Math.floor(m.n / 4));
      const urgentOnly = m.n % 4 !== 0;
      const at = new Date(`${day}T${urgentOnly ? `${String(9 + (m.n % 4)).padStart(2, "0")}:30` : "08:00"}:00Z`);
      app.sweep().run({ at, urgentOnly }).then(
        (r) => send({ type: "swept", ok: r.outcome === "completed" && r.failed === 0, sent: r.sent, failed: r.failed, detail: `${day} ${urgentOnly ? "urgent pass" : "digest"}: ${r.outcome}` }),
        (err: unknown) => send({ type: "swept", ok: false, sent: 0, failed: 0, detail: `${(err as Error).name} ${String((err as { code?: unknown }).code ?? "")}` }),
      );
    }
    if (m.type === "stop") void app.stop().then(() => process.exit(0));
  });
  send({ type: "ready", botUrl: running.botUrl, today, speakers });
}

// ---------------------------------------------------------------- the driver ----------------------------------

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** One turn a person of this rank plausibly takes, on data in their own scope (so any refusal is a real error). */
function pickTurn(s: Speaker, today: string, random: () => number, url: string, n: number): Record<string, unknown> {
  const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(random() * xs.length)];
  const ref = pick(s.refs);
  const choices: (() => Record<string, unknown> | undefined)[] = [
    () => messageActivity(s.aad, "status", url, n),
    () => messageActivity(s.aad, s.level === 1 ? "my cases" : "due", url, n),
    () => messageActivity(s.aad, "help", url, n),
    () => (ref ? messageActivity(s.aad, `case ${ref}`, url, n) : undefined),
    () => invokeActivity(s.aad, "refresh", { view: pick(["status", "my-cases", "due", "help"] as const) }, url, n),
    () => (ref ? invokeActivity(s.aad, "open-case", { ref }, url, n) : undefined),
    () => (ref && s.level === 1 ? invokeActivity(s.aad, "confirm-progress", { ref }, url, n) : undefined),
    () => (ref && s.level === 2 ? invokeActivity(s.aad, "review", { ref }, url, n) : undefined),
    () => (s.level >= 2 ? invokeActivity(s.aad, "mark-seen", { officerId: s.id, on: today }, url, n) : undefined),
    () => (s.level >= 3 && s.sergeants.length > 0 ? invokeActivity(s.aad, "open-team", { supervisorId: pick(s.sergeants) }, url, n) : undefined),
    () => (s.level >= 2 && s.detectives.length > 0 ? invokeActivity(s.aad, "open-officer", { officerId: pick(s.detectives) }, url, n) : undefined),
  ];
  for (;;) {
    const turn = pick(choices)!();
    if (turn) return turn;
  }
}

async function main(): Promise<void> {
  const opts = new Command("soak")
    .description("Bounded soak of mixed turns and sweeps against the bot in local mode; reports live heap and RSS after warm-up vs end, and errors")
    .option("--seconds <n>", "how long to drive the bot", "180")
    .option("--warmup <n>", "seconds of warm-up before the first memory sample (default: a sixth of the run, at most 30)")
    .option("--concurrency <n>", "turns in flight at once", "8")
    .option("--sweep-every <n>", "seconds between sweeps", "4")
    .option("--seed <n>", "seed for the turn mix", "9")
    .parse(process.argv)
    .opts<{ seconds: string; warmup?: string; concurrency: string; sweepEvery: string; seed: string }>();
  const seconds = Number(opts.seconds);
  const warmup = opts.warmup !== undefined ? Number(opts.warmup) : Math.min(30, seconds / 6);
  if (!(seconds > 0) || !(warmup >= 0) || warmup >= seconds) throw new Error("--seconds must be positive and longer than --warmup");
  const note = (s: string) => process.stderr.write(`${s}\n`);

  const sink = await startSink();
  const child: ChildProcess = fork(__filename, ["--bot", sink.url], { execArgv: ["--import", "tsx", "--expose-gc"], stdio: ["ignore", "pipe", "inherit", "ipc"] });
  const logs = { errors: 0, warnings: 0, samples: [] as string[] };
  createInterface({ input: child.stdout! }).on("line", (line) => {
    const level = Number(/"level":(\d+)/.exec(line)?.[1] ?? 0);
    if (level >= 50) {
      logs.errors += 1;
      if (logs.samples.length < 5) logs.samples.push(line.slice(0, 300));
    } else if (level >= 40) logs.warnings += 1;
  });
  const replies: ((m: FromBot) => void)[] = [];
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the bot exited (${code}) before it was ready`)));
    child.on("message", (m: FromBot) => (m.type === "ready" ? resolve(m) : replies.shift()?.(m)));
  });
  const ask = <T extends FromBot["type"]>(m: ToBot, type: T) =>
    new Promise<Extract<FromBot, { type: T }>>((resolve) => { replies.push((r) => resolve(r as Extract<FromBot, { type: T }>)); child.send(m); });
  note(`soak: bot ready at ${ready.botUrl} with ${ready.speakers.length} demo officers; driving for ${seconds} s (warm-up ${warmup} s)`);

  const random = lcg(Number(opts.seed));
  const errors = { transport: 0, non2xx: 0, errorCards: 0, sweeps: 0 };
  const sweepFailures: string[] = [];
  let turns = 0;
  let sweeps = 0;
  let sent = 0;
  let inFlight = 0;
  let gate: Promise<void> | undefined;
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;

  /** Lets in-flight work finish, then samples memory with no turn or sweep running, so samples compare like for like. */
  const quietSample = async (): Promise<Memory> => {
    let open!: () => void;
    gate = new Promise<void>((r) => { open = r; });
    while (inFlight > 0) await new Promise((r) => setTimeout(r, 10));
    const { memory } = await ask({ type: "memory" }, "memory");
    gate = undefined;
    open();
    return memory;
  };
  const worker = async () => {
    while (elapsed() < seconds) {
      if (gate) await gate;
      const speaker = ready.speakers[Math.floor(random() * ready.speakers.length)]!;
      const activity = pickTurn(speaker, ready.today, random, sink.url, turns);
      inFlight += 1;
      turns += 1;
      try {
        const res = await fetch(`${ready.botUrl}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
        const text = await res.text();
        if (!res.ok) errors.non2xx += 1;
        else if (activity.type === "invoke") {
          // Opening verbs answer "Opened below." and post their card as a message (judged at the sink).
          const opened = (JSON.parse(text) as { type?: string }).type === "application/vnd.microsoft.activity.message";
          const title = titleOf(text);
          if (!opened && title?.error !== false) {
            errors.errorCards += 1;
            const what = `${(activity.value as { action: { verb: string } }).action.verb}: ${title?.text ?? "no card"}`;
            sink.errorTitles.set(what, (sink.errorTitles.get(what) ?? 0) + 1);
          }
        }
      } catch {
        errors.transport += 1;
      } finally {
        inFlight -= 1;
      }
    }
  };
  const sweeper = async () => {
    while (elapsed() < seconds) {
      await new Promise((r) => setTimeout(r, Number(opts.sweepEvery) * 1000));
      if (gate) await gate;
      inFlight += 1;
      const r = await ask({ type: "sweep", n: sweeps }, "swept");
      inFlight -= 1;
      sweeps += 1;
      sent += r.sent;
      if (!r.ok) {
        errors.sweeps += 1;
        sweepFailures.push(r.detail);
      }
    }
  };
  const samples: { at: number; memory: Memory }[] = [];
  const sampler = async () => {
    await new Promise((r) => setTimeout(r, warmup * 1000));
    while (elapsed() < seconds - 5) {
      samples.push({ at: Math.round(elapsed()), memory: await quietSample() });
      const m = samples.at(-1)!.memory;
      note(`  ${Math.round(elapsed())} s: ${turns} turns, ${sweeps} sweeps, RSS ${m.rssMb} MB, heap ${m.heapMb}/${m.heapTotalMb} MB, external ${m.externalMb} MB, ${m.storedDocs} docs`);
      await new Promise((r) => setTimeout(r, Math.max(0, Math.min(20, seconds - 5 - elapsed())) * 1000));
    }
  };
  await Promise.all([...Array.from({ length: Number(opts.concurrency) }, worker), sweeper(), sampler()]);
  const end = await quietSample();
  const warm = samples[0]?.memory ?? end;
  const { bytesPerDoc } = await ask({ type: "calibrate" }, "calibrated");
  const storeShareMb = mb((end.storedDocs - warm.storedDocs) * bytesPerDoc);
  child.send({ type: "stop" } satisfies ToBot);
  await new Promise((r) => child.once("exit", r));
  await sink.close();

  errors.errorCards += sink.counts.errorCards;
  const errorCount = Object.values(errors).reduce((a, b) => a + b, 0) + logs.errors;
  const growth = (end.heapMb - warm.heapMb - storeShareMb) / warm.heapMb;
  const rssGrowth = (end.rssMb - warm.rssMb) / warm.rssMb;
  const peakRssMb = Math.max(end.rssMb, ...samples.map((s) => s.memory.rssMb));
  const result = {
    seconds: Math.round(elapsed()), warmupSeconds: warmup, turns, turnsPerSecond: Math.round((turns / elapsed()) * 10) / 10, sweeps, cardsSentBySweeps: sent,
    repliesToConnector: sink.counts.cards + sink.counts.errorCards,
    memory: {
      afterWarmup: warm, end, storedDocBytes: Math.round(bytesPerDoc), storeShareMb, rawHeapGrowth: Math.round(((end.heapMb - warm.heapMb) / warm.heapMb) * 1000) / 1000,
      heapGrowthNetOfStore: Math.round(growth * 1000) / 1000, goal: `app heap growth (net of stored documents) ≤ ${FLAT_HEAP_GROWTH}`, rssGrowth: Math.round(rssGrowth * 1000) / 1000, peakRssMb, trajectory: samples.map((s) => `${s.at}s rss ${s.memory.rssMb}MB heap ${s.memory.heapMb}MB ext ${s.memory.externalMb}MB`) },
    errors: { ...errors, errorLogLines: logs.errors, total: errorCount }, warningLogLines: logs.warnings,
    ...(sink.errorTitles.size > 0 ? { errorCardTitles: Object.fromEntries(sink.errorTitles) } : {}),
    ...(sweepFailures.length > 0 ? { sweepFailures: sweepFailures.slice(0, 5) } : {}),
    ...(logs.samples.length > 0 ? { errorLogSamples: logs.samples } : {}),
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  note(`soak: ${turns} turns and ${sweeps} sweeps in ${result.seconds} s; live heap after GC ${warm.heapMb} MB after warm-up → ${end.heapMb} MB at the end, of which ${storeShareMb} MB is ${end.storedDocs - warm.storedDocs} more stored documents at ${Math.round(bytesPerDoc)} bytes each: app growth ${(growth * 100).toFixed(1)}% (goal ≤ ${FLAT_HEAP_GROWTH * 100}%); RSS ${warm.rssMb} → ${end.rssMb} MB (peak ${peakRssMb}); ${errorCount} errors`);
  process.exitCode = errorCount > 0 || growth > FLAT_HEAP_GROWTH ? 1 : 0;
}

if (process.argv[2] === "--bot") {
  runBot(process.argv[3] ?? "").catch((err: unknown) => {
    process.stderr.write(`soak bot failed: ${(err as Error).name}: ${(err as Error).message}\n`);
    process.exit(1);
  });
} else {
  main().catch((err: unknown) => {
    process.stderr.write(`soak failed: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
