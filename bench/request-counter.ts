import { subscribe } from "node:diagnostics_channel";
import type { ClientRequest } from "node:http";

/** Outgoing HTTP requests the bot made, split into store round trips (by kind) and everything else (connector). */
export interface RequestCounts {
  store: number;
  other: number;
  /** Store round trips by `METHOD collection kind`, e.g. "POST cases query", "GET officers read". */
  storeByKind: Record<string, number>;
}

/**
 * Counts every request the process sends, through Node's `http.client.request.start` diagnostics channel, so the
 * count covers whatever code made it (SDK retries and pages included) without touching the app.
 */
export function countOutgoingRequests() {
  let counts: RequestCounts = { store: 0, other: 0, storeByKind: {} };
  subscribe("http.client.request.start", (message) => {
    const req = (message as { request: ClientRequest }).request;
    // Every Cosmos SDK request names its REST API version; the connector's do not.
    if (req.getHeader("x-ms-version") === undefined) {
      counts.other += 1;
      return;
    }
    counts.store += 1;
    // /dbs/{db}/colls/{coll}/docs[/{id}]
    const parts = req.path.split("?")[0]!.split("/");
    const coll = parts[4];
    const op = req.getHeader("x-ms-documentdb-isquery") !== undefined ? "query" : parts[6] !== undefined ? "item" : (parts[5] ?? "meta");
    const kind = `${req.method} ${coll ?? "-"} ${op}`;
    counts.storeByKind[kind] = (counts.storeByKind[kind] ?? 0) + 1;
  });
  return {
    take(): RequestCounts {
      const c = counts;
      counts = { store: 0, other: 0, storeByKind: {} };
      return c;
    },
  };
}
