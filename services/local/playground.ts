import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Logger } from "../platform/logger";
import { playgroundConfig, playgroundConfigYaml, type PlaygroundRole } from "./playground-config";
import { PLAYGROUND_PRELOAD } from "./playground-preload";
import { PlaygroundStartError } from "./playground-start-error";

export interface StartPlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  /** UI and mock-connector port. 0 picks a free one. If the port is taken the Playground picks another itself. */
  port: number;
  role: PlaygroundRole;
  logger: Logger;
  /** Where `.casewatch/playground/<role>.yml` and `<role>.log` are written (default: the current directory). */
  cwd?: string;
  startTimeoutMs?: number;
}

export interface RunningPlayground {
  role: PlaygroundRole;
  /** The chat UI to open in a browser. */
  url: string;
  port: number;
  /** The mock Bot Connector the bot's replies and proactive sends go to (the activities' serviceUrl). */
  serviceUrl: string;
  configFile: string;
  logFile: string;
  stop(): Promise<void>;
}

const LISTENING = /Listening on (\d+)/;
const FAILED = /^error .*$/m;
const BOT_UNREACHABLE = /Timed out waiting for: ([^\s;]+)/;
const portSchema = z.coerce.number().int().min(1).max(65535);
const STOP_GRACE_MS = 3000;

function tail(text: string, lines = 20): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

function readLog(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (err) {
    return `(log not readable: ${(err as Error).message})`;
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch (err) {
    // ESRCH: the group is already gone, which is what we wanted.
    if ((err as NodeJS.ErrnoException).code !== "ESRCH") throw err;
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  killGroup(child, "SIGTERM");
  const timer = setTimeout(() => killGroup(child, "SIGKILL"), STOP_GRACE_MS);
  await exited(child);
  clearTimeout(timer);
}

// What the Playground reports it loaded; the backend serves this only once its config has passed validation.
const loadedConfigSchema = z.object({
  config: z.object({ tenantId: z.string(), currentUser: z.object({ aadObjectId: z.string() }) }),
});
type LoadedConfig = z.infer<typeof loadedConfigSchema>["config"];

async function loadedConfig(port: number): Promise<LoadedConfig | undefined> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/_internal/v1/config`, { signal: AbortSignal.timeout(10_000) });
    const body: unknown = await res.json();
    return res.ok ? loadedConfigSchema.parse(body).config : undefined;
  } catch {
    // Not listening yet (ECONNREFUSED), backend not mounted yet, or still checking the bot: the caller polls.
    return undefined;
  }
}

/**
 * Resolves once the Playground prints "Listening on <port>" and its backend reports the config it loaded. It prints
 * "Listening" before it validates the config, so a listening port alone does not mean it will stay up.
 */
function waitUntilReady(child: ChildProcess, output: () => string, logFile: string, timeoutMs: number): Promise<{ port: number; loaded: LoadedConfig }> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.off("exit", onExit);
      fn();
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      finish(() => reject(new Error(`the Playground exited during startup (code ${code}, signal ${signal})`)));
    const timer = setTimeout(() => finish(() => reject(new Error(`the Playground did not answer within ${timeoutMs} ms`))), timeoutMs);
    child.on("exit", onExit);
    const poll = async () => {
      while (!settled) {
        // Some startup failures (a bad port, for one) are logged but leave the process running: fail fast on them.
        const log = readLog(logFile);
        const failure = FAILED.exec(log);
        if (failure) return finish(() => reject(new Error(`it logged "${failure[0].trim()}"`)));
        // It checks the bot before serving its own config, and keeps retrying without saying so on the console.
        const unreachable = BOT_UNREACHABLE.exec(log);
        if (unreachable) return finish(() => reject(new Error(`it cannot reach the bot at ${unreachable[1]}; start the bot first`)));
        const m = LISTENING.exec(output());
        if (m) {
          const port = portSchema.parse(m[1]);
          const loaded = await loadedConfig(port);
          if (loaded) return finish(() => resolve({ port, loaded }));
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    poll().catch((err: unknown) => finish(() => reject(err)));
  });
}

/**
 * Starts the Microsoft 365 Agents Playground (a local Teams client and Bot Connector) signed in as `role`, talking to
 * the bot at `botEndpoint`. Each role gets its own config file, log file and port.
 */
export async function startPlayground(opts: StartPlaygroundOptions): Promise<RunningPlayground> {
  const dir = path.resolve(opts.cwd ?? process.cwd(), ".casewatch", "playground");
  mkdirSync(dir, { recursive: true });
  const configFile = path.join(dir, `${opts.role}.yml`);
  const logFile = path.join(dir, `${opts.role}.log`);
  const expected = playgroundConfig(opts.role);
  writeFileSync(configFile, playgroundConfigYaml(expected));
  writeFileSync(logFile, "");
  const preload = path.join(dir, "loopback-preload.cjs");
  writeFileSync(preload, PLAYGROUND_PRELOAD);
  const log = opts.logger.child({ component: "playground", role: opts.role });
  // Resolved here, not at import: only local mode needs the Playground installed.
  const cli = require.resolve("@microsoft/m365agentsplayground/cli.js");

  // A minimal environment on purpose: the Playground is third-party code and must not see app secrets.
  const child = spawn(process.execPath, ["--require", preload, cli, "start", "-e", opts.botEndpoint, "-c", "msteams", "-p", String(opts.port), "--dt"], {
    cwd: dir,
    env: { TEAMSAPPTESTER_BROWSER: "none", M365_AGENTS_PLAYGROUND_CONFIG_PATH: configFile, M365_AGENTS_PLAYGROUND_LOGFILE: logFile },
    detached: true,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (b: Buffer) => (stdout = (stdout + b.toString()).slice(-20_000)));
  child.stderr?.on("data", (b: Buffer) => (stderr = (stderr + b.toString()).slice(-20_000)));

  let port: number;
  try {
    const ready = await waitUntilReady(child, () => stdout, logFile, opts.startTimeoutMs ?? 30_000);
    port = ready.port;
    // Guards against the Playground quietly ignoring our file and signing everyone in as its default user.
    if (ready.loaded.tenantId !== expected.tenantId || ready.loaded.currentUser.aadObjectId !== expected.currentUser.aadObjectId) {
      throw new Error(`it did not load ${configFile}: it reports tenant ${ready.loaded.tenantId} and user ${ready.loaded.currentUser.aadObjectId}`);
    }
  } catch (err) {
    await stopChild(child);
    const why = `Could not start the Agents Playground for the ${opts.role} (${(err as Error).message}).${stderr ? `\n  stderr: ${tail(stderr, 10)}` : ""}`;
    throw new PlaygroundStartError(why, logFile, tail(readLog(logFile)));
  }
  if (opts.port !== 0 && port !== opts.port) log.warn({ requestedPort: opts.port, port }, "Playground port was taken; it chose another");
  log.info({ port, pid: child.pid }, "Playground started");
  let stopping = false;
  child.once("exit", (code, signal) => {
    if (!stopping) log.error({ code, signal, logFile }, "Playground exited unexpectedly");
  });

  return {
    role: opts.role,
    url: `http://localhost:${port}`,
    port,
    serviceUrl: `http://localhost:${port}/_connector`,
    configFile,
    logFile,
    stop: async () => {
      stopping = true;
      await stopChild(child);
      log.info({ port }, "Playground stopped");
    },
  };
}
