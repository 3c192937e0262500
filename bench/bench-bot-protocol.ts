/** Messages between the bench and the bot process it starts (bench-bot.ts), over Node's IPC channel. */
import type { RequestCounts } from "./request-counter";

export interface MemorySample {
  rssBytes: number;
  heapUsedBytes: number;
  /** V8 heap reserved (used or not); RSS beyond it is buffers, code and what the allocator has not given back. */
  heapTotalBytes: number;
  externalBytes: number;
  /** Taken right after a full garbage collection (the bot runs with --expose-gc). */
  afterGc: boolean;
}

export interface BotReady {
  type: "ready";
  botUrl: string;
  pid: number;
  scopeCases: number;
  /** The DI whose scope is every seeded case. */
  inspectorAad: string;
  /** Cases to review, each with the Entra id of a sergeant allowed to review it. */
  reviews: { reviewerAad: string; ref: string }[];
}

export type BotReply =
  | BotReady
  | { type: "progress"; label: string; done: number; total: number }
  | { type: "memory"; sample: MemorySample }
  | { type: "profiled"; file: string }
  | { type: "requests"; counts: RequestCounts }
  | { type: "failed"; message: string };

export type BotRequest = { type: "memory" } | { type: "requests" } | { type: "profile-start" } | { type: "profile-stop"; file: string } | { type: "stop" };
