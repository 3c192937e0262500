import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What a reply card was, judged by its title, so a turn that answered with the generic error card counts as an error. */
export type ReplyKind = "card" | "error-card" | "other";

/**
 * A FAKE Bot Connector for the bot's replies during the turn-latency run: it accepts every reply, update and
 * proactive post (no rate limit: the bot's reactive replies are what is measured, not Teams' throttling) and
 * classifies each by its card's first text, so turns that failed politely still count as errors.
 */
export class ReplySink {
  url = "";
  readonly counts: Record<ReplyKind, number> = { card: 0, "error-card": 0, other: 0 };
  readonly errorTitles = new Map<string, number>();
  private server?: http.Server;

  constructor(private readonly isErrorCard: (title: TextBlock) => boolean) {}

  async start(): Promise<this> {
    this.server = http.createServer({ keepAlive: true }, (req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  reset(): void {
    this.counts.card = 0;
    this.counts["error-card"] = 0;
    this.counts.other = 0;
    this.errorTitles.clear();
  }

  async close(): Promise<void> {
    const s = this.server;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const kind = this.classify(Buffer.concat(chunks).toString("utf8"));
    this.counts[kind] += 1;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ id: `reply-${this.counts.card + this.counts["error-card"] + this.counts.other}` }));
  }

  private classify(body: string): ReplyKind {
    let activity: { attachments?: { content?: { body?: { text?: unknown }[] } }[] };
    try {
      activity = JSON.parse(body) as typeof activity;
    } catch {
      return "other";
    }
    const title = firstTextBlock(activity.attachments?.[0]?.content);
    if (title === undefined) return "other";
    if (!this.isErrorCard(title)) return "card";
    this.errorTitles.set(title.text, (this.errorTitles.get(title.text) ?? 0) + 1);
    return "error-card";
  }
}

export type TextBlock = { text: string; color?: string };

/** The first TextBlock anywhere in a card: every Casewatch card opens with its title. */
export function firstTextBlock(node: unknown): TextBlock | undefined {
  if (Array.isArray(node)) {
    for (const n of node) {
      const t = firstTextBlock(n);
      if (t !== undefined) return t;
    }
    return undefined;
  }
  if (!node || typeof node !== "object") return undefined;
  const n = node as Record<string, unknown>;
  if (n.type === "TextBlock" && typeof n.text === "string") return { text: n.text, ...(typeof n.color === "string" ? { color: n.color } : {}) };
  for (const key of ["body", "items", "columns"]) {
    const t = firstTextBlock(n[key]);
    if (t !== undefined) return t;
  }
  return undefined;
}
