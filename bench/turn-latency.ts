import { mkdirSync } from "node:fs";
import { join } from "node:path";
import autocannon from "autocannon";
import type { MemorySample } from "./bench-bot-protocol";
import { startBotProcess, type BotProcess } from "./bot-process";
import type { Progress } from "./progress";
import { firstTextBlock, ReplySink, type TextBlock } from "./reply-sink";
import { invokeActivity, messageActivity, reviewInvokeScenario } from "./turn-activities";

export interface TurnRun {
  scenario: string;
  requests: number;
  seconds: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  meanMs: number;
  /** Completed turns per second over the run: with `connections` always busy, mean latency ≈ connections ÷ this (Little's law). */
  throughputPerSecond: number;
  maxMs: number;
  /** Transport errors, timeouts, non-2xx answers, error cards (as replies or invoke bodies) and error log lines. */
  errors: number;
  errorDetail: Record<string, number>;
  /** What the bot logged for the first few errors (error name, code, message, top frame). */
  errorSamples: string[];
  /** Store round trips per turn (all kinds), and by kind; connector posts (replies, notifications) per turn. */
  storeRequestsPerTurn: number;
  storeRequestsByKind: Record<string, number>;
  connectorRequestsPerTurn: number;
}

export interface TurnLatencyResult {
  connections: number;
  scopeCases: number;
  status: TurnRun;
  invoke: TurnRun;
  /** The same turns one at a time (after warm-up): what one turn costs before any queueing. */
  serial: { status: TurnRun; invoke: TurnRun };
  memory: { beforeWarmup: MemorySample; afterWarmup: MemorySample; afterStatus: MemorySample; end: MemorySample; growthAfterWarmup: number };
}

/** Casewatch's error cards open with an "attention" title; the not-registered card means the bench's activity was wrong. */
const isErrorCard = (t: TextBlock) => t.color === "attention" || /not registered/i.test(t.text);

type Load = { title: string; requests: number; body: (n: number) => Record<string, unknown>; judge?: (body: string) => string | undefined };
type Fired = autocannon.Result & { bodyErrors: Record<string, number>; latenciesMs: number[] };

/** Teams redelivers a message it has no answer to within 15 s, so a slower turn is an error whatever it returns. */
export const TEAMS_WINDOW_MS = 15_000;

/**
 * One autocannon run of `load.requests` requests at `connections` concurrent, each a fresh activity. Runs by count,
 * not duration, so slow turns are measured rather than cut off; each request is timed here (one request in flight
 * per connection) so the percentiles include turns slower than Teams' window.
 */
async function fire(botUrl: string, connections: number, load: Load, progress: Progress): Promise<Fired> {
  let n = 0;
  const bodyErrors: Record<string, number> = {};
  const latenciesMs: number[] = [];
  const instance = autocannon({
    url: `${botUrl}/api/messages`,
    connections,
    amount: load.requests,
    timeout: 300,
    requests: [{
      method: "POST",
      headers: { "content-type": "application/json" },
      setupRequest: (req, context) => {
        (context as { sentAt?: number }).sentAt = performance.now();
        return { ...req, body: JSON.stringify(load.body(n++)) };
      },
      onResponse: (_status: number, body: string, context: object) => {
        latenciesMs.push(performance.now() - ((context as { sentAt?: number }).sentAt ?? 0));
        if (latenciesMs.length % 25 === 0) progress.step(load.title, latenciesMs.length, load.requests);
        const problem = load.judge?.(body);
        if (problem) bodyErrors[problem] = (bodyErrors[problem] ?? 0) + 1;
      },
    }],
  });
  const result = await instance;
  progress.step(load.title, load.requests, load.requests);
  return { ...result, bodyErrors, latenciesMs };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** An invoke's answer is its card: judge it like a reply. */
function judgeInvoke(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { value?: unknown; statusCode?: number };
    const title = firstTextBlock((parsed.value ?? parsed) as unknown);
    if (!title) return "invoke answered without a card";
    return isErrorCard(title) ? `invoke error card: ${title.text}` : undefined;
  } catch {
    return "invoke answer is not JSON";
  }
}

async function measured(bot: BotProcess, sink: ReplySink, run: Load, scenario: string, connections: number, progress: Progress, cpuProfDir?: string): Promise<TurnRun> {
  sink.reset();
  bot.resetErrorLogs();
  await bot.requests();
  if (cpuProfDir) bot.profileStart();
  const r = await fire(bot.ready.botUrl, connections, run, progress);
  const requests = await bot.requests();
  const sorted = [...r.latenciesMs].sort((a, b) => a - b);
  const overWindow = sorted.filter((ms) => ms > TEAMS_WINDOW_MS).length;
  if (cpuProfDir) {
    mkdirSync(cpuProfDir, { recursive: true });
    const file = join(cpuProfDir, `bot-${run.title}.cpuprofile`);
    await bot.profileStop(file);
    progress.note(`  CPU profile of the bot during "${run.title}": ${file}`);
  }
  const errorDetail: Record<string, number> = {
    "transport errors": r.errors, timeouts: r.timeouts, "non-2xx": r.non2xx, "error-level log lines": bot.errorLogs(),
    [`slower than Teams' ${TEAMS_WINDOW_MS / 1000} s window`]: overWindow,
    ...Object.fromEntries([...sink.errorTitles].map(([t, k]) => [`error reply: ${t}`, k])),
    ...r.bodyErrors,
  };
  const errors = r.errors + r.non2xx + overWindow + bot.errorLogs() + sink.counts["error-card"] + Object.values(r.bodyErrors).reduce((a, b) => a + b, 0);
  return {
    scenario, requests: sorted.length, seconds: r.duration, p50Ms: percentile(sorted, 50), p90Ms: percentile(sorted, 90), p99Ms: percentile(sorted, 99), maxMs: sorted.at(-1) ?? Number.NaN,
    meanMs: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length), throughputPerSecond: sorted.length / Math.max(r.duration, 1e-9),
    errors, errorDetail: Object.fromEntries(Object.entries(errorDetail).filter(([, v]) => v > 0)), errorSamples: bot.errorSamples(),
    storeRequestsPerTurn: requests.store / Math.max(1, sorted.length), storeRequestsByKind: requests.storeByKind,
    connectorRequestsPerTurn: requests.other / Math.max(1, sorted.length),
  };
}

/**
 * Turn latency and memory: the bot in its own process (local mode, auth off), its replies going to a fake
 * connector, autocannon at `connections` concurrent requests. Memory is sampled after a full GC before warm-up,
 * after warm-up, and at the end.
 */
const SERIAL_REQUESTS = 10;

export interface TurnLatencyOptions {
  connections: number;
  scopeCases: number;
  /** Requests per connection in each measured run, and in the warm-up before them. */
  statusPerConnection: number;
  invokePerConnection: number;
  warmupPerConnection: number;
  cpuProfDir?: string;
}

export async function measureTurnLatency(opts: TurnLatencyOptions, progress: Progress): Promise<TurnLatencyResult> {
  progress.note(`Turn latency: bot in local mode, ${opts.scopeCases.toLocaleString("en-GB")} cases in the inspector's scope, ${opts.connections} concurrent`);
  const sink = await new ReplySink(isErrorCard).start();
  const bot = await startBotProcess({ scopeCases: opts.scopeCases, progress });
  try {
    const { inspectorAad, reviews } = bot.ready;
    const c = opts.connections;
    const status: Load = { title: "status", requests: c * opts.statusPerConnection, body: (n) => messageActivity(inspectorAad, "status", sink.url, n) };
    const scenario = reviewInvokeScenario();
    let next = 0;
    const invoke: Load = {
      title: scenario.verb, requests: c * opts.invokePerConnection, judge: judgeInvoke,
      body: (n) => {
        const r = reviews[next++ % reviews.length]!;
        return invokeActivity(r.reviewerAad, scenario.verb, scenario.data(r.ref), sink.url, n);
      },
    };
    const beforeWarmup = await bot.memory();
    await fire(bot.ready.botUrl, c, { ...status, title: "warm-up (status)", requests: c * opts.warmupPerConnection }, progress);
    await fire(bot.ready.botUrl, c, { ...invoke, title: `warm-up (${scenario.verb})`, requests: c * opts.warmupPerConnection }, progress);
    const afterWarmup = await bot.memory();
    const serial = {
      status: await measured(bot, sink, { ...status, title: "status, one at a time", requests: SERIAL_REQUESTS }, "inspector status", 1, progress),
      invoke: await measured(bot, sink, { ...invoke, title: `${scenario.verb}, one at a time`, requests: SERIAL_REQUESTS }, scenario.description, 1, progress),
    };
    const statusRun = await measured(bot, sink, status, "inspector status", opts.connections, progress, opts.cpuProfDir);
    const afterStatus = await bot.memory();
    const invokeRun = await measured(bot, sink, invoke, scenario.description, opts.connections, progress, opts.cpuProfDir);
    const end = await bot.memory();
    return {
      connections: opts.connections, scopeCases: bot.ready.scopeCases, status: statusRun, invoke: invokeRun, serial,
      memory: { beforeWarmup, afterWarmup, afterStatus, end, growthAfterWarmup: (end.rssBytes - afterWarmup.rssBytes) / afterWarmup.rssBytes },
    };
  } finally {
    await bot.stop();
    await sink.close();
  }
}
