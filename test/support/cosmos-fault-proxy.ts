import https from "node:https";
import type { AddressInfo } from "node:net";
import { type IncomingMessage, type ServerResponse } from "node:http";
import { selfSignedTls } from "./self-signed-tls";

export interface FaultPlan {
  /** Decide per request: undefined passes it through; a number answers with that status instead. */
  decide(req: { method: string; path: string; n: number }): number | undefined;
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

/**
 * A TLS proxy in front of the Cosmos-protocol server that injects 429 (with x-ms-retry-after-ms) and 503 answers,
 * so the real @azure/cosmos client's retry policy and our error mapping are exercised.
 */
export async function startCosmosFaultProxy(target: string, plan: FaultPlan): Promise<{ endpoint: string; injected: () => number; close(): Promise<void> }> {
  const upstream = new URL(target);
  let n = 0;
  let injected = 0;
  const agent = new https.Agent({ rejectUnauthorized: false, keepAlive: true });
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    n += 1;
    const status = plan.decide({ method: req.method ?? "GET", path: req.url ?? "/", n });
    if (status !== undefined) {
      injected += 1;
      req.resume();
      res.writeHead(status, { "content-type": "application/json", "x-ms-retry-after-ms": "5", "x-ms-substatus": status === 429 ? "3200" : "0" });
      res.end(JSON.stringify({ code: status === 429 ? "TooManyRequests" : "ServiceUnavailable", message: "injected fault" }));
      return;
    }
    const proxied = https.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host }, agent },
      (up) => {
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
    injected: () => injected,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); agent.destroy(); }),
  };
}
