import assert from "node:assert/strict";
import { useHarness } from "../support/playground-harness";

// Issue 3, journeys 1 and 2: the demo sergeant (DS Sam Khan, ds1) in the Playground against Casewatch in local mode.
describe("e2e: the sergeant in the Playground", function () {
  const harness = useHarness({ role: "sergeant" });

  it("asks `status` and sees the team status card for their team", async function () {
    const h = harness();
    const card = await h.waitForText("Team status: DS Sam Khan", { after: await h.say("status") });
    const text = await card.innerText();
    assert.match(text, /Your team, busiest first/);
    assert.match(text, /DC Owen Price/, "ds1's detectives are listed");
    assert.match(text, /Reviews overdue/);
  });

  it("clicks Mark as seen and the same card changes in place to say who marked it", async function () {
    const h = harness();
    const card = await h.waitForText("Team status: DS Sam Khan", { after: await h.say("status") });
    const messages = await h.botMessages().count();
    await h.clickButton("Mark as seen", card);
    await h.waitForText(/Marked as seen by DS Sam Khan at \d{1,2}:\d{2}/);
    assert.equal(await h.botMessages().count(), messages, "the card was replaced, not answered with a new message");
    assert.match(await card.innerText(), /Marked as seen by DS Sam Khan/, "the clicked card is the one that changed");
    assert.equal(await card.getByRole("button", { name: "Mark as seen", exact: true }).count(), 0, "the button is gone");
  });
});
