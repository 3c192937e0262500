import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";

/**
 * A bot that speaks the Bot Framework protocol by hand (no botbuilder outside bot/): it answers "echo: <text>",
 * sends a counter card for "card", replaces that card on Action.Execute, and can send proactively. It lets the
 * harness and the Playground's behaviour be tested without Casewatch itself.
 */
const account = z.object({ id: z.string(), name: z.string().optional(), aadObjectId: z.string().optional() });
const activitySchema = z.object({
  type: z.string(),
  id: z.string().optional(),
  name: z.string().optional(),
  text: z.string().optional(),
  serviceUrl: z.string(),
  channelId: z.string(),
  from: account,
  recipient: account,
  conversation: z.object({ id: z.string(), tenantId: z.string().optional(), conversationType: z.string().optional() }),
  channelData: z.object({ tenant: z.object({ id: z.string() }).optional() }).loose().optional(),
  value: z.unknown().optional(),
});
export type ReceivedActivity = z.infer<typeof activitySchema>;

const CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

export function counterCard(clicks: number): Record<string, unknown> {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body: [{ type: "TextBlock", text: clicks === 0 ? "Counter card, not clicked yet" : `Counter card, clicked ${clicks} time(s)`, wrap: true }],
    actions: [{ type: "Action.Execute", title: "Count", verb: "count", data: { clicks } }],
  };
}

export interface EchoBot {
  botUrl: string;
  received: ReceivedActivity[];
  /** Sends a message to the last conversation that wrote to the bot, through that conversation's serviceUrl. */
  sendProactive(text: string): Promise<void>;
  stop(): Promise<void>;
}

async function post(url: string, body: unknown): Promise<void> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`POST ${url} answered ${res.status}: ${await res.text()}`);
}

function activitiesUrl(a: ReceivedActivity, replyToId?: string): string {
  const base = `${a.serviceUrl.replace(/\/$/, "")}/v3/conversations/${encodeURIComponent(a.conversation.id)}/activities`;
  return replyToId ? `${base}/${encodeURIComponent(replyToId)}` : base;
}

export async function startEchoBot(): Promise<EchoBot> {
  const received: ReceivedActivity[] = [];
  let last: ReceivedActivity | undefined;

  const reply = (a: ReceivedActivity, extra: Record<string, unknown>) =>
    post(activitiesUrl(a, a.id), { type: "message", from: a.recipient, recipient: a.from, conversation: a.conversation, replyToId: a.id, ...extra });

  const handle = async (a: ReceivedActivity): Promise<{ status: number; body?: unknown }> => {
    received.push(a);
    if (a.type === "message") {
      last = a;
      const text = (a.text ?? "").trim();
      if (text === "card") await reply(a, { attachments: [{ contentType: CARD_CONTENT_TYPE, content: counterCard(0) }] });
      else await reply(a, { text: `echo: ${text}` });
    }
    if (a.type === "invoke" && a.name === "adaptiveCard/action") {
      const clicks = z.object({ action: z.object({ data: z.object({ clicks: z.number() }) }) }).parse(a.value).action.data.clicks + 1;
      return { status: 200, body: { statusCode: 200, type: CARD_CONTENT_TYPE, value: counterCard(clicks) } };
    }
    return { status: 200 };
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const respond = (status: number, body?: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(body === undefined ? "" : JSON.stringify(body));
      };
      if (req.method !== "POST" || req.url !== "/api/messages") return respond(404);
      const parsed = activitySchema.safeParse(JSON.parse(Buffer.concat(chunks).toString() || "null"));
      if (!parsed.success) return respond(400, { error: parsed.error.message });
      handle(parsed.data).then(
        (r) => respond(r.status, r.body),
        (err: Error) => respond(500, { error: err.message }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    botUrl: `http://127.0.0.1:${port}`,
    received,
    sendProactive: async (text) => {
      if (!last) throw new Error("nobody has written to the echo bot yet");
      await post(activitiesUrl(last), { type: "message", from: last.recipient, conversation: last.conversation, text });
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
