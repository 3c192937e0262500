import { CasewatchError } from "../platform/errors";

const DELAYS_MS = [25, 100, 250, 500, 1000];

function isTransient(err: unknown): boolean {
  return err instanceof CasewatchError && err.code === "STORE_UNAVAILABLE";
}

/**
 * Retries an operation the CALLER knows is safe to repeat (an idempotent state change, or a create whose repeat is
 * recognised by its content) while the store answers STORE_UNAVAILABLE, with jittered backoff. `random` is injected
 * so tests stay deterministic.
 */
export async function retryTransient<T>(op: () => Promise<T>, random: () => number = Math.random): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await op();
    } catch (err) {
      const base = DELAYS_MS[attempt];
      if (!isTransient(err) || base === undefined) throw err;
      await new Promise((r) => setTimeout(r, base / 2 + random() * base));
    }
  }
}
