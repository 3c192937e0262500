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
  p99Ms: number;
  maxMs: number;
  /** Transport errors, timeouts, non-2xx answers, error cards (as replies or invoke bodies) and error log lines. */
  errors: number;
  errorDetail: Record<string, number>;
}

export interface TurnLatencyResult {
  connections: number;
  scopeCases: number;
  status: TurnRun;
  invoke: TurnRun;
  memory: { beforeWarmup: MemorySample; afterWarmup: MemorySample; end: MemorySample; growthAfterWarmup: number };
}

/** Casewatch's error cards open with an "attention" title; the not-registered card means the bench's activity was wrong. */
const isErrorCard = (t: TextBlock) => t.color === "attention" || /not registered/i.test(t.text);

type Load = { title: string; seconds: number; body: (n: number) => Record<string, unknown>; judge?: (body: string) => string | undefined };

/** One autocannon run at `connections` concurrent requests, each request a fresh activity. */
async function fire(botUrl: string, connections: number, load: Load, progress: Progress): Promise<autocannon.Result & { bodyErrors: Record<string, number> }> {
  let n = 0;
  const bodyErrors: Record<string, number> = {};
  const instance = autocannon({
    url: `${botUrl}/api/messages`,
    connections,
    duration: load.seconds,
    timeout: 15,
    requests: [{
      method: "POST",
      headers: { "content-type": "application/json" },
      setupRequest: (req) => ({ ...req, body: JSON.stringify(load.body(n++)) }),
      ...(load.judge ? {
        onResponse: (_status: number, body: string) => {
          const problem = load.judge!(body);
          if (problem) bodyErrors[problem] = (bodyErrors[problem] ?? 0) + 1;
        },
      } : {}),
    }],
  });
  const started = Date.now();
  const ticker = setInterval(() => progress.step(load.title, Math.min(load.seconds, Math.round((Date.now() - started) / 1000)), load.seconds), 1000);
  try {
    return { ...(await instance), bodyErrors };
  } finally {
    clearInterval(ticker);
    progress.step(load.title, load.seconds, load.seconds);
  }
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
  if (cpuProfDir) bot.profileStart();
  const r = await fire(bot.ready.botUrl, connections, run, progress);
  if (cpuProfDir) {
    mkdirSync(cpuProfDir, { recursive: true });
    const file = join(cpuProfDir, `bot-${run.title}.cpuprofile`);
    await bot.profileStop(file);
    progress.note(`  CPU profile of the bot during "${run.title}": ${file}`);
  }
  const errorDetail: Record<string, number> = {
    "transport errors": r.errors, timeouts: r.timeouts, "non-2xx": r.non2xx, "error-level log lines": bot.errorLogs(),
    ...Object.fromEntries([...sink.errorTitles].map(([t, k]) => [`error reply: ${t}`, k])),
    ...r.bodyErrors,
  };
  const errors = r.errors + r.non2xx + bot.errorLogs() + sink.counts["error-card"] + Object.values(r.bodyErrors).reduce((a, b) => a + b, 0);
  return {
    scenario, requests: r.requests.total, seconds: r.duration, p50Ms: r.latency.p50, p99Ms: r.latency.p99, maxMs: r.latency.max,
    errors, errorDetail: Object.fromEntries(Object.entries(errorDetail).filter(([, v]) => v > 0)),
  };
}

/**
 * Turn latency and memory: the bot in its own process (local mode, auth off), its replies going to a fake
 * connector, autocannon at `connections` concurrent requests. Memory is sampled after a full GC before warm-up,
 * after warm-up, and at the end.
 */
export async function measureTurnLatency(opts: { connections: number; scopeCases: number; warmupSeconds: number; runSeconds: number; cpuProfDir?: string }, progress: Progress): Promise<TurnLatencyResult> {
  progress.note(`Turn latency: bot in local mode, ${opts.scopeCases.toLocaleString("en-GB")} cases in the inspector's scope, ${opts.connections} concurrent`);
  const sink = await new ReplySink(isErrorCard).start();
  const bot = await startBotProcess({ scopeCases: opts.scopeCases, progress });
  try {
    const { inspectorAad, reviews } = bot.ready;
    const status: Load = { title: "status", seconds: opts.runSeconds, body: (n) => messageActivity(inspectorAad, "status", sink.url, n) };
    const scenario = reviewInvokeScenario();
    let next = 0;
    const invoke: Load = {
      title: scenario.verb, seconds: opts.runSeconds, judge: judgeInvoke,
      body: (n) => {
        const r = reviews[next++ % reviews.length]!;
        return invokeActivity(r.reviewerAad, scenario.verb, scenario.data(r.ref), sink.url, n);
      },
    };
    const beforeWarmup = await bot.memory();
    await fire(bot.ready.botUrl, opts.connections, { ...status, title: "warm-up (status)", seconds: opts.warmupSeconds }, progress);
    await fire(bot.ready.botUrl, opts.connections, { ...invoke, title: `warm-up (${scenario.verb})`, seconds: Math.max(1, Math.round(opts.warmupSeconds / 2)) }, progress);
    const afterWarmup = await bot.memory();
    const statusRun = await measured(bot, sink, status, "inspector status", opts.connections, progress, opts.cpuProfDir);
    const invokeRun = await measured(bot, sink, invoke, scenario.description, opts.connections, progress, opts.cpuProfDir);
    const end = await bot.memory();
    return {
      connections: opts.connections, scopeCases: bot.ready.scopeCases, status: statusRun, invoke: invokeRun,
      memory: { beforeWarmup, afterWarmup, end, growthAfterWarmup: (end.rssBytes - afterWarmup.rssBytes) / afterWarmup.rssBytes },
    };
  } finally {
    await bot.stop();
    await sink.close();
  }
}
