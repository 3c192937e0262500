import { startBotProcess } from "./bot-process";
import { createProgress } from "./progress";
import { ReplySink } from "./reply-sink";
import { invokeActivity, messageActivity } from "./turn-activities";
async function main() {
  const sink = await new ReplySink((t) => t.color === "attention").start();
  const bot = await startBotProcess({ scopeCases: Number(process.argv[2] ?? 5000), progress: { step() {}, note() {} } });
  const post = async (body: unknown) => {
    const t = performance.now();
    const res = await fetch(`${bot.ready.botUrl}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    await res.text();
    return Math.round(performance.now() - t);
  };
  const what = process.argv[3] ?? "status";
  for (let i = 0; i < 3; i++) await post(messageActivity(bot.ready.inspectorAad, "status", sink.url, i));
  bot.profileStart();
  const times = [];
  for (let i = 0; i < 20; i++) {
    if (what === "status") times.push(await post(messageActivity(bot.ready.inspectorAad, "status", sink.url, 10 + i)));
    if (what === "help") times.push(await post(messageActivity(bot.ready.inspectorAad, "help", sink.url, 10 + i)));
    if (what === "open-case") { const r = bot.ready.reviews[i]!; times.push(await post(invokeActivity(r.reviewerAad, "open-case", { ref: r.ref }, sink.url, 200 + i))); }
  }
  await bot.profileStop(`/tmp/bot-${what}.cpuprofile`);
  console.log(what, times.join(" "), "errors", bot.errorLogs(), sink.counts);
  await bot.stop(); await sink.close();
}
void main();
