import assert from "node:assert/strict";
import { LOCAL_TENANT_ID } from "../../services/platform/config/load-config";
import { DEMO_USERS } from "../../services/local/demo/demo-users";
import { useHarness } from "../support/playground-harness";
import { startEchoBot, type EchoBot } from "./echo-bot";

// The harness and the Playground's behaviour, against a stand-in bot, so a failure here is about the Playground or the
// harness and never about Casewatch.
describe("Playground harness (against an echo bot)", function () {
  let echo: EchoBot | undefined;
  const harness = useHarness({
    role: "sergeant",
    startBot: async () => {
      echo = await startEchoBot();
      return echo;
    },
  });
  const bot = () => {
    if (!echo) throw new Error("echo bot not started");
    return echo;
  };

  it("delivers a typed message as the sergeant, in the local tenant and the role's personal chat, with the Playground's connector as serviceUrl", async function () {
    const h = harness();
    await h.say("hello casewatch");
    await h.waitForText("echo: hello casewatch");
    const message = bot().received.find((a) => a.type === "message" && a.text === "hello casewatch");
    assert.ok(message, "the bot received the message");
    assert.equal(message.channelId, "msteams");
    assert.equal(message.from.aadObjectId, DEMO_USERS.sergeant);
    assert.equal(message.from.name, "Sam Khan");
    assert.equal(message.conversation.tenantId, LOCAL_TENANT_ID);
    assert.equal(message.channelData?.tenant?.id, LOCAL_TENANT_ID);
    assert.equal(message.conversation.id, "casewatch-personal-sergeant");
    assert.equal(message.conversation.conversationType, "personal");
    assert.equal(message.serviceUrl, h.playground.serviceUrl);
  });

  it("installs the bot when the page connects (installationUpdate and conversationUpdate, in either order), as the configured user", async function () {
    // Runs after a reply has arrived, so the page has long since connected. The Playground sends the two
    // concurrently: their order differs from run to run.
    const first = bot().received.slice(0, 2);
    assert.deepEqual(first.map((a) => a.type).sort(), ["conversationUpdate", "installationUpdate"]);
    const install = first.find((a) => a.type === "installationUpdate");
    assert.equal(install?.from.aadObjectId, DEMO_USERS.sergeant);
    assert.equal(install?.conversation.tenantId, LOCAL_TENANT_ID);
  });

  it("replaces the clicked card with the card the invoke returns, in place", async function () {
    const h = harness();
    await h.say("card");
    const card = await h.waitForText("Counter card, not clicked yet");
    const before = await h.botMessages().count();
    await h.clickButton("Count", card);
    await h.waitForText("Counter card, clicked 1 time(s)");
    assert.equal(await h.botMessages().count(), before, "no new message: the card changed where it was");
    assert.equal(await h.botMessages().filter({ hasText: "not clicked yet" }).count(), 0, "the old card is gone");
    const invoke = bot().received.find((a) => a.type === "invoke");
    assert.equal(invoke?.name, "adaptiveCard/action");
    assert.deepEqual(invoke?.value, { action: { type: "Action.Execute", title: "Count", verb: "count", data: { clicks: 0 } } });
  });

  it("shows a proactive message sent through the Playground's mock connector", async function () {
    const h = harness();
    await bot().sendProactive("a proactive hello");
    await h.waitForText("a proactive hello");
  });

  it("tells a repeated reply from the earlier one with the same text", async function () {
    const h = harness();
    await h.say("twice");
    await h.waitForText("echo: twice");
    const mark = await h.say("twice");
    const second = await h.waitForText("echo: twice", { after: mark });
    assert.equal(await second.innerText(), "echo: twice");
    assert.equal(await h.botMessages().filter({ hasText: "echo: twice" }).count(), 2);
    await assert.rejects(h.waitForText("echo: twice", { after: mark + 1, timeoutMs: 300 }), /after the first/);
  });

  it("reports what the chat shows when the expected text never arrives", async function () {
    const h = harness();
    await assert.rejects(h.waitForText("text the bot never sends", 300), /No bot message matching "text the bot never sends" appeared within 300 ms \(sergeant\)\. The last bot messages were:\n {2}- \S/);
  });
});
