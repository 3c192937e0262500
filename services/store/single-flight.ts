import type { Clock } from "../platform/clock";

/**
 * Request coalescing: callers asking for the same key while a load for it is in flight share that one load instead
 * of each asking the store. With `reuseMs` > 0, an answer that arrived less than `reuseMs` ago is also handed to
 * callers asking for the same key, so turns that arrive just after a read finished do not each start another one.
 * The staleness a caller can see is therefore bounded: the shared read started at most one read's duration plus
 * `reuseMs` before it asked. Failures are never reused.
 *
 * `invalidate()` is for writers: a caller that asks after a write has finished never gets a load that started
 * before it, so a turn reads its own writes (and this process's other writes) at once.
 */
export interface SingleFlight {
  run<T>(key: string, load: () => Promise<T>): Promise<T>;
  invalidate(): void;
  /** Loads in flight or answers still reusable now (for tests and diagnostics). */
  size(): number;
}

type Entry = { promise: Promise<unknown>; settledAt?: number };

export function createSingleFlight(opts: { clock?: Clock; reuseMs?: number } = {}): SingleFlight {
  const reuseMs = opts.reuseMs ?? 0;
  if (reuseMs > 0 && !opts.clock) throw new Error("createSingleFlight: reuseMs needs a clock");
  const now = () => opts.clock!.now().getTime();
  let generation = 0;
  const entries = new Map<string, Entry>();
  const reusable = (e: Entry) => e.settledAt === undefined || (reuseMs > 0 && now() - e.settledAt < reuseMs);

  return {
    run: <T>(key: string, load: () => Promise<T>): Promise<T> => {
      // Answers past their reuse window are dropped here, so memory holds at most one window's distinct reads.
      for (const [k, e] of entries) if (!reusable(e)) entries.delete(k);
      const k = `${generation}\u0000${key}`;
      const existing = entries.get(k);
      if (existing) return existing.promise as Promise<T>;
      const entry: Entry = {
        promise: Promise.resolve()
          .then(load)
          .then(
            (value) => {
              if (reuseMs > 0 && entries.get(k) === entry) entry.settledAt = now();
              else if (entries.get(k) === entry) entries.delete(k);
              return value;
            },
            (err: unknown) => {
              if (entries.get(k) === entry) entries.delete(k);
              throw err;
            },
          ),
      };
      entries.set(k, entry);
      return entry.promise as Promise<T>;
    },
    invalidate: () => {
      generation += 1;
      entries.clear();
    },
    size: () => entries.size,
  };
}
