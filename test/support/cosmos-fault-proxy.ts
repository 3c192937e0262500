import https from "node:https";
import type { AddressInfo } from "node:net";
import { type IncomingMessage, type ServerResponse } from "node:http";
import { selfSignedTls } from "./self-signed-tls";

/**
 * What to do with one request: pass it through (undefined), answer with a status instead (the server never sees it),
 * or `{ status, after: true }`: forward it, let the server act on it, then answer the status anyway — the
 * "ambiguous" failure a timeout or a dropped connection gives a real client.
 */
export type FaultDecision = number | { status: number; after: true } | undefined;

export interface FaultPlan {
  /** Decide per request: undefined passes it through; a number answers with that status instead. */
  decide(req: { method: string; path: string; n: number }): FaultDecision;
}

/** A seeded fault plan: each request fails with `status` with probability `rate` (deterministic PRNG). */
export function randomFaults(seed: number, rate: number, statuses: readonly number[]): FaultPlan {
  let s = seed >>> 0;
  const next = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  return {
    decide: () => {
      if (next() >= rate) return undefined;
      return statuses[Math.floor(next() * statuses.length)];
    },
  };
}

/** A plan that injects nothing until switched on, so a test can seed its data through the same proxy first. */
export function switchable(plan: FaultPlan): FaultPlan & { on(): void; off(): void; active(): boolean } {
  let active = false;
  return {
    decide: (req) => (active ? plan.decide(req) : undefined),
    on: () => { active = true; },
    off: () => { active = false; },
    active: () => active,
  };
}

/** Only requests whose method and path match get the inner plan's faults (e.g. writes to one container). */
export function onlyFor(match: (req: { method: string; path: string }) => boolean, plan: FaultPlan): FaultPlan {
  return { decide: (req) => (match(req) ? plan.decide(req) : undefined) };
}

export interface CosmosFaultProxy {
  endpoint: string;
  /** Faults answered so far, in total and by status. */
  injected(): number;
  injectedByStatus(): Record<number, number>;
  /** Requests seen, faulted or not. */
  requests(): number;
  close(): Promise<void>;
}

function fault(res: ServerResponse, status: number): void {
  res.writeHead(status, { "content-type": "application/json", "x-ms-retry-after-ms": "5", "x-ms-substatus": status === 429 ? "3200" : "0" });
  res.end(JSON.stringify({ code: status === 429 ? "TooManyRequests" : "ServiceUnavailable", message: "injected fault" }));
}

/**
 * A TLS proxy in front of the Cosmos-protocol server that injects 429 (with x-ms-retry-after-ms) and 503 answers,
 * so the real @azure/cosmos client's retry policy and our error mapping are exercised.
 */
export async function startCosmosFaultProxy(target: string, plan: FaultPlan): Promise<CosmosFaultProxy> {
  const upstream = new URL(target);
  let n = 0;
  const byStatus: Record<number, number> = {};
  const agent = new https.Agent({ rejectUnauthorized: false, keepAlive: true });
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    n += 1;
    const decision = plan.decide({ method: req.method ?? "GET", path: req.url ?? "/", n });
    const status = typeof decision === "number" ? decision : decision?.status;
    if (status !== undefined) byStatus[status] = (byStatus[status] ?? 0) + 1;
    if (typeof decision === "number") {
      req.resume();
      fault(res, decision);
      return;
    }
    const proxied = https.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host }, agent },
      (up) => {
        if (decision !== undefined) {
          // The server has acted on it; the client is told it failed.
          up.resume();
          up.on("end", () => fault(res, decision.status));
          return;
        }
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    proxied.on("error", () => { res.writeHead(502); res.end(); });
    req.pipe(proxied);
  };
  const server = https.createServer(selfSignedTls(), handler);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `https://127.0.0.1:${port}`,
    injected: () => Object.values(byStatus).reduce((a, b) => a + b, 0),
    injectedByStatus: () => ({ ...byStatus }),
    requests: () => n,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); agent.destroy(); }),
  };
}
