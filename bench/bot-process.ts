import { fork, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { BotReady, BotReply, MemorySample } from "./bench-bot-protocol";
import type { RequestCounts } from "./request-counter";
import type { Progress } from "./progress";

export interface BotProcess {
  ready: BotReady;
  memory(): Promise<MemorySample>;
  /** Outgoing requests the bot made since the last call (store round trips by kind, and connector posts). */
  requests(): Promise<RequestCounts>;
  /** CPU-profiles the bot from now until profileStop (written as a .cpuprofile for Chrome DevTools). */
  profileStart(): void;
  profileStop(file: string): Promise<void>;
  /** Log lines at error level or above the bot wrote (pino level ≥ 50), e.g. "turn failed". */
  errorLogs(): number;
  /** The first few error lines' message and error name (the app logs no personal data), to say what failed. */
  errorSamples(): string[];
  resetErrorLogs(): void;
  stop(): Promise<void>;
}

/**
 * Starts bench-bot.ts in its own Node process (with --expose-gc) and waits until it
 * listens and is seeded. Its stdout is the app's pino JSON log, read here only to count error lines.
 */
export async function startBotProcess(opts: { scopeCases: number; progress: Progress }): Promise<BotProcess> {
  const execArgv = ["--import", "tsx", "--expose-gc"];
  const child: ChildProcess = fork(join(__dirname, "bench-bot.ts"), [], {
    execArgv,
    env: { ...process.env, BENCH_SCOPE_CASES: String(opts.scopeCases) },
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
  let errors = 0;
  const samples: string[] = [];
  createInterface({ input: child.stdout! }).on("line", (line) => {
    if (!/"level":(5\d|60)\b/.test(line)) return;
    errors += 1;
    if (samples.length < 3) samples.push(errorSample(line));
  });
  const waiters: ((m: MemorySample) => void)[] = [];
  const profiled: (() => void)[] = [];
  const counted: ((c: RequestCounts) => void)[] = [];
  const ready = await new Promise<BotReady>((resolve, reject) => {
    child.on("exit", (code) => reject(new Error(`bench bot exited with code ${code} before it was ready`)));
    child.on("message", (m: BotReply) => {
      if (m.type === "ready") resolve(m);
      else if (m.type === "progress") opts.progress.step(m.label, m.done, m.total);
      else if (m.type === "failed") reject(new Error(`bench bot failed to start: ${m.message}`));
      else if (m.type === "memory") waiters.shift()?.(m.sample);
      else if (m.type === "profiled") profiled.shift()?.();
      else if (m.type === "requests") counted.shift()?.(m.counts);
    });
  });
  return {
    ready,
    memory: () => new Promise<MemorySample>((resolve) => {
      waiters.push(resolve);
      child.send({ type: "memory" });
    }),
    requests: () => new Promise<RequestCounts>((resolve) => {
      counted.push(resolve);
      child.send({ type: "requests" });
    }),
    profileStart: () => child.send({ type: "profile-start" }),
    profileStop: (file) => new Promise<void>((resolve) => {
      profiled.push(resolve);
      child.send({ type: "profile-stop", file });
    }),
    errorLogs: () => errors,
    errorSamples: () => [...samples],
    resetErrorLogs: () => { errors = 0; samples.length = 0; },
    // A clean stop closes the embedded store and the server the way Ctrl-C does.
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.removeAllListeners("exit");
      child.once("exit", () => resolve());
      child.send({ type: "stop" });
    }),
  };
}

function errorSample(line: string): string {
  try {
    const e = JSON.parse(line) as { msg?: string; errName?: string; code?: string; message?: string; frames?: string[] };
    return [e.msg, e.errName, e.code, e.message, e.frames?.[0]].filter((x) => x !== undefined).join(" | ");
  } catch {
    return line.slice(0, 300);
  }
}
