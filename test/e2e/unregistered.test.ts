import assert from "node:assert/strict";
import { useHarness } from "../support/playground-harness";

const NOT_REGISTERED = "You are not registered with Casewatch";

// Issue 3, journey 3: the Playground's default user, Alex Wilber, has no officer record in the demo force.
describe("e2e: an unregistered user in the Playground", function () {
  const harness = useHarness({ role: "unregistered" });

  it("gets the not-registered card on install and again for `status`, and nothing about any case", async function () {
    const h = harness();
    await h.waitForText(NOT_REGISTERED);
    const card = await h.waitForText(NOT_REGISTERED, { after: await h.say("status") });
    const text = await card.innerText();
    assert.doesNotMatch(text, /status:|open cases|reviews overdue|bail/i);
    const everything = (await h.botMessages().allInnerTexts()).join("\n");
    assert.doesNotMatch(everything, /Team status|Your cases|DC |DS |DI /, "no officer or case details anywhere in the chat");
  });
});
