import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ConnectorRequest {
  method: string;
  url: string;
  body: Record<string, unknown>;
}
export type ConnectorReply = { status: number; headers?: Record<string, string>; body?: unknown };

/**
 * A stand-in for the Bot Connector on loopback: records every request and answers with `respond` (default: 200 with
 * an activity id), so tests can play 403, 429 and 5xx the way Teams does.
 */
export async function startFakeConnector(respond: (req: ConnectorRequest) => ConnectorReply = () => ({ status: 200, body: { id: "activity-1" } })) {
  const requests: ConnectorRequest[] = [];
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    req.on("end", () => {
      const entry = { method: req.method ?? "", url: req.url ?? "", body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {} };
      requests.push(entry);
      const reply = respond(entry);
      res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
      res.end(reply.body === undefined ? "" : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    requests,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
