import http from "node:http";
import { CloudAdapter } from "botbuilder";
import pino from "pino";
import { botAuthentication } from "../bot/bot-authentication";
import { createProactiveSender } from "../bot/proactive-sender";
import { loadConfig } from "../services/config/load-config";
async function main() {
  const srv = http.createServer((req, res) => { console.log(req.method, req.url); res.writeHead(201, {"content-type": "application/json"}); res.end('{"id":"x"}'); });
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", () => r()));
  const url = `http://127.0.0.1:${(srv.address() as any).port}`;
  const config = loadConfig({ CASEWATCH_SCHEDULER: "off" });
  const p = createProactiveSender({ adapter: new CloudAdapter(botAuthentication(config)), appId: "", repos: {} as any, logger: pino({level:"silent"}) });
  console.log(await p.send({ tenantId: "t", aadObjectId: "a", conversationId: "a:bench-dc-1", reference: { channelId: "msteams", serviceUrl: url, conversation: { id: "a:bench-dc-1", tenantId: "t", conversationType: "personal" }, bot: { id: "28:b", name: "C" }, user: { id: "29:a", aadObjectId: "a" } } }, { type: "AdaptiveCard" }));
  srv.close();
}
void main();
