import type { Progress } from "./progress";

/**
 * Writes `count` documents with at most `concurrency` requests in flight, reporting progress. The embedded store is
 * in-process, so more in flight only queues work on the same event loop; a few dozen keeps the pipe full.
 */
export async function bulkSeed(opts: {
  label: string;
  count: number;
  write: (i: number) => Promise<unknown>;
  progress: Progress;
  concurrency?: number;
}): Promise<{ ms: number }> {
  const started = performance.now();
  const concurrency = opts.concurrency ?? 32;
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < opts.count) {
      const i = next++;
      await opts.write(i);
      done += 1;
      if (done % 500 === 0 || done === opts.count) opts.progress.step(opts.label, done, opts.count);
    }
  };
  opts.progress.step(opts.label, 0, opts.count);
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, opts.count)) }, worker));
  return { ms: performance.now() - started };
}
