import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const CHILD_SOURCE = join(__dirname, "sweep-crash-child.ts");

/**
 * How to start the sweep child. Bundled once with esbuild (which tsx already brings) it starts in ~0.3 s instead of
 * ~1.5 s under tsx, which is what keeps 20 crash runs inside the suite's time budget; tsx is the fallback.
 */
export function prepareSweepChild(): { command: string[]; dispose(): void } {
  const out = join(tmpdir(), `casewatch-sweep-child-${randomUUID()}.js`);
  try {
    const esbuild = require("esbuild") as { buildSync(o: Record<string, unknown>): unknown };
    esbuild.buildSync({ entryPoints: [CHILD_SOURCE], bundle: true, platform: "node", target: "node20", outfile: out, format: "cjs", logLevel: "error" });
    return { command: [process.execPath, out], dispose: () => rmSync(out, { force: true }) };
  } catch {
    return { command: [process.execPath, "--require", "tsx/cjs", CHILD_SOURCE], dispose: () => undefined };
  }
}

export interface SweepChild {
  process: ChildProcess;
  /** Resolves when the child is about to start its sweep. */
  ready: Promise<void>;
  /** Resolves with the exit code (null when killed) and whether it finished its sweep. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; finished: boolean; stderr: string }>;
  kill(): Promise<void>;
}

export function startSweepChild(command: string[], args: Record<string, unknown>): SweepChild {
  const [bin, ...rest] = command;
  const child = spawn(bin!, [...rest, JSON.stringify(args)], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  let finished = false;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => { markReady = r; });
  child.stdout!.on("data", (b: Buffer) => {
    stdout += b.toString("utf8");
    if (stdout.includes("ready\n")) markReady();
    if (stdout.includes("done ")) finished = true;
  });
  child.stderr!.on("data", (b: Buffer) => { stderr += b.toString("utf8"); });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; finished: boolean; stderr: string }>((resolve) =>
    child.on("exit", (code, signal) => { markReady(); resolve({ code, signal, finished, stderr }); }),
  );
  return {
    process: child,
    ready,
    exited,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}
