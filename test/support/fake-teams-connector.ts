import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { CardSender, SendResult, SendTarget } from "../../services/app/delivery/card-sender";

/** A scripted failure: an HTTP status, optionally with a Teams error code, for chosen conversations or calls. */
export interface FakeFailure {
  status: number;
  code?: string;
  /** How many times to fail before answering normally again (default: always). */
  times?: number;
  /** Accept (record) the activity and still answer with the failure: a send that "failed" but was delivered. */
  afterDelivery?: boolean;
}

export interface AcceptedActivity {
  conversationId: string;
  activity: Record<string, unknown>;
  seq: number;
}

export interface FakeTeamsConnectorOptions {
  perConversationPerSecond?: number;
  globalPerSecond?: number;
  /** Seconds sent in Retry-After; tests use fractions to stay fast. */
  retryAfterSeconds?: number;
  /** Send at least the time until the window has room again, as Teams' own Retry-After does. */
  retryAfterUntilFree?: boolean;
}

/**
 * FAKE Bot Connector on loopback HTTP for tests. It enforces Teams' proactive-message limits with a sliding
 * one-second window (429 + Retry-After above the per-conversation or global rate), records every accepted activity
 * so tests can count lost and duplicated sends, and fails on demand with Teams' real error shapes.
 */
export class FakeTeamsConnector {
  readonly accepted: AcceptedActivity[] = [];
  /** Base URL to use as the `serviceUrl`; set by start(). */
  url = "";
  throttled = 0;
  calls = 0;
  private server?: http.Server;
  private readonly windows = new Map<string, number[]>();
  private readonly global: number[] = [];
  private readonly byConversation = new Map<string, FakeFailure>();
  private readonly byCall = new Map<number, FakeFailure>();
  private readonly perConversation: number;
  private readonly globalRate: number;
  private readonly retryAfterSeconds: number;
  private readonly retryAfterUntilFree: boolean;

  constructor(opts: FakeTeamsConnectorOptions = {}) {
    this.perConversation = opts.perConversationPerSecond ?? 7;
    this.globalRate = opts.globalPerSecond ?? 50;
    this.retryAfterSeconds = opts.retryAfterSeconds ?? 1;
    this.retryAfterUntilFree = opts.retryAfterUntilFree ?? false;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    const s = this.server;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }

  failConversation(conversationId: string, failure: FakeFailure): void {
    this.byConversation.set(conversationId, { ...failure });
  }

  /** Fails the Nth call (1-based, counting every request including throttled ones). */
  failCall(n: number, failure: FakeFailure): void {
    this.byCall.set(n, { ...failure });
  }

  deliveredTo(conversationId: string): AcceptedActivity[] {
    return this.accepted.filter((a) => a.conversationId === conversationId);
  }

  private scripted(conversationId: string, n: number): FakeFailure | undefined {
    const f = this.byCall.get(n) ?? this.byConversation.get(conversationId);
    if (!f) return undefined;
    if (f.times !== undefined) {
      f.times -= 1;
      if (f.times <= 0) {
        this.byCall.delete(n);
        if (this.byConversation.get(conversationId) === f) this.byConversation.delete(conversationId);
      }
    }
    return f;
  }

  /** Milliseconds until the window has room when over the limit (so at least 1), else 0 (and the send is counted). */
  private overLimit(conversationId: string, now: number): number {
    const prune = (xs: number[]) => { while (xs.length > 0 && xs[0]! <= now - 1000) xs.shift(); };
    const conv = this.windows.get(conversationId) ?? [];
    this.windows.set(conversationId, conv);
    prune(conv);
    prune(this.global);
    const waits = [
      conv.length >= this.perConversation ? conv[conv.length - this.perConversation]! + 1000 - now : 0,
      this.global.length >= this.globalRate ? this.global[this.global.length - this.globalRate]! + 1000 - now : 0,
    ];
    const wait = Math.max(...waits);
    if (wait > 0) return Math.max(1, wait);
    conv.push(now);
    this.global.push(now);
    return 0;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    this.calls += 1;
    const n = this.calls;
    const match = /^\/v3\/conversations\/([^/]+)\/activities\/?$/.exec(req.url ?? "");
    if (req.method !== "POST" || !match) return this.reply(res, 404, { error: { code: "NotFound", message: "no such route" } });
    const conversationId = decodeURIComponent(match[1]!);
    const wait = this.overLimit(conversationId, performance.now());
    if (wait > 0) {
      this.throttled += 1;
      const seconds = this.retryAfterUntilFree ? Math.max(this.retryAfterSeconds, Math.ceil(wait) / 1000) : this.retryAfterSeconds;
      res.setHeader("Retry-After", String(seconds));
      return this.reply(res, 429, { error: { code: "TooManyRequests", message: "Too many requests" } });
    }
    const activity = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
    const failure = this.scripted(conversationId, n);
    if (failure?.afterDelivery || !failure) this.accepted.push({ conversationId, activity, seq: n });
    if (failure) return this.reply(res, failure.status, { error: { code: failure.code ?? "ServiceError", message: "scripted failure" } });
    return this.reply(res, 201, { id: `activity-${n}` });
  }

  private reply(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  }
}

/** A CardSender that posts to a (fake) connector over HTTP, mapping answers to SendResult as the real one does. */
export function createHttpCardSender(serviceUrl: string): CardSender {
  return {
    send: async (target: SendTarget, card: Record<string, unknown>): Promise<SendResult> => {
      const res = await fetch(`${serviceUrl}/v3/conversations/${encodeURIComponent(target.conversationId)}/activities`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ type: "message", attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content: card }] }),
      });
      const body = (await res.json()) as { id?: string; error?: { code?: string } };
      if (res.ok) return { ok: true, ...(body.id ? { activityId: body.id } : {}) };
      const retryAfter = res.headers.get("retry-after");
      return {
        ok: false,
        status: res.status,
        ...(retryAfter !== null ? { retryAfterMs: Math.round(Number(retryAfter) * 1000) } : {}),
        ...(body.error?.code ? { code: body.error.code } : {}),
      };
    },
  };
}

/** A crash injected into a sweep: thrown by FakeCardSender to stand for the process dying mid-send. */
export class SimulatedCrash extends Error {}

/**
 * In-process FAKE sender for fast tests: records each send, answers scripted results, and can "crash" (throw)
 * on the Nth send to simulate a process dying mid-sweep.
 */
export class FakeCardSender implements CardSender {
  readonly sent: { target: SendTarget; card: Record<string, unknown> }[] = [];
  calls = 0;
  constructor(private readonly opts: { crashOnCall?: number; answer?: (target: SendTarget, call: number) => SendResult | undefined } = {}) {}

  async send(target: SendTarget, card: Record<string, unknown>): Promise<SendResult> {
    this.calls += 1;
    if (this.opts.crashOnCall === this.calls) throw new SimulatedCrash(`simulated crash on send ${this.calls}`);
    const scripted = this.opts.answer?.(target, this.calls);
    if (scripted) return scripted;
    this.sent.push({ target, card });
    return { ok: true, activityId: `fake-${this.calls}` };
  }

  sentTo(conversationId: string): number {
    return this.sent.filter((s) => s.target.conversationId === conversationId).length;
  }
}
