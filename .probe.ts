import http from "node:http";
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory } from "botbuilder";
const server = http.createServer((req, res) => {
  let body = ""; req.on("data", (c) => (body += c)); req.on("end", () => {
    console.log("REQ", req.method, req.url, req.headers.authorization);
    if (req.url!.includes("blocked")) { res.writeHead(403, { "content-type": "application/json" }); res.end(JSON.stringify({ error: { code: "ConversationBlockedByUser", message: "User blocked the conversation with the bot." } })); return; }
    if (req.url!.includes("busy")) { res.writeHead(429, { "content-type": "application/json", "retry-after": "3" }); res.end(JSON.stringify({ error: { code: "TooManyRequests", message: "slow down" } })); return; }
    res.writeHead(200, { "content-type": "application/json" }); res.end(JSON.stringify({ id: "act-1" }));
  });
});
server.listen(0, "127.0.0.1", async () => {
  const port = (server.address() as any).port;
  const settings = { MicrosoftAppId: "", MicrosoftAppPassword: "" };
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(settings, new ConfigurationServiceClientCredentialFactory(settings)));
  for (const conv of ["ok", "blocked", "busy"]) {
    try {
      await adapter.continueConversationAsync("", { serviceUrl: `http://127.0.0.1:${port}/`, channelId: "msteams", conversation: { id: conv } as any, bot: { id: "b", name: "b" }, user: { id: "u", name: "u" } }, async (ctx) => { const r = await ctx.sendActivity("hi"); console.log("sent", r); });
    } catch (e: any) {
      console.log("ERR", e.constructor.name, e.statusCode, e.code, JSON.stringify(e.details), e.response?.headers?.get?.("retry-after"), e.response?.bodyAsText, Object.keys(e));
    }
  }
  server.close();
});
