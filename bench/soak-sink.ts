import http from "node:http";
import type { AddressInfo } from "node:net";

/** Fake Bot Connector: accepts every reply and proactive card, counting the ones that are error cards. */
export async function startSink() {
  const counts = { cards: 0, errorCards: 0 };
  const errorTitles = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const title = titleOf(Buffer.concat(chunks).toString("utf8"));
      if (title?.error) {
        counts.errorCards += 1;
        errorTitles.set(`reply: ${title.text}`, (errorTitles.get(`reply: ${title.text}`) ?? 0) + 1);
      } else if (title) counts.cards += 1;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: `sink-${counts.cards + counts.errorCards}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, counts, errorTitles, close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

/** A card's title block; error cards (cards/error.json) open with a Medium, attention-coloured title. */
export function titleOf(body: string): { text: string; error: boolean } | undefined {
  try {
    const a = JSON.parse(body) as { attachments?: { content?: Card }[]; value?: Card };
    const first = (a.value ?? a.attachments?.[0]?.content)?.body?.[0];
    return first?.text === undefined ? undefined : { text: first.text, error: first.color === "attention" && first.size === "Medium" };
  } catch {
    return undefined;
  }
}
type Card = { body?: { text?: string; color?: string; size?: string }[] };

