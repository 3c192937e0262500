import assert from "node:assert/strict";
import { useCasewatchBot, useHarness } from "../support/playground-harness";

// `npm start` promises a useful answer for each demo role; the sergeant has its own file (sergeant.test.ts).
describe("e2e: the inspector and the detective against one bot", function () {
  const bot = useCasewatchBot();
  const inspector = useHarness({ role: "inspector", bot });
  const detective = useHarness({ role: "detective", bot });

  it("greets each of them by rank and name when the Playground installs the bot", async function () {
    await inspector().waitForText("Hello, DI Tom Reid");
    await detective().waitForText("Hello, DC Owen Price");
  });

  it("answers the inspector's `status` with each of the three sergeants' teams", async function () {
    const h = inspector();
    const card = await h.waitForText("Teams status: DI Tom Reid", { after: await h.say("status") });
    const text = await card.innerText();
    for (const lead of ["Sam Khan", "Priya Shah", "Gareth Evans"]) assert.match(text, new RegExp(`${lead}'s team`));
  });

  it("answers the detective's `status` with their own cases", async function () {
    const h = detective();
    const card = await h.waitForText("Your cases: DC Owen Price", { after: await h.say("status") });
    assert.match(await card.innerText(), /Your open cases, worst first/);
  });
});
