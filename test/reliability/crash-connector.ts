import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Called around the n-th send, e.g. to kill the sending process there. Returning "drop" before accepting means the
 * send never reached Teams: it is not recorded and its connection is cut.
 */
export type SendHook = (n: number, phase: "before-accept" | "after-accept") => Promise<"drop" | void> | "drop" | void;

export interface AcceptedSend {
  conversationId: string;
  card: Record<string, unknown>;
  seq: number;
}

/**
 * A FAKE Bot Connector for the crash tests: records every card it accepts and lets the test act (kill the sweeping
 * process) just before or just after accepting the n-th send, so the kill lands exactly where the test says.
 */
export async function startCrashConnector(hook: SendHook = () => undefined) {
  const accepted: AcceptedSend[] = [];
  let calls = 0;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const match = /^\/v3\/conversations\/([^/]+)\/activities\/?$/.exec(req.url ?? "");
    if (req.method !== "POST" || !match) {
      res.writeHead(404);
      res.end();
      return;
    }
    calls += 1;
    const n = calls;
    if ((await hook(n, "before-accept")) === "drop") {
      res.destroy();
      return;
    }
    const activity = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { attachments: { content: Record<string, unknown> }[] };
    accepted.push({ conversationId: decodeURIComponent(match[1]!), card: activity.attachments[0]!.content, seq: n });
    await hook(n, "after-accept");
    if (res.socket === null || res.socket.destroyed) return;
    // Not chained: once restify is loaded in this process (the bot tests load it), it replaces
    // ServerResponse.prototype.writeHead with one that returns undefined, for every server in the process.
    res.writeHead(201, { "content-type": "application/json" });
    res.end(JSON.stringify({ id: `activity-${n}` }));
  };
  // Requests still being read or handled: a killed sender's last request can be accepted just after it exits.
  let inFlight = 0;
  const idle: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    inFlight += 1;
    void handle(req, res)
      .catch(() => res.destroy())
      .finally(() => {
        inFlight -= 1;
        if (inFlight === 0) for (const r of idle.splice(0)) r();
      });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const connections = () => new Promise<number>((r, j) => server.getConnections((err, n) => (err ? j(err) : r(n))));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    accepted,
    calls: () => calls,
    /**
     * Resolves once the (dead) sender's connections are all closed and every request they carried has been accepted
     * or dropped, so nothing already on the wire is counted late.
     */
    settled: async () => {
      for (let open = await connections(); open > 0; open = await connections()) await new Promise((r) => setTimeout(r, 10));
      await new Promise<void>((r) => (inFlight === 0 ? r() : idle.push(r)));
    },
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
